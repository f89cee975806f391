package org.iom.dna.intake.testdata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.MemberUnreachableV1;

/** What scheduling and notification report about a case, as the events module's records. */
public final class Events {

    public static final String CENTRE = "ET-ADD";
    public static final String ZONE = "Africa/Addis_Ababa";
    public static final LocalTime START = LocalTime.of(8, 30);

    private Events() {}

    public static LocalDate appointmentDay() {
        return LocalDate.now().plusDays(10);
    }

    /** The whole mother-and-son family booked at Addis Ababa, 08:30 local, ten days from now. */
    public static AppointmentBookedV1 booked(UUID requestId, UUID appointmentId) {
        return booked(requestId, appointmentId, 0, Families.MOTHER, Families.SON);
    }

    public static AppointmentBookedV1 booked(UUID requestId, UUID appointmentId, int sequence, String... memberRefs) {
        LocalDate day = appointmentDay();
        Instant startsAt = day.atTime(START).atZone(ZoneId.of(ZONE)).toInstant();
        return new AppointmentBookedV1(
                appointmentId,
                requestId,
                CENTRE,
                ZONE,
                day,
                sequence,
                Instant.now(),
                List.of(memberRefs).stream()
                        .map(ref -> new AppointmentBookedV1.BookedMember(ref, UUID.randomUUID(), startsAt, START))
                        .toList(),
                null,
                null,
                false);
    }

    public static FamilyWaitlistedV1 waitlisted(UUID requestId) {
        return new FamilyWaitlistedV1(requestId, Instant.now(), List.of());
    }

    public static AppointmentCancelledV1 appointmentCancelled(UUID requestId, UUID appointmentId, String reason) {
        return new AppointmentCancelledV1(appointmentId, requestId, reason, Instant.now());
    }

    public static AttendanceRecordedV1 attended(UUID requestId, String memberRef, String outcome) {
        return new AttendanceRecordedV1(requestId, UUID.randomUUID(), memberRef, outcome, Instant.now());
    }

    public static ContactAttemptRecordedV1 attempt(UUID requestId, UUID deliveryId, int attempt, String outcome) {
        return new ContactAttemptRecordedV1(
                deliveryId,
                requestId,
                Families.MOTHER,
                "APPOINTMENT_CONFIRMATION",
                "SMS",
                attempt,
                outcome,
                Instant.parse("2026-11-28T10:00:00Z").plusSeconds(60L * attempt));
    }

    public static MemberUnreachableV1 unreachable(UUID requestId, String memberRef) {
        return new MemberUnreachableV1(requestId, memberRef, 6, Instant.now());
    }
}
