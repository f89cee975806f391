package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * MHAC staff changed a slot: its capacity, or blocked or unblocked it. Carries the slot's new state,
 * so a consumer that missed earlier changes still ends up right.
 *
 * @param status {@code OPEN} (takes bookings) or {@code BLOCKED} (held back by staff)
 */
public record SlotChangedV1(UUID slotId, String centreCode, int capacity, String status, Instant changedAt) {

    public static final String TYPE = "org.iom.dna.registry.SlotChanged.v1";
}
