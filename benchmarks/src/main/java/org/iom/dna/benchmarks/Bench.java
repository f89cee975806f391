package org.iom.dna.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The suite's benchmarks, run against the suite that {@code deploy/local/suite bench} has brought up: each figure
 * beside a baseline measured in the same run, written as {@code report.md} with PNG charts.
 *
 * <ol>
 *   <li>intake POST and GET at c = 8, 32, 64 beside pgbench's one-row insert at the same concurrency;
 *   <li>end to end at steady rates: POST → booked, → SCHEDULED at intake, → e-mail handed to SMTP, beside Kafka's
 *       EndToEndLatency on the same broker;
 *   <li>a burst of families: time until every one is decided (booked or waitlisted);
 *   <li>footprint: each service's start-up alone (measured by the script), resident memory idle and under load.
 * </ol>
 */
public final class Bench {

    /** Options, from {@code --name value} pairs. */
    record Options(Map<String, String> values) {
        String get(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return v;
        }

        boolean isShort() {
            return values.containsKey("short");
        }
    }

    /** One steady-rate run: what was accepted and each stage's latency histogram (microseconds). */
    record Steady(
            int rate,
            int seconds,
            int accepted,
            long errors,
            Map<Pipeline.Stage, Histogram> stages,
            Map<Pipeline.Stage, Integer> reached) {}

