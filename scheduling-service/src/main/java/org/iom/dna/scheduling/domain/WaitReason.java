package org.iom.dna.scheduling.domain;

/** Why the scheduler found no day for a waiting family on its last try. */
public enum WaitReason {
    /** The slowest member cannot travel in time: the earliest possible day is after the deadline. */
    LEAD_TIME_PASSES_DEADLINE,
    /** No open slot with a free place in the family's country between its earliest day and its deadline. */
    NO_OPEN_SLOT,
    /** Open slots exist, but none at a centre with what a member needs (wheelchair access, medical care). */
    NO_FACILITY,
    /** Open slots exist, but none at a centre with an interpreter that day for the languages the family needs. */
    NO_INTERPRETER,
    /** Open slots exist, but no centre has a day with enough consecutive places for the whole family. */
    NO_DAY_FITS_FAMILY,
    /**
     * The family would fit on a day whose places are kept for a family served before it that is close to its
     * deadline and does not fit anywhere yet.
     */
    DAY_KEPT_FOR_ANOTHER_FAMILY
}
