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
 * @param facilities what the centre offers families with particular needs: {@code WHEELCHAIR_ACCESS} (step-free
 *     entrance and sampling room), {@code MEDICAL_CARE} (a nurse or doctor on site for members who need care while
 *     sampled). Added within v1: readers of older events see none.
 */
public record CentreChangedV1(
        String code,
        String name,
        String country,
        String city,
        String zone,
        String status,
        Instant changedAt,
        List<String> languages,
        List<String> facilities) {

    public static final String WHEELCHAIR_ACCESS = "WHEELCHAIR_ACCESS";
    public static final String MEDICAL_CARE = "MEDICAL_CARE";

    public static final String TYPE = "org.iom.dna.registry.CentreChanged.v1";
}
