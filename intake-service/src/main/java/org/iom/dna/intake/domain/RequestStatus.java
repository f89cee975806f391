package org.iom.dna.intake.domain;

/** Where a family case stands, driven by events from scheduling and notification. */
public enum RequestStatus {
    RECEIVED,
    WAITLISTED,
    SCHEDULED,
    PARTIALLY_SAMPLED,
    SAMPLED,
    CANCELLED,
    UNREACHABLE,
    EXPIRED
}
