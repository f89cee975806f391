package org.iom.dna.scheduling.domain;

/**
 * WAITING covers both "not tried yet" and "on the waitlist until capacity appears" (also after a no-show, for the
 * members still to be sampled). COMPLETED: no member needs another appointment. UNREACHABLE: the family missed
 * as many appointments as the scheduler offers.
 */
public enum CaseStatus {
    WAITING,
    BOOKED,
    COMPLETED,
    UNREACHABLE,
    CANCELLED
}
