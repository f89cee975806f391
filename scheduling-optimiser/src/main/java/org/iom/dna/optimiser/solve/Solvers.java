package org.iom.dna.optimiser.solve;

import java.util.List;

/** The solvers by their command-line names. */
public final class Solvers {

    private Solvers() {}

    /** fcfs, greedy, mip (HiGHS), mip-highs-ortools, mip-scip, mip-cp-sat, timefold (default configuration). */
    public static Solver named(String name) {
        return switch (name) {
            case "fcfs" -> SequentialBooker.firstComeFirstServed();
            case "greedy" -> SequentialBooker.greedy();
            case "mip", "mip-highs" -> new MipSolver(MipSolver.Engine.HIGHS);
            case "mip-highs-ortools" -> new MipSolver(MipSolver.Engine.HIGHS_ORTOOLS);
            case "mip-scip" -> new MipSolver(MipSolver.Engine.SCIP);
            case "mip-cp-sat" -> new MipSolver(MipSolver.Engine.CP_SAT);
            case "timefold" -> new org.iom.dna.optimiser.timefold.TimefoldSolver();
            default -> throw new IllegalArgumentException("unknown solver " + name + "; one of " + names());
        };
    }

    public static List<String> names() {
        return List.of("fcfs", "greedy", "mip", "mip-highs-ortools", "mip-scip", "mip-cp-sat", "timefold");
    }
}
