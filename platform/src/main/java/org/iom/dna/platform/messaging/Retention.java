package org.iom.dna.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the messaging tables small: published outbox rows, remembered event ids and replayed dead
 * letters are removed once they are older than their retention. Parked rows are never removed.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final EntityManager em;
    private final MessagingConfig config;

    Retention(EntityManager em, MessagingConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(
            every = "${dna.messaging.purge-interval:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "purging the messaging tables failed (will retry): %s",
                    e.getClass().getSimpleName());
        }
    }

    /** Removes what is past its retention at {@code now}; returns the number of rows removed. */
    int purge(Instant now) {
        Instant published = now.minus(config.outbox().retention());
        Instant seen = now.minus(config.inbox().retention());
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                                .setParameter("cutoff", published)
                                .executeUpdate()
                        + em.createNativeQuery("delete from inbox_event where received_at < ?1")
                                .setParameter(1, seen)
                                .executeUpdate()
                        + em.createQuery("delete from DeadLetter d where d.replayedAt < :cutoff")
                                .setParameter("cutoff", seen)
                                .executeUpdate());
    }
}
