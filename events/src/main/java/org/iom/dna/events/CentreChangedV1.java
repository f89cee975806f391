package org.iom.dna.events;

import java.time.Instant;
import java.util.List;

/**
 * A centre was created or its details changed. When it stops being {@code ACTIVE}, its future slots
 * are withdrawn with their own events.
 *
 * @param status {@code ACTIVE}, {@code SUSPENDED} or {@code CLOSED}
 * @param languages BCP 47 tags of the languages an interpreter on site speaks (added within v1: readers of older
 *     events see none)
 */
public record CentreChangedV1(
        String code,
        String name,
        String country,
        String city,
        String zone,
        String status,
        Instant changedAt,
        List<String> languages) {

    public static final String TYPE = "org.iom.dna.registry.CentreChanged.v1";
}
