package org.iom.dna.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Outbox rows the broker refused for good, and their release once the cause is fixed. */
@ApplicationScoped
public class ParkedEvents {

    private final EntityManager em;
    private final OutboxRelay relay;

    ParkedEvents(EntityManager em, OutboxRelay relay) {
        this.em = em;
        this.relay = relay;
    }

    public List<OutboxEvent> parked(int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from OutboxEvent e where e.parkedAt is not null"
                                        + " and e.publishedAt is null order by e.position",
                                OutboxEvent.class)
                        .setMaxResults(limit)
                        .getResultList());
    }

    public long count() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(e) from OutboxEvent e"
                                        + " where e.parkedAt is not null and e.publishedAt is null",
                                Long.class)
                        .getSingleResult());
    }

    /** Unpublished rows, parked or not: the outbox backlog. */
    public long pending() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(e) from OutboxEvent e" + " where e.publishedAt is null", Long.class)
                        .getSingleResult());
    }

    /**
     * Gives a parked row (and so the rows of its key behind it) back to the relay with fresh attempts.
     * Empty if no parked row has that position.
     */
    public Optional<OutboxEvent> release(long position) {
        Optional<OutboxEvent> released = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent row = em.find(OutboxEvent.class, position, LockModeType.PESSIMISTIC_WRITE);
            if (row == null || row.parkedAt == null || row.publishedAt != null) {
                return Optional.empty();
            }
            row.parkedAt = null;
            row.attempts = 0;
            return Optional.of(row);
        });
        released.ifPresent(row -> relay.wakeUp());
        return released;
    }
}
