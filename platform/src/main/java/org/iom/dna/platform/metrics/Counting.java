package org.iom.dna.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.iom.dna.platform.transactions.AfterCommit;

/**
 * Counts what a transaction did once it has committed: a booking or a contact attempt that was rolled back (a lock
 * conflict retried, a database outage) did not happen, and the metric must not say it did. Outside a transaction the
 * count is taken at once.
 */
@ApplicationScoped
public class Counting {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    Counting(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /**
     * Adds one to the counter {@code name} with the given tags (key, value, key, value…) when the current transaction
     * commits.
     */
    public void afterCommit(String name, String description, String... tags) {
        Counter counter =
                Counter.builder(name).description(description).tags(tags).register(registry);
        afterCommit.run(counter::increment);
    }
}
