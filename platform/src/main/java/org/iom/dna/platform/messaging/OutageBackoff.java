package org.iom.dna.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How a service waits while a dependency is briefly away: exponential back-off, capped, for as long
 * as the outage lasts, given up only when the service stops (the work then comes again after the
 * restart). One policy for every retry loop: the inbox's, and the delivery dispatcher's.
 */
@ApplicationScoped
public class OutageBackoff {

    private static final Logger LOG = Logger.getLogger(OutageBackoff.class);

    private final MessagingConfig.Inbox config;
    private volatile boolean stopping;

    OutageBackoff(MessagingConfig config) {
        this.config = config.inbox();
    }

    /** The pause after the given failed attempt: the initial back-off, doubling up to the cap. */
    Duration delay(int attempt) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        return Duration.ofMillis(attempt >= 31 ? max : Math.min(max, initial << Math.min(attempt - 1, 30)));
    }

    /**
     * Sleeps before the next attempt.
     *
     * @throws RuntimeException {@code failure}, when the service is stopping or the thread is interrupted
     */
    void pause(int attempt, RuntimeException failure) {
        if (stopping) {
            throw failure;
        }
        try {
            Thread.sleep(delay(attempt).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** Runs short work in a transaction of its own, again and again while it fails transiently. */
    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warnf(
                            "waiting for a dependency to return: %s",
                            e.getClass().getSimpleName());
                }
                pause(attempt, e);
            }
        }
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
