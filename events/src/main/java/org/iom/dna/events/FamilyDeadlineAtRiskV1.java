package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The family waits and its deadline is near (or its members cannot travel in time): the IND learns early, while
 * something can still be done (a later deadline, another centre, a booking by hand). Sent once per case.
 *
 * @param reason why no day is found: {@code LEAD_TIME_PASSES_DEADLINE}, {@code NO_OPEN_SLOT} or
 *     {@code NO_DAY_FITS_FAMILY}
 */
public record FamilyDeadlineAtRiskV1(UUID requestId, LocalDate deadline, String reason, Instant flaggedAt) {

    public static final String TYPE = "org.iom.dna.scheduling.FamilyDeadlineAtRisk.v1";
}
