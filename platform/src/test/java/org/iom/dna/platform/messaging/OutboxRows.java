package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Outbox rows written straight to the table, in a state the relay would take time to reach (parked,
 * published long ago). Unpublished rows use the relay test's topic, the only one the test broker has.
 */
public final class OutboxRows {

    /** A topic that exists on the local broker (deploy/local/topics.txt), without the test prefix. */
    public static final String TOPIC = "platform.relay-test.v1";

    public static final String TYPE = "test.relay-step.v1";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** The payload of the rows written here. */
    public record Step(String key, int n, String padding) {}

    private OutboxRows() {}

    /** An unpublished row that the broker refused for good after {@code attempts}. */
    public static long parked(EntityManager em, String key, int n, int attempts) {
        return insert(em, TOPIC, key, n, null, Instant.now(), attempts);
    }

    /** A row that waits to be published (behind a parked row of its key, or until the relay takes it). */
    public static long pending(EntityManager em, String key, int n) {
        return insert(em, TOPIC, key, n, null, null, 0);
    }

    public static long insert(
            EntityManager em, String topic, String key, int n, Instant publishedAt, Instant parkedAt, int attempts) {
        String payload;
        try {
            payload = JSON.writeValueAsString(new Step(key, n, ""));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("insert into outbox_event (event_id, topic, aggregate_key,"
                                        + " event_type, payload, occurred_at, published_at, parked_at, attempts,"
                                        + " last_error) values (?1, ?2, ?3, ?4, ?5, now(), ?6, ?7, ?8, ?9)"
                                        + " returning position")
                                .setParameter(1, UUID.randomUUID())
                                .setParameter(2, topic)
                                .setParameter(3, key)
                                .setParameter(4, TYPE)
                                .setParameter(5, payload)
                                .setParameter(6, publishedAt)
                                .setParameter(7, parkedAt)
                                .setParameter(8, attempts)
                                .setParameter(9, parkedAt == null ? null : "RecordTooLargeException: too large")
                                .getSingleResult())
                        .longValue());
    }

    public static OutboxEvent find(EntityManager em, long position) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(OutboxEvent.class, position));
    }

    public static long rowsOfKey(EntityManager em, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(e) from OutboxEvent e where e.key = :key", Long.class)
                        .setParameter("key", key)
                        .getSingleResult());
    }
}
