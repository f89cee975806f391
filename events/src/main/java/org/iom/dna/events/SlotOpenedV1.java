package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * An MHAC opened a slot for sampling. Instants are UTC; the local date and time are given with
 * the centre's IANA zone so that nobody downstream needs to recompute them.
 */
public record SlotOpenedV1(
        UUID slotId,
        String centreCode,
        String country,
        String zone,
        LocalDate localDate,
        LocalTime localStart,
        Instant startsAt,
        Instant endsAt,
        int capacity) {

    public static final String TYPE = "org.iom.dna.registry.SlotOpened.v1";
}
