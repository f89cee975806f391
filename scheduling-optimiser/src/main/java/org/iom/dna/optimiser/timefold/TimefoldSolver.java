package org.iom.dna.optimiser.timefold;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.Objective;
import org.iom.dna.optimiser.solve.Openings;
import org.iom.dna.optimiser.solve.SolveOptions;
import org.iom.dna.optimiser.solve.SolveResult;
import org.iom.dna.optimiser.solve.Solver;

/**
 * Timefold Solver (1.32, the last release for Java 17) with its default configuration (construction heuristic, then
 * late acceptance local search) for the time limit: the benchmark's metaheuristic point of comparison. It proves no
 * bound. A plan that breaks capacity when time runs out is not returned as such: families are dropped from
 * over-full centre-days, most recently listed first, until every day fits.
 */
public final class TimefoldSolver implements Solver {

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public SolveResult solve(Instance instance, SolveOptions options) {
        long started = System.nanoTime();
        Openings openings = Openings.of(instance);
        List<CentreDaySlot> days = new ArrayList<>();
        for (int cd = 0; cd < openings.centreDayCount(); cd++) {
            days.add(new CentreDaySlot(cd, openings.capacityOf(cd)));
        }
        List<FamilyBooking> bookings = new ArrayList<>();
        for (int f = 0; f < openings.familyCount(); f++) {
            long[] cost = new long[openings.centreDayCount()];
            List<CentreDaySlot> own = new ArrayList<>();
            for (int cd : openings.options(f)) {
                cost[cd] = openings.cost(f, cd);
                own.add(days.get(cd));
            }
            bookings.add(new FamilyBooking(f, openings.family(f).size(), openings.unscheduledCost(f), cost, own));
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(BookingPlan.class)
                .withEntityClasses(FamilyBooking.class)
                .withConstraintProviderClass(BookingConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(options.timeLimit()));
        // Default configuration on purpose, one thread (multithreaded solving is not in the open-source edition).
        BookingPlan plan =
                SolverFactory.<BookingPlan>create(config).buildSolver().solve(new BookingPlan(days, bookings));
        int[] chosen = feasible(plan, openings);
        Solution solution = openings.solution(chosen);
        return new SolveResult(
                name(),
                solution,
                Objective.score(instance, solution).objective(),
                OptionalLong.empty(),
                false,
                Duration.ofNanos(System.nanoTime() - started),
                "score " + plan.getScore());
    }

    /** The plan's choices, with families dropped from centre-days over capacity (none when the hard score is 0). */
    private static int[] feasible(BookingPlan plan, Openings openings) {
        int[] chosen = new int[openings.familyCount()];
        int[] persons = new int[openings.centreDayCount()];
        for (FamilyBooking b : plan.getBookings()) {
            chosen[b.getFamily()] =
                    b.getCentreDay() == null ? -1 : b.getCentreDay().index();
        }
        for (int f = 0; f < chosen.length; f++) {
            if (chosen[f] >= 0) {
                int size = openings.family(f).size();
                if (persons[chosen[f]] + size > openings.capacityOf(chosen[f])) {
                    chosen[f] = -1;
                } else {
                    persons[chosen[f]] += size;
                }
            }
        }
        return chosen;
    }
}
