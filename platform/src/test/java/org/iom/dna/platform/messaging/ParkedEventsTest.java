package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** Outbox rows the broker refused for good wait for an operator, who releases them once the cause is fixed. */
@QuarkusTest
class ParkedEventsTest {

    @Inject
    ParkedEvents parkedEvents;

    @Inject
    EntityManager em;

    @Test
    void shouldGiveAReleasedRowFreshAttempts() {
        long position = OutboxRows.parked(em, key(), 0, 3);

        OutboxEvent released = parkedEvents.release(position).orElseThrow();

        assertThat(released.position).isEqualTo(position);
        assertThat(released.parkedAt).isNull();
        assertThat(released.attempts).isZero();
    }

    @Test
    void shouldPublishAReleasedRowAndThenTheRowsOfItsKeyThatWaitedBehindIt() {
        String key = key();
        try (TopicProbe probe = TopicProbe.open("test." + OutboxRows.TOPIC)) {
            long parked = OutboxRows.parked(em, key, 0, 3);
            OutboxRows.pending(em, key, 1);

            parkedEvents.release(parked);

            probe.await(r -> key.equals(r.key()) && r.value().contains("\"n\":1"), Duration.ofSeconds(20));
            List<String> values = probe.drain(Duration.ZERO).stream()
                    .filter(r -> key.equals(r.key()))
                    .map(ConsumerRecord::value)
                    .toList();
            assertThat(values).hasSize(2);
            assertThat(values.get(0)).contains("\"n\":0");
            assertThat(values.get(1)).contains("\"n\":1");
        }
    }

    @Test
    void shouldFindNothingToReleaseWhenTheRowWasPublished() {
        long position = OutboxRows.insert(
                em, "nowhere.v1", key(), 0, Instant.now(), Instant.now().minusSeconds(60), 3);

        assertThat(parkedEvents.release(position)).isEmpty();
    }

    @Test
    void shouldFindNothingToReleaseWhenTheRowIsOnlyWaitingBehindAParkedOne() {
        String key = key();
        OutboxRows.parked(em, key, 0, 3);
        long waiting = OutboxRows.pending(em, key, 1);

        assertThat(parkedEvents.release(waiting)).isEmpty();
        assertThat(OutboxRows.find(em, waiting).publishedAt).isNull();
    }

    @Test
    void shouldFindNothingToReleaseWhenNoRowHasThePosition() {
        assertThat(parkedEvents.release(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldListParkedRowsWithTheBrokersReason() {
        String key = key();
        long position = OutboxRows.parked(em, key, 0, 3);

        OutboxEvent listed = parkedEvents.parked(1000).stream()
                .filter(e -> e.position == position)
                .findFirst()
                .orElseThrow();

        assertThat(listed.key).isEqualTo(key);
        assertThat(listed.attempts).isEqualTo(3);
        assertThat(listed.lastError).isEqualTo("RecordTooLargeException: too large");
    }

    @Test
    void shouldListParkedRowsOldestFirst() {
        OutboxRows.parked(em, key(), 0, 3);
        OutboxRows.parked(em, key(), 0, 3);

        assertThat(parkedEvents.parked(1000)).extracting(e -> e.position).isSorted();
    }

    @Test
    void shouldListNoMoreParkedRowsThanTheLimit() {
        OutboxRows.parked(em, key(), 0, 3);
        OutboxRows.parked(em, key(), 0, 3);

        assertThat(parkedEvents.parked(1)).hasSize(1);
    }

    @Test
    void shouldNotListARowThatWaitsBehindAParkedOne() {
        String key = key();
        OutboxRows.parked(em, key, 0, 3);
        long waiting = OutboxRows.pending(em, key, 1);

        assertThat(parkedEvents.parked(1000)).extracting(e -> e.position).doesNotContain(waiting);
    }

    @Test
    void shouldCountAParkedRow() {
        long before = parkedEvents.count();

        OutboxRows.parked(em, key(), 0, 3);

        assertThat(parkedEvents.count()).isEqualTo(before + 1);
    }

    @Test
    void shouldNotCountAPublishedRowAsParked() {
        long before = parkedEvents.count();

        OutboxRows.insert(em, "nowhere.v1", key(), 0, Instant.now(), Instant.now(), 3);

        assertThat(parkedEvents.count()).isEqualTo(before);
    }

    @Test
    void shouldCountParkedRowsAndTheRowsBehindThemAsPending() {
        long before = parkedEvents.pending();
        String key = key();

        OutboxRows.parked(em, key, 0, 3);
        OutboxRows.pending(em, key, 1);

        assertThat(parkedEvents.pending()).isEqualTo(before + 2);
    }

    private static String key() {
        return "parked-" + UUID.randomUUID();
    }
}
