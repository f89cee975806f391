package org.iom.dna.optimiser.rules;

/**
 * One broken hard rule of a solution.
 *
 * @param family the family concerned, or null when the rule is about the whole solution or a centre-day
 */
public record Violation(Kind kind, String family, String reason) {

    /** The hard rules, one constant each. */
    public enum Kind {
        OTHER_INSTANCE,
        UNKNOWN_FAMILY,
        UNKNOWN_CENTRE,
        ASSIGNED_TWICE,
        OTHER_COUNTRY,
        BEFORE_EARLIEST_DAY,
        AFTER_DEADLINE,
        NO_INTERPRETER,
        NOT_ALLOWED,
        OVER_CAPACITY
    }

    @Override
    public String toString() {
        return kind + (family == null ? "" : " " + family) + ": " + reason;
    }
}
