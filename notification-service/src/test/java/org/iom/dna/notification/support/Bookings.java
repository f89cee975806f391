package org.iom.dna.notification.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;

/** Appointment events as scheduling publishes them, with fresh ids for every test. */
public final class Bookings {

    public static final String CENTRE = "ET-ADD";
    public static final String ZONE = "Africa/Addis_Ababa";
    public static final LocalTime START = LocalTime.of(8, 30);

    private Bookings() {}

    /** A member reference unique to this test run; its prefix tells the intake stub how to answer. */
    public static String member(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A family booked at ET-ADD nine days from now, every member at 08:30 local time. */
    public static AppointmentBookedV1 booked(UUID requestId, String... memberRefs) {
        return booked(requestId, UUID.randomUUID(), 0, memberRefs);
    }

    public static AppointmentBookedV1 booked(UUID requestId, UUID appointmentId, int sequence, String... memberRefs) {
        return at(requestId, appointmentId, sequence, 9, null, memberRefs);
    }

    /** A family booked at ET-ADD {@code days} from now. */
    public static AppointmentBookedV1 inDays(int days, String... memberRefs) {
        return at(UUID.randomUUID(), UUID.randomUUID(), 0, days, null, memberRefs);
    }

    /** The family of {@code previous} moved to {@code days} from now: a new appointment that replaces it. */
    public static AppointmentBookedV1 movedFrom(AppointmentBookedV1 previous, int days) {
        return at(
                previous.requestId(),
                UUID.randomUUID(),
                previous.sequence() + 1,
                days,
                previous.appointmentId(),
                previous.members().stream()
                        .map(AppointmentBookedV1.BookedMember::memberRef)
                        .toArray(String[]::new));
    }

    private static AppointmentBookedV1 at(
            UUID requestId, UUID appointmentId, int sequence, int days, UUID replaces, String... memberRefs) {
        LocalDate day = LocalDate.now(ZoneId.of(ZONE)).plusDays(days);
        Instant startsAt = ZonedDateTime.of(day, START, ZoneId.of(ZONE)).toInstant();
        UUID slotId = UUID.randomUUID();
        return new AppointmentBookedV1(
                appointmentId,
                requestId,
                CENTRE,
                ZONE,
                day,
                sequence,
                Instant.now(),
                Arrays.stream(memberRefs)
                        .map(ref -> new AppointmentBookedV1.BookedMember(ref, slotId, startsAt, START))
                        .toList(),
                replaces,
                null,
                false);
    }

    public static AppointmentCancelledV1 cancelled(AppointmentBookedV1 booked) {
        return cancelled(booked, "SLOT_WITHDRAWN");
    }

    public static AppointmentCancelledV1 cancelled(AppointmentBookedV1 booked, String reason) {
        return new AppointmentCancelledV1(booked.appointmentId(), booked.requestId(), reason, Instant.now());
    }
}
