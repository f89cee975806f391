package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A slot no longer exists for sampling: a closure covers its day, or its centre stopped working.
 * Families booked into it must be moved, whole.
 *
 * @param reason {@code CLOSURE}, {@code CENTRE_NOT_ACTIVE} or {@code CALENDAR_CHANGED}
 */
public record SlotWithdrawnV1(UUID slotId, String centreCode, String reason, Instant withdrawnAt) {

    public static final String TYPE = "org.iom.dna.registry.SlotWithdrawn.v1";
}
