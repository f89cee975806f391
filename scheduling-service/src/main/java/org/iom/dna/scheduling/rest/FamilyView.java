package org.iom.dna.scheduling.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.FamilyCase;

/**
 * A family as the scheduler sees it: status, priority and, once booked, the appointment; while it waits, why.
 *
 * @param waitReason why no day was found on the last try (LEAD_TIME_PASSES_DEADLINE, NO_OPEN_SLOT, NO_FACILITY,
 *     NO_INTERPRETER, NO_DAY_FITS_FAMILY, DAY_KEPT_FOR_ANOTHER_FAMILY); null when booked or not tried yet
 * @param deadlineAtRiskSince when the IND was told the deadline is at risk
 * @param missedAppointments appointments at which a member did not come
 * @param dayKeptForIt the centre-day whose places are kept for the family (close to its deadline and fitting
 *     nowhere yet): nobody served after it is booked there until it fits; null when none is kept
 */
public record FamilyView(
        UUID requestId,
        String status,
        String priority,
        LocalDate deadline,
        Instant receivedAt,
        AppointmentView appointment,
        String waitReason,
        Instant deadlineAtRiskSince,
        int missedAppointments,
        KeptDay dayKeptForIt) {

    public record KeptDay(String centreCode, LocalDate localDate) {}

    public record AppointmentView(
            UUID id, String centreCode, String zone, LocalDate localDate, int sequence, List<MemberSlot> members) {}

    public record MemberSlot(String memberRef, UUID slotId, LocalTime localStart, Instant startsAt) {}

    static FamilyView of(FamilyCase family, Appointment appointment) {
        AppointmentView view = appointment == null
                ? null
                : new AppointmentView(
                        appointment.id,
                        appointment.centreCode,
                        appointment.zone,
                        appointment.localDate,
                        appointment.sequence,
                        appointment.members.stream()
                                .map(m -> new MemberSlot(m.key.memberRef, m.slotId, m.localStart, m.startsAt))
                                .sorted((a, b) -> a.startsAt().compareTo(b.startsAt()))
                                .toList());
        return new FamilyView(
                family.requestId,
                family.status.name(),
                family.priority.name(),
                family.deadline,
                family.receivedAt,
                view,
                family.waitReason == null ? null : family.waitReason.name(),
                family.deadlineAtRiskSince,
                family.missedAppointments,
                family.heldCentre == null ? null : new KeptDay(family.heldCentre, family.heldDate));
    }
}
