package org.iom.dna.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Published rows and remembered event ids go after their retention; parked and unsent rows stay. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    @Test
    void purgeRemovesOnlyWhatIsPastItsRetention() {
        Instant now = Instant.now();
        String oldId = UUID.randomUUID().toString();
        String recentId = UUID.randomUUID().toString();
        UUID oldPublished = row(now.minus(8, ChronoUnit.DAYS), null);
        UUID recentPublished = row(now.minus(6, ChronoUnit.DAYS), null);
        UUID oldParked = row(null, now.minus(60, ChronoUnit.DAYS));
        UUID oldUnsent = row(null, null);
        seen(oldId, now.minus(31, ChronoUnit.DAYS));
        seen(recentId, now.minus(29, ChronoUnit.DAYS));

        retention.purge(now);

        assertEquals(0, outboxRows(oldPublished));
        assertEquals(1, outboxRows(recentPublished));
        assertEquals(1, outboxRows(oldParked));
        assertEquals(1, outboxRows(oldUnsent));
        assertEquals(0, inboxRows(oldId));
        assertEquals(1, inboxRows(recentId));
    }

    private UUID row(Instant publishedAt, Instant parkedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into outbox_event (event_id, topic,"
                                + " aggregate_key, event_type, payload, occurred_at, published_at, parked_at)"
                                + " values (?1, 'nowhere.v1', 'k', 'test.v1', '{}', now(), ?2, ?3)")
                        .setParameter(1, id)
                        .setParameter(2, publishedAt)
                        .setParameter(3, parkedAt)
                        .executeUpdate());
        return id;
    }

    private void seen(String eventId, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into inbox_event (consumer, event_id,"
                                + " received_at) values ('retention-test', ?1, ?2)")
                        .setParameter(1, eventId)
                        .setParameter(2, at)
                        .executeUpdate());
    }

    private long outboxRows(UUID eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from outbox_event where event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }

    private long inboxRows(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from inbox_event where event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }
}
