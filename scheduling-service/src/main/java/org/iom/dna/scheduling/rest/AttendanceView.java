package org.iom.dna.scheduling.rest;

import java.time.Instant;
import java.util.UUID;
import org.iom.dna.scheduling.domain.AppointmentMember;
import org.iom.dna.scheduling.domain.AttendanceRecord;

/** A member's attendance as it stands, and one entry of the day's audit trail. */
public final class AttendanceView {

    private AttendanceView() {}

    public record Current(
            UUID appointmentId,
            String memberRef,
            String attendance,
            Boolean identityVerified,
            String consentGivenBy,
            String kitNumber) {

        static Current of(AppointmentMember m) {
            return new Current(
                    m.appointment.id,
                    m.memberRef(),
                    m.attendance.name(),
                    m.identityVerified,
                    m.consentGivenBy,
                    m.kitNumber);
        }
    }

    /** @param correctionReason why an earlier record was changed; null for a first record */
    public record Entry(
            long id,
            String memberRef,
            String attendance,
            Boolean identityVerified,
            String consentGivenBy,
            String kitNumber,
            String correctionReason,
            String recordedBy,
            Instant recordedAt) {

        static Entry of(AttendanceRecord r) {
            return new Entry(
                    r.id,
                    r.memberRef,
                    r.attendance.name(),
                    r.identityVerified,
                    r.consentGivenBy,
                    r.kitNumber,
                    r.correctionReason,
                    r.recordedBy,
                    r.recordedAt);
        }
    }
}
