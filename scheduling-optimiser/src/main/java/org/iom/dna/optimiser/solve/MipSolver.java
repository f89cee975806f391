package org.iom.dna.optimiser.solve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.Objective;

/**
 * The exact solver: one {@link AssignmentModel} per country (families never cross countries, so the countries'
 * optima add up to the instance's optimum), solved by an OR-Tools backend within one time limit for all countries
 * together. It starts from the greedy plan or the plan given, whichever is better, improved by a short {@link
 * LocalSearch}. When the limit stops a country short, its best plan found is kept, or the start if that is better,
 * and the result says how far from proven it is.
 */
public final class MipSolver implements Solver {

    /** The OR-Tools backends this solver can use; see the README for how they were measured. */
    public enum Engine {
        /** HiGHS through its C API, as OR-Tools ships it: the default (see the README for the measurements). */
        HIGHS(HighsBackend::new, true),
        /** HiGHS through OR-Tools' linear solver: no warm start, no incumbent on the time limit, LP bound only. */
        HIGHS_ORTOOLS(LinearSolverBackend::highs, true),
        /** SCIP through OR-Tools' linear solver. */
        SCIP(LinearSolverBackend::scip, true),
        /** CP-SAT, countries one after the other, each with all threads as workers. */
        CP_SAT(CpSatBackend::new, false);

        private final Supplier<Backend> backend;
        private final boolean countriesSideBySide;

        Engine(Supplier<Backend> backend, boolean countriesSideBySide) {
            this.backend = backend;
            this.countriesSideBySide = countriesSideBySide;
        }
    }

    private final Engine engine;

    public MipSolver() {
        this(Engine.HIGHS);
    }

    /** Loads OR-Tools' native libraries now (about half a second, once per JVM) rather than in the first solve. */
    public MipSolver(Engine engine) {
        this.engine = engine;
        NativeLibraries.load();
    }

