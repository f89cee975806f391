package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/** No feasible day exists yet for the family; it waits until capacity appears. */
public record FamilyWaitlistedV1(UUID requestId, Instant waitlistedAt) {

    public static final String TYPE = "org.iom.dna.scheduling.FamilyWaitlisted.v1";
}
