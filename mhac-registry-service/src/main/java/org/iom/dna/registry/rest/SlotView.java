package org.iom.dna.registry.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.iom.dna.registry.domain.Slot;

/** A slot in the centre's local time, with the same instants in UTC. */
public record SlotView(
        UUID id,
        String centreCode,
        LocalDate localDate,
        LocalTime localStart,
        LocalTime localEnd,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        String status,
        int version) {

    static SlotView of(Slot s) {
        return new SlotView(
                s.id,
                s.centreCode,
                s.localDate,
                s.localStart,
                s.localEnd,
                s.startsAt,
                s.endsAt,
                s.capacity,
                s.status.name(),
                s.version);
    }
}
