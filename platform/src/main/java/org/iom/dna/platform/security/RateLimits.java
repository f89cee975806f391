package org.iom.dna.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many API requests each caller (a client and its user) may make: a token bucket per caller that holds {@code
 * burst} requests and refills at {@code per-second}. Buckets live in this instance's memory: with n instances behind
 * a load balancer a caller gets up to n times the rate, which still stops a runaway client or a flood.
 */
@ApplicationScoped
public class RateLimits {

    @ConfigMapping(prefix = "dna.rate-limit")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        /** Requests a caller may make in a row. */
        @WithDefault("200")
        int burst();

        /** Requests a caller regains per second. */
        @WithDefault("50")
        double perSecond();
    }

    /** Whether the request may go on; if not, in how many seconds the caller may try again. */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    private final Config config;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Config config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision take(String caller) {
        return buckets.computeIfAbsent(caller, c -> new Bucket(config.burst()))
                .take(config.burst(), config.perSecond());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized Decision take(int burst, double perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, 0);
            }
            return new Decision(false, Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
        }
    }
}
