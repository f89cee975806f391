package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A tentative appointment is now the family's: it will not move any more, and the family is told of it. Published on
 * {@link Topics#APPOINTMENTS}, after the {@link AppointmentBookedV1} of the same appointment.
 *
 * @param appointment the appointment as confirmed (its {@code tentative} false), so that a consumer that kept
 *     nothing of the tentative booking can act on this event alone
 */
public record AppointmentConfirmedV1(
        UUID appointmentId, UUID requestId, Instant confirmedAt, AppointmentBookedV1 appointment) {

    public static final String TYPE = "org.iom.dna.scheduling.AppointmentConfirmed.v1";
}
