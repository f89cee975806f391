package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A family's appointment no longer stands; its slots are free again.
 *
 * @param reason {@code REQUEST_CANCELLED} (the IND cancelled the case), {@code RESCHEDULED}, ...
 */
public record AppointmentCancelledV1(UUID appointmentId, UUID requestId, String reason, Instant cancelledAt) {

    public static final String TYPE = "org.iom.dna.scheduling.AppointmentCancelled.v1";
}
