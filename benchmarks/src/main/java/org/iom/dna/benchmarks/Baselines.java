package org.iom.dna.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the same machine does without our code, measured in the same run: PostgreSQL's own benchmark tool inserting
 * one row per transaction, and Kafka's own end-to-end latency tool on the suite's broker.
 */
final class Baselines {

    record Pgbench(int clients, double tps, double latencyAverageMs) {}

    record KafkaLatency(int records, double p50Ms, double p99Ms, double p999Ms, double averageMs) {}

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PG_LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern KAFKA_AVG = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern KAFKA_PCT =
            Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)");

    private Baselines() {}

    /**
     * {@code pgbench} inserting one row per transaction into a table of its own (created and dropped here) in the
     * idle {@code platform} database, at {@code clients} connections for {@code duration}.
     */
    static Pgbench pgbench(String pgbench, Path work, int clients, Duration duration) throws IOException {
        Path script = work.resolve("insert.sql");
        Files.writeString(script, "insert into bench_insert (payload) values (md5(random()::text));\n");
        Map<String, String> env = Map.of("PGPASSWORD", "platform");
        List<String> psql = List.of("-h", "127.0.0.1", "-p", "5432", "-U", "platform", "-d", "platform");
        run(
                work,
                env,
                with(
                        List.of(
                                "psql",
                                "-X",
                                "-q",
                                "-c",
                                "create table if not exists bench_insert (id bigserial primary key, payload text not null,"
                                        + " at timestamptz not null default now())"),
                        psql));
        try {
            String out = run(
                    work,
                    env,
                    with(
                            List.of(
                                    pgbench,
                                    "-n",
                                    "-c",
                                    String.valueOf(clients),
                                    "-j",
                                    "2",
                                    "-T",
                                    String.valueOf(duration.toSeconds()),
                                    "-f",
                                    script.toString()),
                            psql));
            return new Pgbench(clients, number(TPS, out, 1), number(PG_LATENCY, out, 1));
        } finally {
            run(work, env, with(List.of("psql", "-X", "-q", "-c", "drop table if exists bench_insert"), psql));
        }
    }

    /** Kafka's {@code EndToEndLatency} tool: {@code records} records of 512 bytes, acks=all, on a topic of its own. */
    static KafkaLatency kafka(String kafkaLibs, String bootstrap, Path work, int records) throws IOException {
        String out = run(
                work,
                Map.of(),
                List.of(
                        "java",
                        "-cp",
                        kafkaLibs + "/*",
                        "org.apache.kafka.tools.EndToEndLatency",
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        "bench.end-to-end-latency",
                        "--num-records",
                        String.valueOf(records),
                        "--producer-acks",
                        "all",
                        "--record-size",
                        "512"));
        return new KafkaLatency(
                records,
                number(KAFKA_PCT, out, 1),
                number(KAFKA_PCT, out, 2),
                number(KAFKA_PCT, out, 3),
                number(KAFKA_AVG, out, 1));
    }

    private static List<String> with(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return all;
    }

    private static double number(Pattern pattern, String output, int group) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected tool output (no match for " + pattern + "):\n" + output);
        }
        return Double.parseDouble(m.group(group));
    }

    private static String run(Path work, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.directory(work.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed:\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted", e);
        }
    }
}
