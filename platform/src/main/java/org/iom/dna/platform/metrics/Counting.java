package org.iom.dna.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts what a transaction did once it has committed: a booking or a contact attempt that was rolled back (a lock
 * conflict retried, a database outage) did not happen, and the metric must not say it did. Outside a transaction the
 * count is taken at once.
 */
@ApplicationScoped
public class Counting {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    Counting(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /**
     * Adds one to the counter {@code name} with the given tags (key, value, key, value…) when the current transaction
     * commits.
     */
    public void afterCommit(String name, String description, String... tags) {
        Counter counter =
                Counter.builder(name).description(description).tags(tags).register(registry);
        if (transactions.getTransactionKey() == null) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
