package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event is recorded with the state change that it describes, and only if that change commits. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    /** Something a JSON writer cannot write: it has no properties. */
    static final class Unwritable {}

    @Test
    void shouldRecordTheEventWithItsTopicKeyTypeAndJson() throws Exception {
        String key = UUID.randomUUID().toString();
        OutboxRows.Step step = new OutboxRows.Step(key, 7, "");

        QuarkusTransaction.requiringNew().run(() -> outbox.publish(OutboxRows.TOPIC, key, OutboxRows.TYPE, step));

        OutboxEvent row = row(key);
        assertThat(row.topic).isEqualTo(OutboxRows.TOPIC);
        assertThat(row.type).isEqualTo(OutboxRows.TYPE);
        assertThat(row.eventId).isNotNull();
        assertThat(row.occurredAt).isNotNull();
        assertThat(json.readValue(row.payload, OutboxRows.Step.class)).isEqualTo(step);
    }

    @Test
    void shouldGiveEveryEventItsOwnId() {
        String key = UUID.randomUUID().toString();

        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(OutboxRows.TOPIC, key, OutboxRows.TYPE, new OutboxRows.Step(key, 0, ""));
            outbox.publish(OutboxRows.TOPIC, key, OutboxRows.TYPE, new OutboxRows.Step(key, 0, ""));
        });

        long distinct = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(distinct e.eventId) from OutboxEvent e where e.key = :key", Long.class)
                        .setParameter("key", key)
                        .getSingleResult());
        assertThat(distinct).isEqualTo(2);
    }

    @Test
    void shouldRecordNothingWhenTheStateChangeRollsBack() {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.publish(OutboxRows.TOPIC, key, OutboxRows.TYPE, new OutboxRows.Step(key, 0, ""));
                    throw new IllegalStateException("the state change fails");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(OutboxRows.rowsOfKey(em, key)).isZero();
    }

    @Test
    void shouldRefuseAnEventWithoutATransactionToJoin() {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(
                        () -> outbox.publish(OutboxRows.TOPIC, key, OutboxRows.TYPE, new OutboxRows.Step(key, 0, "")))
                .isInstanceOf(TransactionalException.class);
        assertThat(OutboxRows.rowsOfKey(em, key)).isZero();
    }

    @Test
    void shouldNameTheEventTypeWhenThePayloadCannotBeWrittenAsJson() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> outbox.publish(OutboxRows.TOPIC, "k", "test.unwritable.v1", new Unwritable())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event test.unwritable.v1 cannot be written as JSON");
    }

    private OutboxEvent row(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("from OutboxEvent e where e.key = :key", OutboxEvent.class)
                        .setParameter("key", key)
                        .getSingleResult());
    }
}
