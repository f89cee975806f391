package org.iom.dna.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.platform.messaging.RecordingHandler.TestEvent;
import org.junit.jupiter.api.Test;

/** The inbox applies each event once, waits out transient failures and parks only what cannot pass. */
@QuarkusTest
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    RecordingHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    @Inject
    OutageBackoff backoff;

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "apply", 0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                inbox.process(handler, record);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> delivery : deliveries) {
            delivery.get();
        }
        pool.shutdown();
        assertEquals(1, Records.effects(em, marker));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "apply", 0));
        inbox.process(handler, record);
        inbox.process(handler, record);
        assertEquals(1, Records.effects(em, marker));
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNeverParked() {
        String marker = Records.marker();
        // More failures than an unexplained failure is allowed before parking: transient ones never park.
        inbox.process(handler, Records.of(new TestEvent(marker, "transient", 10)));
        assertEquals(11, handler.attempts(marker));
        assertEquals(1, Records.effects(em, marker));
        assertEquals(0, Records.deadLetters(em, marker));
    }

    @Test
    void aContractViolationIsParkedAtOnceWithItsReason() {
        String marker = Records.marker();
        inbox.process(handler, Records.of(new TestEvent(marker, "contract", 0)));
        assertEquals(1, handler.attempts(marker));
        assertEquals(0, Records.effects(em, marker));
        DeadLetter letter = parked(marker);
        assertTrue(letter.reason.startsWith("contract violation: event " + marker), letter.reason);
        assertEquals(Records.TOPIC, letter.topic);
        assertEquals("test.event.v1", letter.headers.get("ce_type"));
    }

    @Test
    void aRecordWithoutCloudEventsMetadataIsParked() {
        String marker = Records.marker();
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(Records.TOPIC, 1, System.nanoTime(), marker, "{}");
        inbox.process(handler, bare);
        assertTrue(parked(marker).reason.contains("no CloudEvents id/type"));
    }

    @Test
    void aPayloadThatDoesNotMapIsParkedNamingThePathNotTheValue() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Records.TOPIC,
                0,
                System.nanoTime(),
                marker,
                "{\"marker\": \"" + marker + "\", \"failures\": \"secret-value\"}");
        record.headers().add("ce_id", marker.getBytes());
        record.headers().add("ce_type", "test.event.v1".getBytes());
        inbox.process(handler, record);
        String reason = parked(marker).reason;
        assertTrue(reason.contains("at $.failures"), reason);
        assertTrue(!reason.contains("secret-value"), reason);
    }

    @Test
    void anUnexplainedFailureIsParkedAfterBoundedAttemptsWhileTheDatabaseAnswers() {
        String marker = Records.marker();
        inbox.process(handler, Records.of(new TestEvent(marker, "unexplained", 0)));
        assertEquals(4, handler.attempts(marker));
        assertTrue(parked(marker).reason.startsWith("unexplained failure: java.lang.IllegalStateException"));
    }

    @Test
    void aParkedRecordDeliveredAgainIsParkedOnce() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "contract", 0));
        inbox.process(handler, record);
        inbox.process(handler, record);
        assertEquals(1, Records.deadLetters(em, marker));
    }

    @Test
    void backOffDoublesUpToItsCap() {
        assertEquals(Duration.ofMillis(10), backoff.delay(1));
        assertEquals(Duration.ofMillis(20), backoff.delay(2));
        assertEquals(Duration.ofMillis(50), backoff.delay(4));
        assertEquals(Duration.ofMillis(50), backoff.delay(1000));
    }

    private DeadLetter parked(String key) {
        return deadLetters.parked(RecordingHandler.CONSUMER, 1000).stream()
                .filter(d -> key.equals(d.key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + key));
    }
}
