package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A whole family is booked at one centre on one local day.
 *
 * @param sequence starts at 0 and grows with every reschedule (iCalendar SEQUENCE)
 * @param replaces the appointment this one moves the family from, or {@code null} (added within v1)
 * @param location for sampling outside the centre (an ad-hoc case), where it takes place, or {@code null}
 *     (added within v1)
 */
public record AppointmentBookedV1(
        UUID appointmentId,
        UUID requestId,
        String centreCode,
        String zone,
        LocalDate localDate,
        int sequence,
        Instant bookedAt,
        List<BookedMember> members,
        UUID replaces,
        String location) {

    public static final String TYPE = "org.iom.dna.scheduling.AppointmentBooked.v1";

    public record BookedMember(String memberRef, UUID slotId, Instant startsAt, LocalTime localStart) {}
}
