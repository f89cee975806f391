package org.iom.dna.platform.transactions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait until what the current transaction wrote is visible to others: waking a worker that will read
 * it (the outbox relay, the delivery dispatcher) or handing a new family to the scheduler. Run earlier, the worker
 * would look, find nothing, and go back to sleep until its next poll.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code action} once the current transaction has committed (never after a rollback); at once outside one. */
    public void run(Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** As {@link #run(Runnable)}, but at most once per transaction for the same {@code key}. */
    public void once(Object key, Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            if (transactions.getResource(key) != null) {
                return;
            }
            transactions.putResource(key, Boolean.TRUE);
        }
        run(action);
    }
}
