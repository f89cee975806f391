package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Scheduling erased what it kept of a case whose personal data intake erased ({@link SamplingRequestErasedV1}):
 * member references replaced by positions, attendance details gone. Notification does the same with its records.
 */
public record FamilyErasedV1(UUID requestId, String reason, Instant erasedAt) {

    public static final String TYPE = "org.iom.dna.scheduling.FamilyErased.v1";
}
