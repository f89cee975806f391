package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * MHAC staff recorded what happened to one member on the appointment day.
 *
 * @param outcome {@code SAMPLED}, {@code NO_SHOW}, {@code EXCUSED}, {@code REFUSED} or {@code IDENTITY_MISMATCH}
 */
public record AttendanceRecordedV1(
        UUID requestId, UUID appointmentId, String memberRef, String outcome, Instant recordedAt) {

    public static final String TYPE = "org.iom.dna.scheduling.AttendanceRecorded.v1";
}
