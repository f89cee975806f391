package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Published rows, remembered event ids and replayed dead letters go after their retention (outbox 7
 * days, inbox 30 days by default); what still waits for the broker or an operator never goes.
 */
@QuarkusTest
class RetentionTest {

    private static final String GONE_TOPIC = "nowhere.v1";

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    private final Instant now = Instant.now();

    @Test
    void shouldRemovePublishedRowsPastTheOutboxRetention() {
        long position = published(daysAgo(8));

        retention.purge(now);

        assertThat(OutboxRows.find(em, position)).isNull();
    }

    @Test
    void shouldKeepPublishedRowsWithinTheOutboxRetention() {
        long position = published(daysAgo(6));

        retention.purge(now);

        assertThat(OutboxRows.find(em, position)).isNotNull();
    }

    @Test
    void shouldNeverRemoveAParkedRow() {
        long position = OutboxRows.insert(em, GONE_TOPIC, key(), 0, null, daysAgo(60), 3);

        retention.purge(now);

        assertThat(OutboxRows.find(em, position)).isNotNull();
    }

    @Test
    void shouldNeverRemoveARowThatWasNotPublished() {
        String key = key();
        OutboxRows.parked(em, key, 0, 3);
        // Held behind its key's parked row, so it stays unpublished however old the outbox gets.
        long waiting = OutboxRows.pending(em, key, 1);

        retention.purge(now);

        assertThat(OutboxRows.find(em, waiting)).isNotNull();
    }

    @Test
    void shouldEmptyThePublishedPayloadsOfAnErasedAggregateOnly() {
        String erased = key();
        String other = key();
        long gone = OutboxRows.insert(em, GONE_TOPIC, erased, 0, daysAgo(1), null, 0);
        long kept = OutboxRows.insert(em, GONE_TOPIC, other, 0, daysAgo(1), null, 0);

        QuarkusTransaction.requiringNew().run(() -> retention.erasePayloadsOf(erased));

        assertThat(OutboxRows.find(em, gone).payload).isEqualTo("{}");
        assertThat(OutboxRows.find(em, kept).payload).contains(other);
    }

    @Test
    void shouldMarkTheRowsOfAnErasedAggregateThatHaveNotGoneOutYet() {
        String key = key();
        long parked = OutboxRows.parked(em, key, 0, 3);
        long waiting = OutboxRows.pending(em, key, 1);

        QuarkusTransaction.requiringNew().run(() -> retention.erasePayloadsOf(key));

        for (long position : new long[] {parked, waiting}) {
            OutboxEvent row = OutboxRows.find(em, position);
            assertThat(row.eraseAfterPublish).isTrue();
            assertThat(row.payload).as("still to be sent whole").contains(key);
        }
    }

    @Test
    void shouldForgetEventIdsPastTheInboxRetention() {
        String eventId = UUID.randomUUID().toString();
        seen(eventId, daysAgo(31));

        retention.purge(now);

        assertThat(inboxRows(eventId)).isZero();
    }

    @Test
    void shouldRememberEventIdsWithinTheInboxRetention() {
        String eventId = UUID.randomUUID().toString();
        seen(eventId, daysAgo(29));

        retention.purge(now);

        assertThat(inboxRows(eventId)).isEqualTo(1);
    }

    @Test
    void shouldRemoveDeadLettersReplayedBeforeTheInboxRetention() {
        long id = deadLetter(daysAgo(90), daysAgo(31));

        retention.purge(now);

        assertThat(deadLetterRows(id)).isZero();
    }

    @Test
    void shouldKeepDeadLettersReplayedWithinTheInboxRetention() {
        long id = deadLetter(daysAgo(90), daysAgo(29));

        retention.purge(now);

        assertThat(deadLetterRows(id)).isEqualTo(1);
    }

    @Test
    void shouldNeverRemoveADeadLetterThatWasNotReplayed() {
        long id = deadLetter(daysAgo(400), null);

        retention.purge(now);

        assertThat(deadLetterRows(id)).isEqualTo(1);
    }

    @Test
    void shouldCountEveryRowItRemoved() {
        retention.purge(now); // whatever an earlier test left past its retention
        published(daysAgo(8));
        seen(UUID.randomUUID().toString(), daysAgo(31));
        deadLetter(daysAgo(90), daysAgo(31));

        assertThat(retention.purge(now)).isEqualTo(3);
    }

    private Instant daysAgo(int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private static String key() {
        return "retention-" + UUID.randomUUID();
    }

    private long published(Instant at) {
        return OutboxRows.insert(em, GONE_TOPIC, key(), 0, at, null, 0);
    }

    private void seen(String eventId, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into inbox_event (consumer, event_id,"
                                + " received_at) values ('retention-test', ?1, ?2)")
                        .setParameter(1, eventId)
                        .setParameter(2, at)
                        .executeUpdate());
    }

    private long deadLetter(Instant parkedAt, Instant replayedAt) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("insert into dead_letter (consumer, topic, kafka_partition,"
                                        + " kafka_offset, headers, reason, parked_at, replayed_at, replay_outcome)"
                                        + " values ('retention-test', 'nowhere.v1', 0, ?1, cast('{}' as jsonb),"
                                        + " 'contract violation: test', ?2, ?3, ?4) returning id")
                                .setParameter(1, System.nanoTime())
                                .setParameter(2, parkedAt)
                                .setParameter(3, replayedAt)
                                .setParameter(4, replayedAt == null ? null : "APPLIED")
                                .getSingleResult())
                        .longValue());
    }

    private long inboxRows(String eventId) {
        return count("select count(*) from inbox_event where event_id = ?1", eventId);
    }

    private long deadLetterRows(long id) {
        return count("select count(*) from dead_letter where id = ?1", id);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql)
                                .setParameter(1, parameter)
                                .getSingleResult())
                        .longValue());
    }
}
