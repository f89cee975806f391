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

    /**
     * Erasure of one aggregate (a family case erased for data protection): the payloads this service still keeps of
     * its events go, in the caller's transaction. Published outbox rows and parked records keep their metadata (ids,
     * type, times) with an empty payload. Rows not yet out must still go (consumers need them) and are marked, so the
     * relay empties them once the broker has them. The broker's copies expire with the topics' retention.
     *
     * <p>Marking comes first: a row the relay holds at that moment is waited for, and, published by then, emptied by
     * the second statement. Every unpublished row of the aggregate is marked (and so held) together, so the relay
     * cannot send a later one of them ahead of an earlier one.
     *
     * @return the rows emptied or marked
     */
    public int erasePayloadsOf(String aggregateKey) {
        int marked = em.createNativeQuery("update outbox_event set erase_after_publish = true"
                        + " where aggregate_key = ?1 and published_at is null")
                .setParameter(1, aggregateKey)
                .executeUpdate();
        int outbox = em.createNativeQuery("update outbox_event set payload = '{}'"
                        + " where aggregate_key = ?1 and published_at is not null and payload <> '{}'")
                .setParameter(1, aggregateKey)
                .executeUpdate();
        int parked = em.createNativeQuery(
                        "update dead_letter set payload = null where event_key = ?1 and payload is not null")
                .setParameter(1, aggregateKey)
                .executeUpdate();
        return marked + outbox + parked;
    }
}
