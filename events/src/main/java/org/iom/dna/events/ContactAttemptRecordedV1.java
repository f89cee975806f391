package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * notification-service tried to reach a family member. Every attempt is reported, successful or
 * not, because a family's application can fail when they cannot be reached.
 *
 * @param kind what the message was about, e.g. {@code APPOINTMENT_CONFIRMATION}
 * @param channel {@code EMAIL}, {@code SMS}, ...
 * @param attempt 1 for the first try of this delivery
 * @param outcome {@code SENT}, {@code FAILED} (will retry), {@code GAVE_UP} or {@code NO_CHANNEL}
 */
public record ContactAttemptRecordedV1(
        UUID deliveryId,
        UUID requestId,
        String memberRef,
        String kind,
        String channel,
        int attempt,
        String outcome,
        Instant attemptedAt) {

    public static final String TYPE = "org.iom.dna.notification.ContactAttemptRecorded.v1";
}
