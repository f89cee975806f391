package org.iom.dna.events;

/**
 * The IND's priority for a case, in the order scheduling serves them: the contract's one statement
 * of that order. On the wire it is the constant's name.
 */
public enum Priority {
    STANDARD(1),
    URGENT(2),
    MEDICAL(3),
    UNACCOMPANIED_MINOR(4);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    /** Higher is served first. */
    public int rank() {
        return rank;
    }
}
