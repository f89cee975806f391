package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.iom.dna.platform.tracing.Tracing;
import org.jboss.logging.Logger;

/**
 * Consumer-side de-duplication and failure handling. The event id is recorded in the same
 * transaction that applies the event, so a redelivered event (after a crash, a rebalance, a
 * consumer-group reset, or the outbox re-sending a batch) changes nothing.
 *
 * <p>Nothing a consumer was given is dropped: a transient failure (database away, deadlock, lost
 * lock) is retried with capped exponential back-off for as long as it lasts, holding the partition
 * so one key's events keep their order; only a record that breaks its contract, or that keeps failing
 * for an unexplained reason while the database answers, is parked as a {@link DeadLetter}.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int REASON_LENGTH = 1000;

    private final EntityManager em;
    // Events are read tolerantly: a producer may add fields before every consumer knows them.
    private final ObjectMapper eventJson;
    private final ConsumerHealth health;
    private final MessagingConfig.Inbox config;
    private final OutageBackoff backoff;
    private final Tracing tracing;

    Inbox(
            EntityManager em,
            ObjectMapper json,
            ConsumerHealth health,
            MessagingConfig config,
            OutageBackoff backoff,
            Tracing tracing) {
        this.tracing = tracing;
        this.em = em;
        this.eventJson = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.health = health;
        this.config = config.inbox();
        this.backoff = backoff;
    }

    /**
     * Applies a record exactly once, in a transaction of its own, or parks it. Returns only when the
     * record is applied, was seen before, or is parked: then its offset may be committed. Throws only
     * when the thread is interrupted (the service is stopping): the offset is then not committed and
     * the record comes again.
     */
    public void process(EventHandler handler, ConsumerRecord<String, String> record) {
        // In the trace of the request that recorded the event: its log lines carry that trace id.
        tracing.consume(handler.consumer(), record, () -> applyOrPark(handler, record));
    }

    private void applyOrPark(EventHandler handler, ConsumerRecord<String, String> record) {
        String consumer = handler.consumer();
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> receive(consumer, record).ifPresent(handler::apply));
                health.recovered(consumer);
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (shouldPark(failure, attempt)) {
                String reason = reason(failure);
                try {
                    QuarkusTransaction.requiringNew().run(() -> park(consumer, record, reason));
                    health.recovered(consumer);
                    return;
                } catch (RuntimeException parkingFailed) {
                    failure = parkingFailed; // the database went away meanwhile: keep retrying
                }
            }
            health.retrying(consumer, where(record), attempt, failure);
            logRetry(consumer, record, attempt, failure);
            backoff.pause(attempt, failure);
        }
    }

    private boolean shouldPark(RuntimeException failure, int attempt) {
        if (Failures.isContractViolation(failure)) {
            return true;
        }
        if (Failures.isTransient(failure)) {
            return false;
        }
        // Not recognised as transient: a bug, or an outage in a shape not listed. Park it only once it
        // has failed for a while and the database answers, so that an outage never parks anything.
        return attempt >= config.unexplainedAttempts() && databaseAnswers();
    }

    private boolean databaseAnswers() {
        try {
            QuarkusTransaction.requiringNew()
                    .timeout(5)
                    .run(() -> em.createNativeQuery("select 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void logRetry(String consumer, ConsumerRecord<String, String> record, int attempt, Throwable e) {
        // Every attempt at first, then every tenth: an outage of minutes must not flood the log.
        if (attempt <= 3 || attempt % 10 == 0) {
            LOG.warnf(
                    "%s: attempt %d at %s failed (%s); retrying",
                    consumer,
                    attempt,
                    where(record),
                    Failures.isTransient(e)
                            ? "transient: " + e.getClass().getSimpleName()
                            : e.getClass().getSimpleName());
        }
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * @param consumer the name of the consuming use case (one service may consume an event twice)
     * @return the event if this consumer has not yet seen it, otherwise empty
     * @throws ContractViolation if the record lacks CloudEvents metadata
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IncomingEvent> receive(String consumer, ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null || record.value() == null) {
            throw new ContractViolation("record at " + where(record) + " has no CloudEvents id/type or no value");
        }
        return receive(consumer, id, type, record.value());
    }

    /** The same for a parked record being replayed: its id still counts once for its consumer. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<IncomingEvent> receive(String consumer, String id, String type, String payload) {
        int inserted = em.createNativeQuery("insert into inbox_event (consumer, event_id, received_at)"
                        + " values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, id)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(new IncomingEvent(id, type, payload, eventJson));
    }

    /** Parks a record once: a redelivery of a parked record (after a crash or a reset) finds it parked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void park(String consumer, ConsumerRecord<String, String> record, String reason) {
        long known = em.createQuery(
                        "select count(d) from DeadLetter d where d.consumer = :consumer and d.topic = :topic"
                                + " and d.partition = :partition and d.offset = :offset",
                        Long.class)
                .setParameter("consumer", consumer)
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .getSingleResult();
        if (known > 0) {
            return;
        }
        DeadLetter letter = new DeadLetter();
        letter.consumer = consumer;
        letter.topic = record.topic();
        letter.partition = record.partition();
        letter.offset = record.offset();
        letter.eventId = header(record, "ce_id");
        letter.eventType = header(record, "ce_type");
        letter.key = record.key();
        letter.payload = record.value();
        letter.headers = headers(record);
        letter.reason = reason;
        letter.parkedAt = Instant.now();
        letter.persist();
        LOG.errorf("%s: parked %s as dead letter %d: %s", consumer, where(record), letter.id, reason);
    }

    /** Why a record was parked, without payload values: our own contract messages, else the types of the failure's causes. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ContractViolation) {
                return truncate("contract violation: " + e.getMessage());
            }
            reason.append(reason.isEmpty() ? "unexplained failure: " : " <- ")
                    .append(e.getClass().getName());
        }
        StackTraceElement[] at = failure.getStackTrace();
        return truncate(at.length > 0 ? reason + " at " + at[0] : reason.toString());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
