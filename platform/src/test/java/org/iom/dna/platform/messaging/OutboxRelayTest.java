package org.iom.dna.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** The relay keeps each key's order, and a row the broker cannot take blocks only its own key. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "platform.relay-test.v1";
    private static final String PREFIXED = "test." + TOPIC;

    @Inject
    Outbox outbox;

    @Inject
    ParkedEvents parkedEvents;

    record Step(String key, int n, String padding) {}

    @Test
    void eachKeysEventsArriveInTheOrderTheyCommitted() {
        String run = UUID.randomUUID().toString();
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c");
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            for (int n = 0; n < 30; n++) {
                int step = n;
                // Interleaved keys, several transactions: the relay drains them in batches.
                QuarkusTransaction.requiringNew().run(() -> keys.forEach(key -> publish(key, step, "")));
            }
            probe.await(r -> r.key().equals(keys.get(2)) && r.value().contains("\"n\":29"), Duration.ofSeconds(20));
            for (String key : keys) {
                List<Integer> order = probe.drain(Duration.ZERO).stream()
                        .filter(r -> key.equals(r.key()))
                        .map(OutboxRelayTest::step)
                        .toList();
                assertEquals(java.util.stream.IntStream.range(0, 30).boxed().toList(), order, key);
            }
        }
    }

    @Test
    void anOversizedRowIsParkedAndHoldsBackOnlyItsOwnKey() {
        String run = UUID.randomUUID().toString();
        String poisoned = run + "-poisoned";
        String healthy = run + "-healthy";
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            QuarkusTransaction.requiringNew().run(() -> {
                publish(poisoned, 0, "x".repeat(5000)); // over the test's max-record-bytes of 4000
                publish(poisoned, 1, "");
                publish(healthy, 0, "");
                publish(healthy, 1, "");
            });
            probe.await(r -> healthy.equals(r.key()) && step(r) == 1, Duration.ofSeconds(20));
            OutboxEvent parked =
                    await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(poisoned), r -> r != null);
            assertTrue(parked.lastError.contains("exceeds dna.messaging.outbox.max-record-bytes"), parked.lastError);
            // The poisoned key's later event waits behind it: sending it would break that key's order.
            List<ConsumerRecord<String, String>> seen = probe.drain(Duration.ofSeconds(3));
            assertEquals(0, seen.stream().filter(r -> poisoned.equals(r.key())).count());
        }
    }

    @Test
    void aReleasedRowThatStillDoesNotFitIsParkedAgain() {
        String key = UUID.randomUUID() + "-oversized";
        QuarkusTransaction.requiringNew().run(() -> publish(key, 0, "x".repeat(5000)));
        OutboxEvent parked = await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(key), r -> r != null);
        assertTrue(parkedEvents.release(parked.position).isPresent());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> parkedRow(key), r -> r != null && r.parkedAt.isAfter(parked.parkedAt));
    }

    @Test
    void releasingARowThatIsNotParkedFindsNothing() {
        assertTrue(parkedEvents.release(Long.MAX_VALUE).isEmpty());
    }

    private void publish(String key, int n, String padding) {
        outbox.publish(TOPIC, key, "test.relay-step.v1", new Step(key, n, padding));
    }

    private OutboxEvent parkedRow(String key) {
        return parkedEvents.parked(1000).stream()
                .filter(e -> key.equals(e.key))
                .findFirst()
                .orElse(null);
    }

    private static int step(ConsumerRecord<String, String> record) {
        String value = record.value();
        int at = value.indexOf("\"n\":") + 4;
        return Integer.parseInt(value.substring(at, value.indexOf(',', at)));
    }
}
