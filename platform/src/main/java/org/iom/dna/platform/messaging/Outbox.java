package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Nothing is sent here: {@link OutboxRelay}
 * publishes committed rows, so an event exists on Kafka if and only if its state change committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(ObjectMapper json, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.relay = relay;
        this.transactions = transactions;
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
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be written as JSON", e);
        }
        event.persist();
        wakeRelayAfterCommit();
    }

    /** Once per transaction: the relay publishes right after the commit instead of at its next tick. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
