package org.iom.dna.optimiser.model;

/**
 * The IND's priority for a case, spelt as on the wire (the events module's {@code Priority}), with the weight the
 * objective gives one member's day of waiting or one member left unscheduled.
 */
public enum Priority {
    UNACCOMPANIED_MINOR(8),
    MEDICAL(4),
    URGENT(2),
    STANDARD(1);

    private final int weight;

    Priority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
