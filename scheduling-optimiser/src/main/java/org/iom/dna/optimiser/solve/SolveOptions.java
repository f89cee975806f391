package org.iom.dna.optimiser.solve;

import java.time.Duration;

/**
 * How long a solver may take and how many threads it may use. The heuristics take neither into account: they
 * finish in milliseconds.
 *
 * @param timeLimit wall time for the whole instance, all countries together
 * @param threads solver threads; countries are solved side by side on this many threads
 * @param log whether the exact solver writes its own progress log to standard output
 */
public record SolveOptions(Duration timeLimit, int threads, boolean log) {

    public SolveOptions {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    public static SolveOptions of(Duration timeLimit) {
        return new SolveOptions(
                timeLimit, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), false);
    }

    public static SolveOptions defaults() {
        return of(Duration.ofSeconds(30));
    }
}
