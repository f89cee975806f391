package org.iom.dna.intake.domain;

public enum CancellationReason {
    WITHDRAWN_BY_APPLICANT,
    DECIDED_WITHOUT_DNA,
    DUPLICATE,
    OTHER
}
