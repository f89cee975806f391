package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    ConsumerHealth health;

    @Inject
    EntityManager em;

    @Test
    void shouldApplyAnEventOnceWhenItIsDeliveredConcurrently() throws Exception {
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

        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldApplyAnEventInTheTraceItsRecordCarries() {
        String marker = Records.marker();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "apply", 0));
        record.headers()
                .add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        inbox.process(handler, record);

        assertThat(handler.traceOf(marker)).isEqualTo(traceId);
    }

    @Test
    void shouldApplyAnEventWithoutTraceInATraceOfItsOwn() {
        String marker = Records.marker();

        inbox.process(handler, Records.of(new TestEvent(marker, "apply", 0)));

        // A new trace, so that what the event causes can still be followed from here on.
        assertThat(handler.traceOf(marker)).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    @Test
    void shouldChangeNothingWhenAnEventIsRedelivered() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "apply", 0));

        inbox.process(handler, record);
        inbox.process(handler, record);

        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldLetEachConsumerApplyTheSameEventOnce() {
        ConsumerRecord<String, String> record = Records.of(new TestEvent(Records.marker(), "apply", 0));

        List<Boolean> seen = QuarkusTransaction.requiringNew()
                .call(() -> List.of(
                        inbox.receive("platform-test.first", record).isPresent(),
                        inbox.receive("platform-test.second", record).isPresent(),
                        inbox.receive("platform-test.first", record).isPresent()));

        assertThat(seen).containsExactly(true, true, false);
    }

    @Test
    void shouldForgetTheEventIdWhenApplyingItFails() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "transient", 1));

        inbox.process(handler, record);

        // The failed attempt's inbox row rolled back with it, so the second attempt applied the event.
        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldRetryATransientFailureUntilItPasses() {
        String marker = Records.marker();

        // More failures than an unexplained failure is allowed before parking: transient ones never park.
        inbox.process(handler, Records.of(new TestEvent(marker, "transient", 10)));

        assertThat(handler.attempts(marker)).isEqualTo(11);
        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldNeverParkATransientFailure() {
        String marker = Records.marker();

        inbox.process(handler, Records.of(new TestEvent(marker, "transient", 10)));

        assertThat(Records.deadLetters(em, marker)).isZero();
    }

    @Test
    void shouldClearTheConsumersRetryStateWhenTheRecordPasses() {
        inbox.process(handler, Records.of(new TestEvent(Records.marker(), "transient", 2)));

        assertThat(health.retrying()).doesNotContainKey(RecordingHandler.CONSUMER);
    }

    @Test
    void shouldParkAContractViolationAtOnce() {
        String marker = Records.marker();

        inbox.process(handler, Records.of(new TestEvent(marker, "contract", 0)));

        assertThat(handler.attempts(marker)).isEqualTo(1);
        assertThat(Records.effects(em, marker)).isZero();
        assertThat(parked(marker).reason).isEqualTo("contract violation: event " + marker + " names nothing known");
    }

    @Test
    void shouldKeepWhatAnOperatorNeedsToReplayWhenItParksARecord() {
        String marker = Records.marker();
        String eventId = Records.marker();
        ConsumerRecord<String, String> record = Records.withId(new TestEvent(marker, "contract", 0), eventId);

        inbox.process(handler, record);

        DeadLetter letter = parked(marker);
        assertThat(letter.consumer).isEqualTo(RecordingHandler.CONSUMER);
        assertThat(letter.topic).isEqualTo(Records.TOPIC);
        assertThat(letter.partition).isEqualTo(record.partition());
        assertThat(letter.offset).isEqualTo(record.offset());
        assertThat(letter.eventId).isEqualTo(eventId);
        assertThat(letter.eventType).isEqualTo("test.event.v1");
        assertThat(letter.payload).isEqualTo(record.value());
        assertThat(letter.headers).containsEntry("ce_id", eventId).containsEntry("ce_type", "test.event.v1");
        assertThat(letter.parkedAt).isNotNull();
        assertThat(letter.replayedAt).isNull();
    }

    @Test
    void shouldParkARecordWithoutACloudEventsId() {
        String marker = Records.marker();
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(Records.TOPIC, 1, System.nanoTime(), marker, "{}");
        bare.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));

        inbox.process(handler, bare);

        assertThat(parked(marker).reason).contains("has no CloudEvents id/type or no value");
    }

    @Test
    void shouldParkARecordWithoutAValue() {
        String marker = Records.marker();
        ConsumerRecord<String, String> tombstone =
                new ConsumerRecord<>(Records.TOPIC, 1, System.nanoTime(), marker, null);
        tombstone.headers().add("ce_id", marker.getBytes(StandardCharsets.UTF_8));
        tombstone.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));

        inbox.process(handler, tombstone);

        assertThat(parked(marker).reason).contains("has no CloudEvents id/type or no value");
    }

    @Test
    void shouldNameThePathButNotTheValueWhenAPayloadDoesNotMap() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Records.TOPIC,
                0,
                System.nanoTime(),
                marker,
                "{\"marker\": \"" + marker + "\", \"failures\": \"secret-value\"}");
        record.headers().add("ce_id", marker.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));

        inbox.process(handler, record);

        assertThat(parked(marker).reason).contains("at $.failures").doesNotContain("secret-value");
    }

    @Test
    void shouldReadEventsTolerantlyWhenAProducerAddsAField() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Records.TOPIC,
                0,
                System.nanoTime(),
                marker,
                "{\"marker\": \"" + marker + "\", \"behaviour\": \"apply\", \"failures\": 0, \"addedInV1_1\": true}");
        record.headers().add("ce_id", marker.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));

        inbox.process(handler, record);

        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldParkAnUnexplainedFailureAfterBoundedAttemptsWhileTheDatabaseAnswers() {
        String marker = Records.marker();

        inbox.process(handler, Records.of(new TestEvent(marker, "unexplained", 0)));

        assertThat(handler.attempts(marker)).isEqualTo(4);
        assertThat(parked(marker).reason).startsWith("unexplained failure: java.lang.IllegalStateException");
    }

    @Test
    void shouldParkARecordWhoseReasonIsLongerThanTheColumn() {
        String marker = Records.marker();

        inbox.process(handler, Records.of(new TestEvent(marker, "verbose-contract", 0)));

        assertThat(parked(marker).reason).hasSize(1000).startsWith("contract violation: event " + marker);
    }

    @Test
    void shouldParkARecordOnceWhenItIsDeliveredAgain() {
        String marker = Records.marker();
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "contract", 0));

        inbox.process(handler, record);
        inbox.process(handler, record);

        assertThat(Records.deadLetters(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldGiveTheCauseChainButNoMessagesAsTheReasonForAnUnexplainedFailure() {
        String reason = Inbox.reason(
                new IllegalStateException("member Selam Tesfay", new IllegalArgumentException("phone +251911234567")));

        assertThat(reason)
                .startsWith(
                        "unexplained failure: java.lang.IllegalStateException <- java.lang.IllegalArgumentException")
                .doesNotContain("Selam")
                .doesNotContain("+251911234567");
    }

    private DeadLetter parked(String key) {
        Optional<DeadLetter> letter = deadLetters.parked(RecordingHandler.CONSUMER, 1000).stream()
                .filter(d -> key.equals(d.key))
                .findFirst();
        assertThat(letter).as("dead letter for %s", key).isPresent();
        return letter.get();
    }
}
