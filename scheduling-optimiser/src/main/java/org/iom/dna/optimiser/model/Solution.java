package org.iom.dna.optimiser.model;

import java.util.List;
import java.util.Objects;

/**
 * A plan for an instance: at most one assignment per family (the checker says whether it keeps the rules).
 *
 * @param instance the name of the instance it plans
 */
public record Solution(String instance, List<Assignment> assignments) {

    public Solution {
        Objects.requireNonNull(instance, "instance");
        assignments = List.copyOf(assignments);
    }
}
