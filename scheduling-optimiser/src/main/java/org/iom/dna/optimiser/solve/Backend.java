package org.iom.dna.optimiser.solve;

import java.util.OptionalDouble;

/** One way to solve an {@link AssignmentModel} exactly, behind {@link MipSolver}. */
interface Backend {

    /**
     * @param warmStart a feasible choice per family (-1: unscheduled), to start from where the backend can
     * @return the best choice found, or null if none; with a proven bound on the objective if there is one
     */
    Outcome solve(AssignmentModel model, int[] warmStart, double seconds, int threads, boolean log);

    /**
     * @param bound proven lower bound on the objective (offset included)
     * @param status the backend's own status word
     */
    record Outcome(int[] chosen, OptionalDouble bound, boolean optimal, String status) {}
}
