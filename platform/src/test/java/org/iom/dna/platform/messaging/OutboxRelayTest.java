package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.platform.messaging.OutboxRows.Step;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** The relay keeps each key's order, and a row the broker cannot take blocks only its own key. */
@QuarkusTest
class OutboxRelayTest {

    private static final String PREFIXED = "test." + OutboxRows.TOPIC;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Retention retention;

    @Inject
    ParkedEvents parkedEvents;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Tracer tracer;

    @Test
    void shouldDeliverEachKeysEventsInTheOrderTheyCommitted() {
        String run = UUID.randomUUID().toString();
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c");
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            for (int n = 0; n < 30; n++) {
                int step = n;
                // Interleaved keys, several transactions: the relay drains them in batches.
                QuarkusTransaction.requiringNew().run(() -> keys.forEach(key -> publish(key, step, "")));
            }
            // Each key's last event: the keys may sit on different partitions, read at different paces.
            for (String key : keys) {
                probe.await(r -> r.key().equals(key) && step(r) == 29, Duration.ofSeconds(20));
            }
            for (String key : keys) {
                List<Integer> order = probe.drain(Duration.ZERO).stream()
                        .filter(r -> key.equals(r.key()))
                        .map(this::step)
                        .toList();
                assertThat(order)
                        .as(key)
                        .isEqualTo(IntStream.range(0, 30).boxed().toList());
            }
        }
    }

    @Test
    void shouldSendCloudEventsMetadataInTheRecordsHeaders() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            QuarkusTransaction.requiringNew().run(() -> publish(key, 0, ""));

            ConsumerRecord<String, String> record = probe.await(r -> key.equals(r.key()), Duration.ofSeconds(20));

            OutboxEvent row = row(key);
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(row.eventId.toString());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(OutboxRows.TYPE);
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/platform-test");
            assertThat(Instant.parse(TopicProbe.header(record, "ce_time"))).isEqualTo(row.occurredAt);
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void shouldSendTheTraceTheEventWasRecordedInAsTheRecordsTraceparent() {
        String traced = UUID.randomUUID().toString();
        String untraced = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            // As in a request: the event is recorded inside the request's span, and published later by the relay.
            Span request = tracer.spanBuilder("a request").startSpan();
            try (Scope scope = request.makeCurrent()) {
                QuarkusTransaction.requiringNew().run(() -> publish(traced, 0, ""));
            } finally {
                request.end();
            }
            QuarkusTransaction.requiringNew().run(() -> publish(untraced, 0, ""));

            SpanContext context = request.getSpanContext();
            assertThat(TopicProbe.header(
                            probe.await(r -> traced.equals(r.key()), Duration.ofSeconds(20)), "traceparent"))
                    .isEqualTo("00-" + context.getTraceId() + "-" + context.getSpanId() + "-01");
            assertThat(probe.await(r -> untraced.equals(r.key()), Duration.ofSeconds(20))
                            .headers()
                            .lastHeader("traceparent"))
                    .isNull();
        }
    }

    @Test
    void shouldSendThePayloadAsTheRecordsValueUnderTheAggregateKey() throws JsonProcessingException {
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            QuarkusTransaction.requiringNew().run(() -> publish(key, 4, "padding"));

            ConsumerRecord<String, String> record = probe.await(r -> key.equals(r.key()), Duration.ofSeconds(20));

            assertThat(json.readValue(record.value(), Step.class)).isEqualTo(new Step(key, 4, "padding"));
        }
    }

    @Test
    void shouldSendTheEventOfAnAggregateErasedMeanwhileAndThenEmptyItsPayload() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.open(PREFIXED)) {
            // The event and the aggregate's erasure commit together, before the relay has taken the row.
            QuarkusTransaction.requiringNew().run(() -> {
                publish(key, 7, "");
                retention.erasePayloadsOf(key);
            });

            ConsumerRecord<String, String> record = probe.await(r -> key.equals(r.key()), Duration.ofSeconds(20));
            assertThat(step(record)).as("consumers still get the event whole").isEqualTo(7);
        }
        OutboxEvent published =
                await().atMost(Duration.ofSeconds(20)).until(() -> row(key), r -> r.publishedAt != null);
        assertThat(published.payload).isEqualTo("{}");
    }

    @Test
    void shouldMarkARowPublishedOnceTheBrokerAcknowledgedIt() {
        String key = UUID.randomUUID().toString();

        QuarkusTransaction.requiringNew().run(() -> publish(key, 0, ""));

        OutboxEvent published =
                await().atMost(Duration.ofSeconds(20)).until(() -> row(key), r -> r.publishedAt != null);
        assertThat(published.attempts).isZero();
        assertThat(published.parkedAt).isNull();
        assertThat(relay.brokerUnreachableSince()).isEmpty();
    }

    @Test
    void shouldParkAnOversizedRowAtOnceWithItsReason() {
        String key = UUID.randomUUID() + "-oversized";

        QuarkusTransaction.requiringNew().run(() -> publish(key, 0, "x".repeat(5000)));

        OutboxEvent parked = await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(key), r -> r != null);
        assertThat(parked.attempts).isEqualTo(1);
        assertThat(parked.lastError).contains("exceeds dna.messaging.outbox.max-record-bytes=4000");
    }

    @Test
    void shouldHoldBackOnlyTheOversizedRowsOwnKey() {
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
            await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(poisoned), r -> r != null);
            // The poisoned key's later event waits behind it: sending it would break that key's order.
            List<ConsumerRecord<String, String>> seen = probe.drain(Duration.ofSeconds(3));
            assertThat(seen).extracting(ConsumerRecord::key).doesNotContain(poisoned);
        }
    }

    @Test
    void shouldParkAReleasedRowAgainWhenItStillDoesNotFit() {
        String key = UUID.randomUUID() + "-oversized";
        QuarkusTransaction.requiringNew().run(() -> publish(key, 0, "x".repeat(5000)));
        OutboxEvent parked = await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(key), r -> r != null);

        assertThat(parkedEvents.release(parked.position)).isPresent();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> parkedRow(key), r -> r != null && r.parkedAt.isAfter(parked.parkedAt));
    }

    private void publish(String key, int n, String padding) {
        outbox.publish(OutboxRows.TOPIC, key, OutboxRows.TYPE, new Step(key, n, padding));
    }

    private OutboxEvent parkedRow(String key) {
        return parkedEvents.parked(1000).stream()
                .filter(e -> key.equals(e.key))
                .findFirst()
                .orElse(null);
    }

    private OutboxEvent row(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("from OutboxEvent e where e.key = :key", OutboxEvent.class)
                        .setParameter("key", key)
                        .getSingleResult());
    }

    private int step(ConsumerRecord<String, String> record) {
        try {
            return json.readValue(record.value(), Step.class).n();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
