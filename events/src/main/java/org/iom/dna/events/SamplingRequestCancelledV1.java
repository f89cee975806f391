package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The IND cancelled a case. Scheduling frees the family's slots. The IND's free-text comment stays in intake.
 *
 * @param reason {@code WITHDRAWN_BY_APPLICANT}, {@code DECIDED_WITHOUT_DNA}, {@code DUPLICATE} or {@code OTHER}
 */
public record SamplingRequestCancelledV1(UUID requestId, String reason, Instant cancelledAt) {

    public static final String TYPE = "org.iom.dna.intake.SamplingRequestCancelled.v1";
}
