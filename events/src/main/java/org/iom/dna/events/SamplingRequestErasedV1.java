package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A closed case's personal data was erased in intake: its retention period after closing ran out, or the IND asked.
 * Every service that keeps anything leading to a person of the case (member references, kit numbers, message
 * records) erases it too; scheduling passes the erasure on as {@link FamilyErasedV1}.
 *
 * @param reason {@code RETENTION} or {@code IND_REQUEST}
 */
public record SamplingRequestErasedV1(UUID requestId, String reason, Instant erasedAt) {

    public static final String TYPE = "org.iom.dna.intake.SamplingRequestErased.v1";
}
