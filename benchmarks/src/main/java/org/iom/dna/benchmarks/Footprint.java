package org.iom.dna.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Memory of the suite's processes (from /proc), idle and the highest seen while under load, sampled every half
 * second. Proportional set size (PSS): a page shared by several processes (PostgreSQL's shared buffers, mapped by
 * every backend) counts once in total, so the figures of a process and its children add up.
 */
final class Footprint implements AutoCloseable {

    private final Map<String, Long> pids;
    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    /** @param pids component name to process id, in the order they are reported */
    Footprint(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** Each process's resident memory now, in KiB (0 for a process that is gone). */
    Map<String, Long> now() {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, rssKib(pid)));
        return rss;
    }

    void startSampling() {
        sampler.scheduleAtFixedRate(
                () -> now().forEach((name, kib) -> peakKib.merge(name, kib, Math::max)), 0, 500, TimeUnit.MILLISECONDS);
    }

    /** The highest resident memory seen per process since sampling started. */
    Map<String, Long> peaks() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        pids.keySet().forEach(name -> peaks.put(name, peakKib.getOrDefault(name, 0L)));
        return peaks;
    }

    /** A process's memory (PSS) with that of its descendants (PostgreSQL's backends are the postmaster's). */
    static long rssKib(long pid) {
        long kib = ownRssKib(pid);
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (var threads = Files.list(tasks)) {
            for (Path task : threads.toList()) {
                String children = Files.readString(task.resolve("children")).trim();
                if (!children.isEmpty()) {
                    for (String child : children.split(" ")) {
                        kib += rssKib(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that ended meanwhile: counted as far as it was read
        }
        return kib;
    }

    private static long ownRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
