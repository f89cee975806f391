package org.iom.dna.platform.operations;

import java.time.Instant;
import java.util.UUID;
import org.iom.dna.platform.messaging.OutboxEvent;

/** An outbox row the broker refused for good; later rows of its key wait behind it. */
public record ParkedEventView(
        long position,
        UUID eventId,
        String topic,
        String key,
        String eventType,
        Instant occurredAt,
        int attempts,
        String lastError,
        Instant parkedAt) {

    static ParkedEventView of(OutboxEvent e) {
        return new ParkedEventView(
                e.position, e.eventId, e.topic, e.key, e.type, e.occurredAt, e.attempts, e.lastError, e.parkedAt);
    }
}