    @Override
    public String name() {
        return engine == Engine.HIGHS
                ? "mip"
                : "mip-" + engine.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public SolveResult solve(Instance instance, SolveOptions options) {
        return solve(instance, options, null);
    }

    /**
     * Solves starting from a plan already made, such as the tentative bookings to re-optimise: the result is never
     * worse than it, nor than the greedy plan. Assignments that break a rule are left out of the start.
     *
     * @param warmStart a plan for {@code instance}, or null
     */
    public SolveResult solve(Instance instance, SolveOptions options, Solution warmStart) {
        long started = System.nanoTime();
        long deadline = started + options.timeLimit().toNanos();
        List<AssignmentModel> countries = instance.countries().stream()
                .map(country -> new AssignmentModel(Openings.of(instance.country(country))))
                .sorted(Comparator.comparingInt(AssignmentModel::variableCount).reversed())
                .toList();
        int sideBySide = engine.countriesSideBySide ? Math.min(options.threads(), Math.max(1, countries.size())) : 1;
        int threadsEach = Math.max(1, options.threads() / sideBySide);
        Budget budget = new Budget(deadline, sideBySide, countries);
        List<Part> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(sideBySide);
        try {
            List<Future<Part>> futures = new ArrayList<>();
            for (AssignmentModel model : countries) {
                futures.add(pool.submit(
                        () -> solveCountry(model, warmStart, budget.take(model), threadsEach, options.log())));
            }
            for (Future<Part> future : futures) {
                parts.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a country's solve failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return combine(instance, parts, Duration.ofNanos(System.nanoTime() - started));
    }

    private SolveResult combine(Instance instance, List<Part> parts, Duration time) {
        List<Assignment> assignments = new ArrayList<>();
        long bound = 0;
        boolean bounded = true;
        boolean optimal = true;
        List<String> statuses = new ArrayList<>();
        for (Part part : parts) {
            assignments.addAll(part.solution().assignments());
            bounded &= part.bound().isPresent();
            bound += part.bound().orElse(0);
            optimal &= part.optimal();
            statuses.add(part.country() + " " + part.status());
        }
        assignments.sort(Comparator.comparing(Assignment::day)
                .thenComparing(Assignment::centre)
                .thenComparing(Assignment::family));
        Solution solution = new Solution(instance.name(), assignments);
        long objective = Objective.score(instance, solution).objective();
        return new SolveResult(
                name(),
                solution,
                objective,
                bounded ? OptionalLong.of(Math.min(bound, objective)) : OptionalLong.empty(),
                optimal,
                time,
                String.join(", ", statuses));
    }

    private Part solveCountry(AssignmentModel model, Solution warmStart, double seconds, int threads, boolean log) {
        Openings openings = model.openings;
        String country = openings.instance().countries().isEmpty()
                ? "-"
                : openings.instance().countries().get(0);
        // The better of the greedy plan and the plan given: where the backend starts, and the fallback should it fail.
        int[] start = SequentialBooker.greedy().choose(openings);
        if (warmStart != null) {
            int[] given = withinCapacity(openings, openings.choices(warmStart));
            if (objective(openings, given) < objective(openings, start)) {
                start = given;
            }
        }
        long searchUntil = System.nanoTime() + (long) (Math.min(seconds / 10, 2) * 1e9);
        start = LocalSearch.improve(openings, start, searchUntil);
        long startObjective = objective(openings, start);
        if (model.variableCount() == 0) {
            // Nobody can be seen anywhere: leaving everybody out is the only plan, hence optimal.
            return new Part(country, openings.solution(start), OptionalLong.of(startObjective), true, "EMPTY");
        }
        long started = System.nanoTime();
        Backend.Outcome outcome = engine.backend.get().solve(model, start, Math.max(seconds, 0.05), threads, log);
        String status = String.format(
                Locale.ROOT,
                "%s %,d vars %.1f s",
                outcome.status(),
                model.variableCount(),
                (System.nanoTime() - started) / 1e9);
        int[] chosen = outcome.chosen() == null ? start : withinCapacity(openings, outcome.chosen());
        long objective = objective(openings, chosen);
        if (objective > startObjective) {
            chosen = start;
            objective = startObjective;
        }
        OptionalLong bound = provenBound(outcome.bound(), objective);
        boolean optimal = bound.isPresent() && bound.getAsLong() >= objective;
        return new Part(country, openings.solution(chosen), bound, optimal, status);
    }

    /**
     * A bound as an integer: every objective is an integer, so a bound of 1234.2 proves 1235. The solvers' own
     * tolerance (1e-6 relative) is allowed for before rounding up.
     */
    private static OptionalLong provenBound(OptionalDouble bound, long objective) {
        if (bound.isEmpty() || Double.isNaN(bound.getAsDouble())) {
            return OptionalLong.empty();
        }
        double b = bound.getAsDouble();
        long rounded = (long) Math.ceil(b - 1e-6 * Math.max(1, Math.abs(b)));
        return OptionalLong.of(Math.min(rounded, objective));
    }

    private static long objective(Openings openings, int[] chosen) {
        long sum = 0;
        for (int f = 0; f < chosen.length; f++) {
            sum += chosen[f] >= 0 ? openings.cost(f, chosen[f]) : openings.unscheduledCost(f);
        }
        return sum;
    }

    /**
     * A backend's values are doubles; should rounding ever put a centre-day over capacity, its last families are
     * left out rather than a rule broken.
     */
    private static int[] withinCapacity(Openings openings, int[] chosen) {
        int[] left = openings.capacities();
        int[] kept = chosen.clone();
        for (int f = 0; f < kept.length; f++) {
            if (kept[f] >= 0) {
                if (left[kept[f]] >= openings.family(f).size()) {
                    left[kept[f]] -= openings.family(f).size();
                } else {
                    kept[f] = -1;
                }
            }
        }
        return kept;
    }

    private record Part(String country, Solution solution, OptionalLong bound, boolean optimal, String status) {}

    /**
     * Shares the time left among the countries not yet started, by model size, counting the countries solved side
     * by side: time a small country does not use passes to those after it.
     */
    private static final class Budget {
        private final long deadline;
        private final int sideBySide;
        private long sizeLeft;

        Budget(long deadline, int sideBySide, List<AssignmentModel> countries) {
            this.deadline = deadline;
            this.sideBySide = sideBySide;
            this.sizeLeft =
                    countries.stream().mapToLong(m -> m.variableCount() + 1L).sum();
        }

        synchronized double take(AssignmentModel model) {
            double left = Math.max(0, (deadline - System.nanoTime()) / 1e9);
            long size = model.variableCount() + 1L;
            double share = left * sideBySide * size / Math.max(size, sizeLeft);
            sizeLeft -= size;
            return Math.min(left, share);
        }
    }
}
