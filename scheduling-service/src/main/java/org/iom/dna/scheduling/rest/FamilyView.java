package org.iom.dna.scheduling.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.FamilyCase;

/** A family as the scheduler sees it: status, priority and, once booked, the appointment. */
public record FamilyView(
        UUID requestId,
        String status,
        String priority,
        LocalDate deadline,
        Instant receivedAt,
        AppointmentView appointment) {

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
                view);
    }
}
