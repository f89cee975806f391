package org.iom.dna.optimiser.solve;

import java.time.Duration;
import java.util.OptionalLong;
import org.iom.dna.optimiser.model.Solution;

/**
 * A solver's answer.
 *
 * @param objective the solution's objective, computed by {@link org.iom.dna.optimiser.rules.Objective}
 * @param bound a proven lower bound on any solution's objective, if the solver proves one
 * @param optimal whether the solution is proven optimal (then {@code bound == objective})
 * @param time wall time, model building included
 * @param status the backend's own words, for the report
 */
public record SolveResult(
        String solver,
        Solution solution,
        long objective,
        OptionalLong bound,
        boolean optimal,
        Duration time,
        String status) {

    /** (objective − bound) / objective, or NaN without a bound. */
    public double gap() {
        if (bound.isEmpty()) {
            return Double.NaN;
        }
        return objective == 0 ? 0 : (double) (objective - bound.getAsLong()) / Math.abs(objective);
    }
}
