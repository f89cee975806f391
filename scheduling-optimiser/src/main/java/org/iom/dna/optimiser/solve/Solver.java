package org.iom.dna.optimiser.solve;

import org.iom.dna.optimiser.model.Instance;

/** Makes a plan for an instance; every solver's plan keeps the hard rules (the tests check it with the checker). */
public interface Solver {

    /** As on the command line: fcfs, greedy, mip. */
    String name();

    SolveResult solve(Instance instance, SolveOptions options);
}
