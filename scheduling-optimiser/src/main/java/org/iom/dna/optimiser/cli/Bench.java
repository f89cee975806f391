package org.iom.dna.optimiser.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iom.dna.optimiser.generate.InstanceGenerator;
import org.iom.dna.optimiser.generate.Size;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.online.OnlineSimulation;
import org.iom.dna.optimiser.rules.HardRules;
import org.iom.dna.optimiser.rules.Objective;
import org.iom.dna.optimiser.rules.Score;
import org.iom.dna.optimiser.rules.Violation;
import org.iom.dna.optimiser.solve.MipSolver;
import org.iom.dna.optimiser.solve.SolveOptions;
import org.iom.dna.optimiser.solve.SolveResult;
import org.iom.dna.optimiser.solve.Solver;
import org.iom.dna.optimiser.solve.Solvers;

/**
 * Runs every solver on generated instances and the online simulation, checks every plan with the hard-rules
 * checker, and writes a Markdown report with PNG charts. Exit code 1 if any plan breaks a rule.
 */
final class Bench {

    static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    /** Timefold's time in a short run, which only shows that it still runs. */
    static final Duration QUICK_TIMEFOLD_LIMIT = Duration.ofSeconds(5);

    static final int THREADS = 2;

    /** A solver's plan for an instance, as measured and checked. */
    record Offline(Instance instance, SolveResult result, Score score, List<Violation> violations, double cpuSeconds) {}

    /** A policy's plan for a stream of requests, as measured and checked. */
    record Online(
            Instance stream,
            String policy,
            Score score,
            OnlineSimulation.Run run,
            SolveResult offline,
            List<Violation> violations) {}

    private final boolean quick;
    private final PrintStream print;
    private final List<Offline> offline = new ArrayList<>();
    private final List<Offline> backends = new ArrayList<>();
    private final List<Online> online = new ArrayList<>();
    private int violations;

    private Bench(boolean quick, PrintStream print) {
        this.quick = quick;
        this.print = print;
    }

