package org.iom.dna.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The IND changed a member's contact channels. Says which kinds of channel changed, never their
 * values: notification-service fetches current values from intake when it next sends.
 *
 * @param changed channel kinds, e.g. {@code phone}, {@code email}, {@code whatsapp}, {@code proxy}
 */
public record SamplingRequestAmendedV1(UUID requestId, String memberRef, List<String> changed, Instant amendedAt) {

    public static final String TYPE = "org.iom.dna.intake.SamplingRequestAmended.v1";
}
