package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A whole family is booked at one centre on one local day, tentatively or for good.
 *
 * @param sequence starts at 0 and grows with every reschedule (iCalendar SEQUENCE)
 * @param replaces the appointment this one moves the family from, or {@code null} (added within v1)
 * @param location for sampling outside the centre (an ad-hoc case), where it takes place, or {@code null}
 *     (added within v1)
 * @param tentative the day is held for the family but may still move when the country's bookings are re-planned;
 *     the family is told nothing until {@link AppointmentConfirmedV1}. False when the booking is confirmed at once
 *     (added within v1: an event without it is a confirmed booking)
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
        String location,
        boolean tentative) {

    public static final String TYPE = "org.iom.dna.scheduling.AppointmentBooked.v1";

    /** The same booking, tentative or confirmed: a confirmation carries the booking as confirmed. */
    public AppointmentBookedV1 withTentative(boolean tentative) {
        return new AppointmentBookedV1(
                appointmentId,
                requestId,
                centreCode,
                zone,
                localDate,
                sequence,
                bookedAt,
                members,
                replaces,
                location,
                tentative);
    }

    public record BookedMember(String memberRef, UUID slotId, Instant startsAt, LocalTime localStart) {}
}
