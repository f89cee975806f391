package org.iom.dna.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Load on intake's API: closed loops (c clients back to back) and an open loop at a fixed rate. */
final class Load {

    /** A closed-loop run: requests per second and latency percentiles in milliseconds. */
    record Result(int concurrency, long requests, long errors, double seconds, Histogram latencyMicros) {
        double perSecond() {
            return requests / seconds;
        }

        double p(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** One operation of a closed loop, given its worker's running number. */
    interface Operation {
        void run(int worker, long n) throws Exception;
    }

    private Load() {}

    /** {@code concurrency} workers, each doing {@code op} back to back for {@code duration} (after a warm-up). */
    static Result closedLoop(int concurrency, Duration warmUp, Duration duration, Operation op)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        long until = warmUntil + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            running.add(workers.submit(() -> {
                long n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= until) {
                        return null;
                    }
                    boolean failed = false;
                    try {
                        op.run(worker, n++);
                    } catch (Exception e) {
                        failed = true;
                    }
                    if (start >= warmUntil) {
                        if (failed) {
                            errors.incrementAndGet();
                        } else {
                            recorder.recordValue((System.nanoTime() - start) / 1000);
                        }
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        workers.shutdown();
        Histogram histogram = recorder.getIntervalHistogram();
        return new Result(concurrency, histogram.getTotalCount(), errors.get(), duration.toNanos() / 1e9, histogram);
    }

    /** What an open-loop run submitted: each case's id and when intake answered 201. */
    record Submitted(Map<UUID, Instant> acceptedAt, long errors, double seconds) {}

    /**
     * Posts {@code rate} families a second for {@code duration}, each at its planned instant whatever the earlier ones
     * took (an open loop: a slow service meets the same demand, as in production), with up to {@code maxInFlight} at
     * once.
     */
    static Submitted openLoop(Api api, String run, AtomicInteger numbers, int rate, Duration duration, int maxInFlight)
            throws InterruptedException {
        Map<UUID, Instant> accepted = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(maxInFlight);
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = api.familyBody(run, numbers.incrementAndGet());
            senders.execute(() -> {
                try {
                    UUID id = api.submit(body);
                    accepted.put(id, Instant.now());
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        return new Submitted(accepted, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Posts {@code families} families, due by {@code deadline}, as fast as intake takes them, {@code inFlight} at once. */
    static Submitted burst(
            Api api, String run, AtomicInteger numbers, int families, int inFlight, java.time.LocalDate deadline)
            throws InterruptedException {
        Map<UUID, Instant> accepted = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger left = new AtomicInteger(families);
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        for (int i = 0; i < inFlight; i++) {
            senders.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        accepted.put(
                                api.submit(api.familyBody(run, numbers.incrementAndGet(), deadline)), Instant.now());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.MINUTES);
        return new Submitted(accepted, errors.get(), (System.nanoTime() - start) / 1e9);
    }
}
