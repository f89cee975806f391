package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.iom.dna.platform.tracing.Tracing;
import org.iom.dna.platform.transactions.AfterCommit;

/**
 * Records an event in the caller's transaction. Nothing is sent here: {@link OutboxRelay}
 * publishes committed rows, so an event exists on Kafka if and only if its state change committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final AfterCommit afterCommit;
    private final Tracing tracing;

    Outbox(ObjectMapper json, OutboxRelay relay, AfterCommit afterCommit, Tracing tracing) {
        this.json = json;
        this.relay = relay;
        this.afterCommit = afterCommit;
        this.tracing = tracing;
    }

    /**
     * @param topic logical topic name from {@code org.iom.dna.events.Topics}
     * @param key the aggregate id; Kafka keeps one key's events in order
     * @param type the event's CloudEvents type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.occurredAt = Instant.now();
        // The relay publishes later, on its own thread: the request's trace goes with the row.
        event.traceparent = tracing.currentTraceparent().orElse(null);
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be written as JSON", e);
        }
        event.persist();
        // Once per transaction: the relay publishes right after the commit instead of at its next tick.
        afterCommit.once(OutboxRelay.class, relay::wakeUp);
    }
}
