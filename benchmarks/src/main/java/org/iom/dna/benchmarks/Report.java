package org.iom.dna.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Collects the figures of a run and writes them as Markdown tables and PNG charts. */
final class Report {

    private final Path dir;
    private final boolean quick;
    private final String machine;
    private final Map<String, Double> startupSeconds;
    private final Instant started = Instant.now();
    private final List<Baselines.Pgbench> pgbench = new ArrayList<>();
    private final Map<String, List<Load.Result>> intake = new LinkedHashMap<>();
    private Baselines.KafkaLatency kafka;
    private final List<Bench.Steady> steady = new ArrayList<>();
    private Bench.Burst burst;
    private Map<String, Long> idleKib = Map.of();
    private Map<String, Long> loadKib = Map.of();

    Report(Path dir, boolean quick, String machine, Map<String, Double> startupSeconds) {
        this.dir = dir;
        this.quick = quick;
        this.machine = machine;
        this.startupSeconds = startupSeconds;
    }

    /** The script's start-up timings: one "name TAB seconds" per line. */
    static Map<String, Double> readStartup(Path file) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                if (f.length == 2) {
                    seconds.put(f[0], Double.parseDouble(f[1]));
                }
            }
        }
        return seconds;
    }

    void pgbench(Baselines.Pgbench p) {
        pgbench.add(p);
    }

    void intake(String method, Load.Result r) {
        intake.computeIfAbsent(method, m -> new ArrayList<>()).add(r);
    }

    void kafka(Baselines.KafkaLatency k) {
        kafka = k;
    }

    void steady(Bench.Steady s) {
        steady.add(s);
    }

    private int raisedSlots;

    void raisedSlots(int n) {
        raisedSlots = n;
    }

    void burst(Bench.Burst b) {
        burst = b;
    }

    void idle(Map<String, Long> kib) {
        idleKib = kib;
    }

    void underLoad(Map<String, Long> kib) {
        loadKib = kib;
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n")
                .append(String.format(
                        "Run %s UTC%s, on %s. Every figure is beside a baseline measured in the same run. The load"
                                + " generator, the suite and its infrastructure share this machine.%n%n",
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .withZone(ZoneOffset.UTC)
                                .format(started),
                        quick ? " (short run: `--short`, smaller and shorter loads)" : "",
                        machine));
        intakeSection(md);
        endToEndSection(md);
        burstSection(md);
        footprintSection(md);
        Files.writeString(dir.resolve("report.md"), md.toString());
    }

    private void intakeSection(StringBuilder md) throws IOException {
        md.append("## 1. Intake API beside pgbench\n\n")
                .append("Closed loops of c clients with real tokens (2-member families for POST; GET reads a case"
                        + " by id), beside `pgbench` inserting one row per transaction at the same c.\n\n")
                .append("| c | POST req/s | POST p50 / p99 / p99.9 ms | GET req/s | GET p50 / p99 ms |"
                        + " pgbench tps | POST ÷ pgbench |\n|---|---|---|---|---|---|---|\n");
        DefaultCategoryDataset chart = new DefaultCategoryDataset();
        for (int i = 0; i < pgbench.size(); i++) {
            Baselines.Pgbench p = pgbench.get(i);
            Load.Result post = intake.get("POST").get(i);
            Load.Result get = intake.get("GET").get(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.0f | %.1f / %.1f / %.1f | %.0f | %.1f / %.1f | %.0f | %.2f |%n",
                    p.clients(),
                    post.perSecond(),
                    post.p(50),
                    post.p(99),
                    post.p(99.9),
                    get.perSecond(),
                    get.p(50),
                    get.p(99),
                    p.tps(),
                    post.perSecond() / p.tps()));
            String c = "c=" + p.clients();
            chart.addValue(post.perSecond(), "intake POST", c);
            chart.addValue(get.perSecond(), "intake GET", c);
            chart.addValue(p.tps(), "pgbench insert", c);
        }
        long errors = intake.values().stream()
                .flatMap(List::stream)
                .mapToLong(Load.Result::errors)
                .sum();
        md.append(String.format("%nErrors: %d.%n%n![intake throughput](intake.png)%n%n", errors));
        bars(chart, "Intake API and pgbench: requests (transactions) per second", "per second", false, "intake.png");
    }

    private void endToEndSection(StringBuilder md) throws IOException {
        md.append("## 2. End to end at steady rates, beside Kafka\n\n");
        if (kafka != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "Kafka `EndToEndLatency` on the suite's broker (%d records of 512 bytes, acks=all): p50 %.1f ms,"
                            + " p99 %.1f ms, p99.9 %.1f ms (the tool reports whole milliseconds; a p50 of 0 means"
                            + " under 1 ms, and the ratio below is then taken against 0.5 ms).%n%n",
                    kafka.records(),
                    kafka.p50Ms(),
                    kafka.p99Ms(),
                    kafka.p999Ms()));
        }
        md.append("Families posted at a fixed rate (an open loop); latency from intake's 201 to each stage, read"
                        + " from the services' databases. A stage's count is the families that reached it before the"
                        + " wait ended."
                        + (raisedSlots > 0
                                ? " To make room, " + raisedSlots + " slot(s) were raised to " + Capacity.RAISED
                                        + " places first (registry API, as an administrator)."
                                : "")
                        + "\n\n")
                .append("| rate/s | stage | reached | p50 ms | p99 ms | max ms | p50 ÷ Kafka p50 |\n"
                        + "|---|---|---|---|---|---|---|\n");
        DefaultCategoryDataset chart = new DefaultCategoryDataset();
        for (Bench.Steady s : steady) {
            md.append(String.format(
                    "| %d | POSTs accepted in %d s | %d (%d errors) | | | | |%n",
                    s.rate(), s.seconds(), s.accepted(), s.errors()));
            s.stages().forEach((stage, h) -> {
                double p50 = ms(h, 50);
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %d | %.1f | %.1f | %.1f | %s |%n",
                        s.rate(),
                        stage.label,
                        s.reached().get(stage),
                        p50,
                        ms(h, 99),
                        h.getMaxValue() / 1000.0,
                        kafka == null ? "" : String.format(Locale.ROOT, "%.0f", p50 / Math.max(kafka.p50Ms(), 0.5))));
                if (stage != Pipeline.Stage.DECIDED) {
                    chart.addValue(Math.max(p50, 0.1), stage.name().toLowerCase(Locale.ROOT) + " p50", s.rate() + "/s");
                    chart.addValue(
                            Math.max(ms(h, 99), 0.1), stage.name().toLowerCase(Locale.ROOT) + " p99", s.rate() + "/s");
                }
            });
            if (kafka != null) {
                chart.addValue(Math.max(kafka.p50Ms(), 0.1), "Kafka p50", s.rate() + "/s");
                chart.addValue(Math.max(kafka.p99Ms(), 0.1), "Kafka p99", s.rate() + "/s");
            }
        }
        md.append("\n![end to end](end-to-end.png)\n\n");
        bars(
                chart,
                "POST 201 to each stage (ms, log scale), beside Kafka's end-to-end latency",
                "ms",
                true,
                "end-to-end.png");
    }

    private void burstSection(StringBuilder md) {
        if (burst == null) {
            return;
        }
        md.append("## 3. A burst\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%d families posted with 64 in flight: intake accepted them in %.1f s (%.0f/s, %d errors); %d were"
                                + " decided (booked or waitlisted) %.1f s after the first POST: **%.0f families/s** end"
                                + " to end; the scheduler itself decided %.0f a second (its first decision to its"
                                + " last).%n%n",
                        burst.families(),
                        burst.postSeconds(),
                        burst.families() / burst.postSeconds(),
                        burst.errors(),
                        burst.decided(),
                        burst.decidedSeconds(),
                        burst.decidedPerSecond(),
                        burst.decidingPerSecond()));
    }

    private void footprintSection(StringBuilder md) throws IOException {
        md.append("## 4. Footprint\n\nStart-up: launch until the readiness check answers, the service alone (the others"
                + " idle), then the four together. Memory: proportional set size (PSS, a shared page counted once;"
                + " PostgreSQL with its backends), idle before the load and the highest seen during it.\n\n"
                + "| process | start-up alone, s | PSS idle MiB | PSS peak under load MiB |\n"
                + "|---|---|---|---|\n");
        DefaultCategoryDataset chart = new DefaultCategoryDataset();
        long idleTotal = 0;
        long loadTotal = 0;
        for (String name : idleKib.keySet()) {
            long idle = idleKib.get(name) / 1024;
            long load = loadKib.getOrDefault(name, 0L) / 1024;
            idleTotal += idle;
            loadTotal += load;
            Double start = startupSeconds.get(name);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d |%n",
                    name,
                    start == null ? "" : String.format(Locale.ROOT, "%.1f", start),
                    idle,
                    load));
            chart.addValue(idle, "idle", name);
            chart.addValue(load, "peak under load", name);
        }
        md.append(String.format(
                "| **all of the above** | %s | %d | %d |%n%n",
                startupSeconds.containsKey("suite")
                        ? String.format(Locale.ROOT, "%.1f (the four services together)", startupSeconds.get("suite"))
                        : "",
                idleTotal,
                loadTotal));
        md.append("![footprint](footprint.png)\n");
        bars(chart, "Memory, PSS (MiB)", "MiB", false, "footprint.png");
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private void bars(DefaultCategoryDataset data, String title, String axis, boolean log, String file)
            throws IOException {
        JFreeChart chart =
                ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (log) {
            LogarithmicAxis range = new LogarithmicAxis(axis);
            range.setAllowNegativesFlag(false);
            range.setStrictValuesFlag(false);
            range.setAutoRangeIncludesZero(false);
            plot.setRangeAxis(range);
            ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer()).setBase(0.1);
        }
        ChartUtils.saveChartAsPNG(dir.resolve(file).toFile(), chart, 900, 450);
    }
}