    static int run(boolean quick, Path out, Path copyTo, PrintStream print) {
        System.setProperty("java.awt.headless", "true");
        Bench bench = new Bench(quick, print);
        String machine = Machine.describe();
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        print.println("bench" + (quick ? " --short" : "") + " on " + machine + ", load average " + loadBefore);
        bench.warmUp();
        bench.offline();
        bench.backends();
        bench.online();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        BenchReport report = new BenchReport(
                quick, machine, loadBefore, Machine.loadAverage(), took, bench.offline, bench.backends, bench.online);
        try {
            report.write(out);
            if (copyTo != null) {
                Files.createDirectories(copyTo);
                try (var files = Files.list(out)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, copyTo.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        print.printf(
                Locale.ROOT,
                "report: %s%s (%.0f s)%n",
                out.resolve("report.md"),
                copyTo == null ? "" : ", copied to " + copyTo,
                took.toNanos() / 1e9);
        if (bench.violations > 0) {
            print.println("!!! " + bench.violations + " HARD-RULE VIOLATION(S): see above and the report !!!");
            return 1;
        }
        return 0;
    }

    /** OR-Tools' native libraries and HiGHS load once, outside any measured run. */
    private void warmUp() {
        Instance tiny = InstanceGenerator.generate(Size.REALISTIC, 0.85, 99);
        new MipSolver().solve(tiny, SolveOptions.of(Duration.ofSeconds(5)));
    }

    private List<Instance> instances() {
        List<Instance> instances = new ArrayList<>();
        instances.add(InstanceGenerator.generate(Size.REALISTIC, 0.85, 1));
        instances.add(InstanceGenerator.generate(Size.REALISTIC, 0.95, 1));
        if (quick) {
            instances.add(InstanceGenerator.generate(Size.REALISTIC, 0.80, 2));
            return instances;
        }
        instances.add(InstanceGenerator.generate(Size.MEDIUM, 0.80, 1));
        instances.add(InstanceGenerator.generate(Size.MEDIUM, 0.85, 1));
        instances.add(InstanceGenerator.generate(Size.MEDIUM, 0.95, 1));
        instances.add(InstanceGenerator.generate(Size.LARGE, 0.95, 1));
        return instances;
    }

    private void offline() {
        for (Instance instance : instances()) {
            print.printf(
                    Locale.ROOT,
                    "%s: %d families, %d members, load %.2f%n",
                    instance.name(),
                    instance.families().size(),
                    instance.members(),
                    instance.load());
            for (String solver : List.of("fcfs", "greedy", "mip")) {
                offline.add(measure(instance, Solvers.named(solver)));
            }
            // The metaheuristic for comparison, with its default configuration (shorter in a short run).
            offline.add(measure(instance, Solvers.named("timefold"), quick ? QUICK_TIMEFOLD_LIMIT : TIME_LIMIT));
        }
    }

    /** The exact backends side by side, to show why HiGHS through its C API is the default. */
    private void backends() {
        List<Instance> instances = quick
                ? List.of(InstanceGenerator.generate(Size.REALISTIC, 0.95, 1))
                : List.of(
                        InstanceGenerator.generate(Size.REALISTIC, 0.95, 1),
                        InstanceGenerator.generate(Size.MEDIUM, 0.85, 1),
                        InstanceGenerator.generate(Size.MEDIUM, 0.95, 1),
                        InstanceGenerator.generate(Size.LARGE, 0.95, 1));
        for (Instance instance : instances) {
            print.println(instance.name() + ": exact backends");
            for (MipSolver.Engine engine : MipSolver.Engine.values()) {
                backends.add(measure(instance, new MipSolver(engine)));
            }
        }
    }

    private Offline measure(Instance instance, Solver solver) {
        return measure(instance, solver, TIME_LIMIT);
    }

    private Offline measure(Instance instance, Solver solver, Duration limit) {
        double cpu = Machine.cpuSeconds();
        SolveResult result = solver.solve(instance, new SolveOptions(limit, THREADS, false));
        double cpuSeconds = Machine.cpuSeconds() - cpu;
        Offline o = new Offline(
                instance,
                result,
                Objective.score(instance, result.solution()),
                checked(instance, result.solution()),
                cpuSeconds);
        print.printf(
                Locale.ROOT,
                "  %-18s objective %,12d  bound %12s  members %,6d/%,6d  %7.2f s  %s%n",
                result.solver(),
                result.objective(),
                result.bound().isPresent()
                        ? String.format(Locale.ROOT, "%,d", result.bound().getAsLong())
                        : "-",
                o.score().membersScheduled(),
                o.score().members(),
                result.time().toNanos() / 1e9,
                result.optimal() ? "optimal" : "");
        return o;
    }

    /**
     * Policies A and B on streams of three seeds per load (one in a short run); on the first seed also the offline
     * optimum and B with other confirmation horizons.
     */
    private void online() {
        int days = quick ? 60 : 160;
        for (double load : List.of(0.85, 0.95)) {
            for (long seed : quick ? List.of(1L) : List.of(1L, 2L, 3L)) {
                Instance stream = InstanceGenerator.stream(days, load, seed);
                print.printf(
                        Locale.ROOT,
                        "%s: %d families, %d members over %d days of arrivals%n",
                        stream.name(),
                        stream.families().size(),
                        stream.members(),
                        days);
                OnlineSimulation.Run a = OnlineSimulation.bookAtArrival(stream);
                online.add(online(stream, "A: book at arrival, for good", a.solution(), a, null));
                reoptimised(stream, OnlineSimulation.Settings.defaults().confirmationDays(), "B");
                if (seed == 1) {
                    SolveResult best = new MipSolver()
                            .solve(
                                    stream,
                                    new SolveOptions(quick ? TIME_LIMIT : Duration.ofSeconds(120), THREADS, false));
                    online.add(online(stream, "offline optimum: every request known", best.solution(), null, best));
                }
                if (seed == 1 && !quick) {
                    // How much the confirmation horizon matters: families told their day sooner, or later.
                    for (int horizon : List.of(3, 14)) {
                        reoptimised(stream, horizon, "B" + horizon);
                    }
                }
            }
        }
    }

    private void reoptimised(Instance stream, int confirmationDays, String label) {
        OnlineSimulation.Settings settings = new OnlineSimulation.Settings(
                confirmationDays, OnlineSimulation.Settings.defaults().solveOptions());
        OnlineSimulation.Run run = OnlineSimulation.reoptimiseDaily(stream, settings, new MipSolver());
        online.add(online(
                stream,
                label + ": re-optimise daily, confirm " + confirmationDays + " days ahead",
                run.solution(),
                run,
                null));
    }

    private Online online(
            Instance stream, String policy, Solution solution, OnlineSimulation.Run run, SolveResult offline) {
        Online o =
                new Online(stream, policy, Objective.score(stream, solution), run, offline, checked(stream, solution));
        print.printf(
                Locale.ROOT,
                "  %-38s weighted waiting %,9d  unscheduled members %,5d  objective %,11d%s%n",
                policy,
                o.score().waitingCost(),
                o.score().membersUnscheduled(),
                o.score().objective(),
                run == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "  (%d moved, %.1f s)",
                                run.moved().size(),
                                run.time().toNanos() / 1e9));
        return o;
    }

    private List<Violation> checked(Instance instance, Solution solution) {
        List<Violation> found = HardRules.check(instance, solution);
        for (Violation v : found) {
            print.println("!!! VIOLATION in " + instance.name() + ": " + v);
        }
        violations += found.size();
        return found;
    }
}
