package org.iom.dna.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * No feasible day exists yet for the family; it waits until capacity appears.
 *
 * @param memberRefs the members still to be sampled, whom notification-service tells that they wait (added within
 *     v1: readers of older events see none)
 */
public record FamilyWaitlistedV1(UUID requestId, Instant waitlistedAt, List<String> memberRefs) {

    public static final String TYPE = "org.iom.dna.scheduling.FamilyWaitlisted.v1";
}
