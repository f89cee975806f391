package org.iom.dna.scheduling.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.domain.Appointment;

/**
 * One appointment in a family's history.
 *
 * @param replaces the appointment this one moved the family from
 * @param bookedBy the staff member who booked by hand; null when the scheduler booked
 * @param overrideReason why staff booked beyond capacity
 * @param location where sampling takes place when not at the centre (an ad-hoc case)
 */
public record AppointmentDetails(
        UUID id,
        String status,
        String centreCode,
        String zone,
        LocalDate localDate,
        int sequence,
        Instant bookedAt,
        UUID replaces,
        String bookedBy,
        String overrideReason,
        String location,
        Instant closedAt,
        List<Member> members) {

    public record Member(String memberRef, UUID slotId, LocalTime localStart, Instant startsAt, String attendance) {}

    static AppointmentDetails of(Appointment a) {
        return new AppointmentDetails(
                a.id,
                a.status.name(),
                a.centreCode,
                a.zone,
                a.localDate,
                a.sequence,
                a.bookedAt,
                a.replaces,
                a.bookedBy,
                a.overrideReason,
                a.location,
                a.closedAt,
                a.members.stream()
                        .sorted(Comparator.comparing(m -> m.startsAt))
                        .map(m -> new Member(m.memberRef(), m.slotId, m.localStart, m.startsAt, m.attendance.name()))
                        .toList());
    }
}