    /** The burst: families posted, how long intake took to accept them, how long until each was decided. */
    record Burst(
            int families, long errors, double postSeconds, double decidedSeconds, int decided, double decidingSeconds) {
        double decidedPerSecond() {
            return decided / decidedSeconds;
        }

        /** The scheduler's own pace: decisions over the time from its first decision to its last. */
        double decidingPerSecond() {
            return decided / Math.max(decidingSeconds, 0.001);
        }
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            values.put(name, flag ? "true" : args[++i]);
        }
        Options o = new Options(values);
        Path out = Path.of(o.get("out"));
        Files.createDirectories(out);
        boolean quick = o.isShort();
        String run = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());

        Api api = new Api(o.get("keycloak"), o.get("intake"), "ind-system", "ind-system-dev-secret");
        Report report = new Report(out, quick, o.get("machine"), Report.readStartup(Path.of(o.get("startup"))));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : o.get("pids").split(",")) {
            String[] p = pair.split("=");
            pids.put(p[0], Long.parseLong(p[1]));
        }
        AtomicInteger numbers = new AtomicInteger();
        // --only intake,e2e,burst runs some sections (for profiling one path); the default is all of them.
        java.util.Set<String> only = values.containsKey("only")
                ? java.util.Set.of(o.get("only").split(","))
                : java.util.Set.of("intake", "e2e", "burst");

        try (Footprint footprint = new Footprint(pids);
                Pipeline pipeline = new Pipeline(o.get("jdbc"))) {
            api.purgeMail(o.get("mail-api"));
            report.idle(footprint.now());
            footprint.startSampling();

            // 1. intake beside pgbench
            Duration warm = Duration.ofSeconds(quick ? 2 : 3);
            Duration length = Duration.ofSeconds(quick ? 5 : 15);
            List<UUID> created = Collections.synchronizedList(new ArrayList<>());
            // These families are due tomorrow, sooner than any lead time allows: the scheduler waitlists each (and
            // flags its deadline) without taking places the end-to-end runs below need.
            java.time.LocalDate tomorrow =
                    java.time.LocalDate.now(ZoneOffset.UTC).plusDays(1);
            for (int c : only.contains("intake") ? List.of(8, 32, 64) : List.<Integer>of()) {
                step("pgbench one-row insert, c=" + c);
                report.pgbench(Baselines.pgbench(o.get("pgbench"), out, c, length));
                done();
                step("intake POST, c=" + c);
                Load.Result post = Load.closedLoop(
                        c,
                        warm,
                        length,
                        (w, n) -> created.add(api.submit(api.familyBody(run, numbers.incrementAndGet(), tomorrow))));
                report.intake("POST", post);
                done(post);
                step("intake GET by id, c=" + c);
                Load.Result get = Load.closedLoop(
                        c,
                        warm,
                        length,
                        (w, n) ->
                                api.read(created.get(ThreadLocalRandom.current().nextInt(created.size()))));
                report.intake("GET", get);
                done(get);
                drain(pipeline, created, Duration.ofSeconds(quick ? 60 : 180));
            }

            // 2. end to end at steady rates, beside Kafka
            if (only.contains("e2e")) {
                int seconds = quick ? 10 : 60;
                List<Integer> rates = quick ? List.of(10, 50) : List.of(10, 50, 100);
                long places = 2L
                        * seconds
                        * rates.stream().mapToInt(Integer::intValue).sum();
                step("room for " + places + " people (" + Capacity.free(o.get("jdbc")) + " free now)");
                int raised = Capacity.ensure(o.get("jdbc"), o.get("keycloak"), o.get("registry"), places / 5 + 100);
                report.raisedSlots(raised);
                System.out.println(
                        raised == 0 ? "enough" : raised + " slot(s) raised to " + Capacity.RAISED + " places");
                // Waiting families take the new places first: let the scheduler and the notifier finish with them.
                drain(pipeline, created, Duration.ofSeconds(quick ? 60 : 300));
                step("Kafka EndToEndLatency");
                report.kafka(Baselines.kafka(o.get("kafka-libs"), o.get("bootstrap"), out, quick ? 1000 : 5000));
                done();
                for (int rate : rates) {
                    api.purgeMail(o.get("mail-api"));
                    step("end to end at " + rate + " families/s for " + seconds + " s");
                    Load.Submitted sent = Load.openLoop(api, run, numbers, rate, Duration.ofSeconds(seconds), 64);
                    System.out.printf(
                            "%d accepted, %d errors; waiting for the pipeline%n",
                            sent.acceptedAt().size(), sent.errors());
                    Map<Pipeline.Stage, Map<UUID, Instant>> reached =
                            awaitStages(pipeline, sent.acceptedAt().keySet(), Duration.ofSeconds(quick ? 60 : 180));
                    Map<Pipeline.Stage, Histogram> stages = new EnumMap<>(Pipeline.Stage.class);
                    Map<Pipeline.Stage, Integer> counts = new EnumMap<>(Pipeline.Stage.class);
                    reached.forEach((stage, at) -> {
                        stages.put(stage, Pipeline.latencies(sent.acceptedAt(), at));
                        counts.put(stage, at.size());
                    });
                    Steady steady = new Steady(rate, seconds, sent.acceptedAt().size(), sent.errors(), stages, counts);
                    report.steady(steady);
                    printSteady(steady);
                    created.addAll(sent.acceptedAt().keySet());
                    drain(pipeline, created, Duration.ofSeconds(quick ? 60 : 180));
                }
            }

            // 3. a burst
            if (only.contains("burst")) {
                int families = quick ? 1000 : 10_000;
                api.purgeMail(o.get("mail-api"));
                step("burst of " + families + " families (64 in flight)");
                Instant first = Instant.now();
                // Due within the days the end-to-end runs leave alone: booked where room is left sooner, else
                // waitlisted.
                Load.Submitted burst = Load.burst(
                        api,
                        run,
                        numbers,
                        families,
                        64,
                        java.time.LocalDate.now(ZoneOffset.UTC).plusDays(Capacity.AHEAD_DAYS - 4));
                List<UUID> ids = new ArrayList<>(burst.acceptedAt().keySet());
                double postSeconds = Duration.between(first, Instant.now()).toMillis() / 1000.0;
                System.out.printf("%d accepted in %.1f s; waiting until each is decided%n", ids.size(), postSeconds);
                Map<UUID, Instant> decided =
                        awaitStage(pipeline, Pipeline.Stage.DECIDED, ids, Duration.ofSeconds(quick ? 120 : 600));
                Instant firstDecided =
                        decided.values().stream().min(Instant::compareTo).orElse(Instant.now());
                Instant last = decided.values().stream().max(Instant::compareTo).orElse(Instant.now());
                Burst b = new Burst(
                        ids.size(),
                        burst.errors(),
                        postSeconds,
                        Duration.between(first, last).toMillis() / 1000.0,
                        decided.size(),
                        Duration.between(firstDecided, last).toMillis() / 1000.0);
                report.burst(b);
                System.out.printf(
                        "%d of %d decided %.1f s after the first POST: %.0f families/s%n",
                        b.decided(), b.families(), b.decidedSeconds(), b.decidedPerSecond());
            }

            report.underLoad(footprint.peaks());
        }
        report.write();
        System.out.println("report: " + out.resolve("report.md"));
    }

    /**
     * Waits (bounded) until the pipeline is quiet again (every family posted so far decided, intake told, no delivery
     * due), so that the next phase is not measured against the backlog of this one.
     */
    private static void drain(Pipeline pipeline, List<UUID> ids, Duration bound) throws Exception {
        List<UUID> all = new ArrayList<>(ids);
        Instant until = Instant.now().plus(bound);
        long left = 0;
        // Quiet for three looks in a row: between two waitlist passes the backlog can be empty for a moment.
        for (int quiet = 0; quiet < 3 && Instant.now().isBefore(until); ) {
            left = pipeline.backlog(all);
            quiet = left == 0 ? quiet + 1 : 0;
            Thread.sleep(1000);
        }
        System.out.printf("  pipeline %s%n", left == 0 ? "quiet" : "still busy (" + left + " to do) after " + bound);
    }

    private static Map<Pipeline.Stage, Map<UUID, Instant>> awaitStages(
            Pipeline pipeline, java.util.Collection<UUID> ids, Duration bound) throws Exception {
        Instant until = Instant.now().plus(bound);
        Map<Pipeline.Stage, Map<UUID, Instant>> reached = new EnumMap<>(Pipeline.Stage.class);
        while (true) {
            for (Pipeline.Stage stage : Pipeline.Stage.values()) {
                reached.put(stage, pipeline.reached(stage, ids));
            }
            int decided = reached.get(Pipeline.Stage.DECIDED).size();
            int booked = reached.get(Pipeline.Stage.BOOKED).size();
            boolean complete = decided == ids.size()
                    && reached.get(Pipeline.Stage.SCHEDULED).size() == booked
                    && reached.get(Pipeline.Stage.SENT).size() == booked;
            System.out.printf(
                    "  decided %d, booked %d, SCHEDULED %d, e-mail sent %d of %d%n",
                    decided,
                    booked,
                    reached.get(Pipeline.Stage.SCHEDULED).size(),
                    reached.get(Pipeline.Stage.SENT).size(),
                    ids.size());
            if (complete || Instant.now().isAfter(until)) {
                return reached;
            }
            Thread.sleep(2000);
        }
    }

    private static Map<UUID, Instant> awaitStage(
            Pipeline pipeline, Pipeline.Stage stage, List<UUID> ids, Duration bound) throws Exception {
        Instant until = Instant.now().plus(bound);
        while (true) {
            Map<UUID, Instant> reached = pipeline.reached(stage, ids);
            if (reached.size() == ids.size() || Instant.now().isAfter(until)) {
                System.out.printf("  %s: %d of %d%n", stage.label, reached.size(), ids.size());
                return reached;
            }
            Thread.sleep(1000);
        }
    }

    private static void step(String what) {
        System.out.printf(
                "%s %s … ",
                DateTimeFormatter.ISO_LOCAL_TIME
                        .format(java.time.LocalTime.now())
                        .substring(0, 8),
                what);
        System.out.flush();
    }

    private static void done() {
        System.out.println("done");
    }

    private static void done(Load.Result r) {
        System.out.printf(
                "%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors%n", r.perSecond(), r.p(50), r.p(99), r.errors());
    }

    private static void printSteady(Steady s) {
        s.stages()
                .forEach((stage, h) -> System.out.printf(
                        "  %-45s %5d  p50 %8.1f ms  p99 %8.1f ms%n",
                        stage.label,
                        s.reached().get(stage),
                        h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0));
    }
}
