package org.iom.dna.intake.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.iom.dna.platform.messaging.DeadLetter;

/** Kafka records as the consumers receive them: the event as JSON, CloudEvents metadata in the headers. */
final class Records {

    private Records() {}

    /** A record at an offset of its own, so that parked records never look like one another. */
    static Message<ConsumerRecord<String, String>> record(
            String topic, String key, String eventId, String type, String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                topic, 0, UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", "/test");
        header(record, "content-type", "application/json");
        return Message.of(record);
    }

    static Message<ConsumerRecord<String, String>> record(
            ObjectMapper json, String topic, UUID key, String eventId, String type, Object event) {
        try {
            return record(topic, key.toString(), eventId, type, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static long offset(Message<ConsumerRecord<String, String>> message) {
        return message.getPayload().offset();
    }

    static Optional<DeadLetter> parked(String consumer, long offset) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find(
                                "from DeadLetter d where d.consumer = ?1 and d.offset = ?2", consumer, offset)
                        .firstResultOptional());
    }

    static List<DeadLetter> parked(String consumer, String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>list("consumer = ?1 and eventId = ?2", consumer, eventId));
    }
}
