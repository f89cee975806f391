package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Kafka records as the consumers receive them, made from test events. */
public final class Records {

    public static final String TOPIC = "test.platform.inbox-test.v1";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    // Offsets unique across runs: a dead letter is known by its topic, partition and offset.
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    private Records() {}

    public static String marker() {
        return UUID.randomUUID().toString();
    }

    public static ConsumerRecord<String, String> of(RecordingHandler.TestEvent event) {
        return withId(event, UUID.randomUUID().toString());
    }

    public static ConsumerRecord<String, String> withId(RecordingHandler.TestEvent event, String eventId) {
        try {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(
                    TOPIC, 0, OFFSETS.incrementAndGet(), event.marker(), JSON.writeValueAsString(event));
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long effects(EntityManager em, String marker) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from test_effect where marker = ?1")
                                .setParameter(1, marker)
                                .getSingleResult())
                        .longValue());
    }

    public static long deadLetters(EntityManager em, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(d) from DeadLetter d where d.key = :key", Long.class)
                        .setParameter("key", key)
                        .getSingleResult());
    }
}
