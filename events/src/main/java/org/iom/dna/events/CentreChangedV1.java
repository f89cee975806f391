package org.iom.dna.events;

import java.time.Instant;

/**
 * A centre was created or its details changed. When it stops being {@code ACTIVE}, its future slots
 * are withdrawn with their own events.
 *
 * @param status {@code ACTIVE}, {@code SUSPENDED} or {@code CLOSED}
 */
public record CentreChangedV1(
        String code, String name, String country, String city, String zone, String status, Instant changedAt) {

    public static final String TYPE = "org.iom.dna.registry.CentreChanged.v1";
}
