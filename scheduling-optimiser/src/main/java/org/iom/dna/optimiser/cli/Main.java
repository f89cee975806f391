package org.iom.dna.optimiser.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iom.dna.optimiser.generate.InstanceGenerator;
import org.iom.dna.optimiser.generate.Size;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Json;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.HardRules;
import org.iom.dna.optimiser.rules.Objective;
import org.iom.dna.optimiser.rules.Score;
import org.iom.dna.optimiser.rules.Violation;
import org.iom.dna.optimiser.solve.SolveOptions;
import org.iom.dna.optimiser.solve.SolveResult;
import org.iom.dna.optimiser.solve.Solvers;

/**
 * The command-line tools: {@code generate}, {@code solve}, {@code check}, {@code bench}. Exit code 0 on success, 1
 * when a solution breaks a hard rule, 2 on a usage error.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar scheduling-optimiser.jar <command> ...
              generate --size realistic|medium|large [--load 0.85] [--seed 1] --out instance.json
              generate --stream DAYS [--load 0.85] [--seed 1] --out instance.json
              solve [--solver mip|greedy|fcfs|mip-highs-ortools|mip-scip|mip-cp-sat] [--time-limit 30s] [--threads 2] [--log]
                    instance.json [--out solution.json]
              check instance.json solution.json
              bench [--short] [--out DIR] [--copy-to DIR]   (full run: copy to scheduling-optimiser/report)
            """;

    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        Arguments a = Arguments.parse(args);
        return switch (args[0]) {
            case "generate" -> generate(a, out);
            case "solve" -> solve(a, out);
            case "check" -> check(a, out);
            case "bench" -> bench(a, out);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
    }

    /**
     * Writes to the module's {@code target/report}; a full run also copies the report to the module's
     * {@code report/}, to be committed. Run from the repository root or from the module.
     */
    private static int bench(Arguments a, PrintStream out) {
        Path module =
                Files.isDirectory(Path.of("scheduling-optimiser")) ? Path.of("scheduling-optimiser") : Path.of(".");
        boolean quick = a.has("short");
        Path target = Path.of(a.get("out", module.resolve("target/report").toString()));
        Path copy =
                quick ? null : Path.of(a.get("copy-to", module.resolve("report").toString()));
        return Bench.run(quick, target, copy, out);
    }

    private static int generate(Arguments a, PrintStream out) {
        double load = Double.parseDouble(a.get("load", "0.85"));
        long seed = Long.parseLong(a.get("seed", "1"));
        Instance instance = a.has("stream")
                ? InstanceGenerator.stream(Integer.parseInt(a.get("stream", null)), load, seed)
                : InstanceGenerator.generate(Size.named(a.get("size", "realistic")), load, seed);
        Path file = Path.of(a.required("out"));
        Json.write(file, instance);
        out.printf(
                Locale.ROOT,
                "%s: %d families, %d members, %d centres, %d days, load %.3f -> %s%n",
                instance.name(),
                instance.families().size(),
                instance.members(),
                instance.centres().size(),
                instance.days(),
                instance.load(),
                file);
        return 0;
    }

    private static int solve(Arguments a, PrintStream out) {
        Instance instance = Json.readInstance(Path.of(a.positional(0)));
        if (a.has("country")) {
            instance = instance.country(a.get("country", null));
        }
        SolveOptions options = new SolveOptions(
                duration(a.get("time-limit", "30s")), Integer.parseInt(a.get("threads", "2")), a.has("log"));
        SolveResult result = Solvers.named(a.get("solver", "mip")).solve(instance, options);
        if (a.has("out")) {
            Json.write(Path.of(a.get("out", null)), result.solution());
        }
        out.printf(
                Locale.ROOT,
                "%s on %s: objective %d, bound %s, gap %s, %s, %.3f s (%s)%n",
                result.solver(),
                instance.name(),
                result.objective(),
                result.bound().isPresent() ? String.valueOf(result.bound().getAsLong()) : "-",
                Double.isNaN(result.gap()) ? "-" : String.format(Locale.ROOT, "%.4f%%", 100 * result.gap()),
                result.optimal() ? "optimal" : "not proven optimal",
                result.time().toNanos() / 1e9,
                result.status());
        return report(instance, result.solution(), out);
    }

    private static int check(Arguments a, PrintStream out) {
        Instance instance = Json.readInstance(Path.of(a.positional(0)));
        Solution solution = Json.readSolution(Path.of(a.positional(1)));
        return report(instance, solution, out);
    }

    /** Prints the violations (loudly) and the score; 1 if any rule is broken. */
    static int report(Instance instance, Solution solution, PrintStream out) {
        List<Violation> violations = HardRules.check(instance, solution);
        for (Violation v : violations) {
            out.println("VIOLATION " + v);
        }
        Score score = Objective.score(instance, solution);
        out.printf(
                Locale.ROOT,
                "%s: %d violation(s); objective %d (unscheduled %d + waiting %d); members scheduled %d/%d;"
                        + " families scheduled %d/%d%n",
                instance.name(),
                violations.size(),
                score.objective(),
                score.unscheduledCost(),
                score.waitingCost(),
                score.membersScheduled(),
                score.members(),
                score.familiesScheduled(),
                score.families());
        return violations.isEmpty() ? 0 : 1;
    }

    /** "30s", "2m", "500ms" or a number of seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
        }
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    /** {@code --name value}, {@code --flag} and positional arguments, after the command. */
    record Arguments(Map<String, String> options, List<String> positional) {

        private static final List<String> FLAGS = List.of("short", "log");

        static Arguments parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    String name = args[i].substring(2);
                    if (FLAGS.contains(name)) {
                        options.put(name, "true");
                    } else if (i + 1 < args.length) {
                        options.put(name, args[++i]);
                    } else {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                } else {
                    positional.add(args[i]);
                }
            }
            return new Arguments(options, positional);
        }

        boolean has(String name) {
            return options.containsKey(name);
        }

        String get(String name, String otherwise) {
            return options.getOrDefault(name, otherwise);
        }

        String required(String name) {
            if (!has(name)) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return options.get(name);
        }

        String positional(int i) {
            if (i >= positional.size()) {
                throw new IllegalArgumentException("missing argument " + (i + 1));
            }
            return positional.get(i);
        }
    }
}
