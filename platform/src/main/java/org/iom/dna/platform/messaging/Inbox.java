package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Consumer-side de-duplication. The event id is recorded in the same transaction that applies the
 * event, so a redelivered event (after a crash, a rebalance, or the outbox re-sending a batch)
 * changes nothing. Consumers call {@link #process}.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int MAX_ATTEMPTS = 5;

    private final EntityManager em;
    // Events are read tolerantly: a producer may add fields before every consumer knows them.
    private final ObjectMapper eventJson;

    Inbox(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.eventJson = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Applies an event exactly once, in a transaction of its own. Transient failures (a deadlock, a
     * lost optimistic lock, the database briefly away) are retried a bounded number of times; an
     * event that does not fit its contract is not, and goes to the dead-letter topic at once.
     *
     * @param consumer the name of the consuming use case
     * @param handler applies the event; runs inside the transaction
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> receive(consumer, record).ifPresent(handler));
                return;
            } catch (IllegalArgumentException contractViolation) {
                throw contractViolation;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("%s: attempt %d at %s-%d@%d failed (%s); retrying", consumer, attempt, record.topic(),
                        record.partition(), record.offset(), e.getClass().getSimpleName());
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * @param consumer the name of the consuming use case (one service may consume an event twice)
     * @return the event if this consumer has not yet seen it, otherwise empty
     * @throws IllegalArgumentException if the record lacks CloudEvents metadata (goes to the DLQ)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IncomingEvent> receive(String consumer, ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null || record.value() == null) {
            throw new IllegalArgumentException("record at " + record.topic() + "/" + record.partition()
                    + "@" + record.offset() + " has no CloudEvents id/type or no value");
        }
        int inserted = em.createNativeQuery("insert into inbox_event (consumer, event_id, received_at)"
                        + " values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, id)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(new IncomingEvent(id, type, record.key(), record.value(), eventJson));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
