package org.iom.dna.platform.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.iom.dna.platform.messaging.DeadLetter;

/**
 * A parked record as operators see it. The payload (events carry references and scheduling facts,
 * never personal data) is shown only when one dead letter is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        long id,
        String consumer,
        String topic,
        int partition,
        long offset,
        String eventId,
        String eventType,
        String key,
        Map<String, String> headers,
        String reason,
        Instant parkedAt,
        int replayAttempts,
        String lastReplayError,
        Instant replayedAt,
        String replayOutcome,
        String payload) {

    static DeadLetterView of(DeadLetter d, boolean withPayload) {
        return new DeadLetterView(
                d.id,
                d.consumer,
                d.topic,
                d.partition,
                d.offset,
                d.eventId,
                d.eventType,
                d.key,
                d.headers,
                d.reason,
                d.parkedAt,
                d.replayAttempts,
                d.lastReplayError,
                d.replayedAt,
                d.replayOutcome,
                withPayload ? d.payload : null);
    }
}
