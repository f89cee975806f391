package org.iom.dna.scheduling.domain;

/** WAITING covers both "not tried yet" and "on the waitlist until capacity appears". */
public enum CaseStatus {
    WAITING,
    BOOKED,
    CANCELLED
}
