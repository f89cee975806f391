package org.iom.dna.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iom.dna.platform.tracing.Tracing;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published in the same
 * transaction that locked them. A crash between the broker's ack and the commit re-sends the batch:
 * delivery is at least once, and consumers de-duplicate on the CloudEvents id ({@link Inbox}).
 * Several instances of a service may run; a transaction-scoped advisory lock lets one publish at a time.
 *
 * <p>An unreachable broker holds every row back until it returns (the service stays up and keeps
 * accepting work). A row the broker refuses for good (too large, invalid) is parked after
 * {@code dna.messaging.outbox.max-attempts} with its reason and never blocks the rows behind it,
 * except later rows of its own key, whose order must hold; an operator releases it when fixed.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary advisory-lock key; each service has its own database, so it cannot clash. */
    private static final long RELAY_LOCK = 0x0DA0_0B0FL;

    private static final int ERROR_LENGTH = 500;
    /** Unpublished, unparked rows whose key has no parked row before them, oldest first. */
    private static final String NEXT_ROWS = "select * from outbox_event o where o.published_at is null"
            + " and o.parked_at is null and not exists (select 1 from outbox_event p where p.published_at is null"
            + " and p.parked_at is not null and p.topic = o.topic and p.aggregate_key = o.aggregate_key"
            + " and p.position < o.position) order by o.position limit ?1 for update of o skip locked";

    private final EntityManager em;
    private final MessagingConfig.Outbox config;
    private final String bootstrapServers;
    private final String topicPrefix;
    private final String source;
    private volatile KafkaProducer<String, String> producer;
    private volatile Instant brokerUnreachableSince;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(
            EntityManager em,
            MessagingConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "dna.topic-prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.config = config.outbox();
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix.orElse("");
        this.source = "/" + applicationName;
    }

    /** Called after a transaction that wrote outbox rows commits, so events leave at once. */
    void wakeUp() {
        wakeUps.execute(this::publishPending);
    }

    /** Since when the broker has not answered, if it does not now. */
    public Optional<Instant> brokerUnreachableSince() {
        return Optional.ofNullable(brokerUnreachableSince);
    }

    /**
     * Drains the outbox. Only one pass runs at a time in this instance, which keeps one key's
     * events in order; a call that finds a pass running leaves it to that pass to go round again.
     */
    @Scheduled(
            every = "${dna.messaging.outbox.poll-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishPending() {
        again.set(true);
        while (again.get()) {
            if (!running.tryLock()) {
                return;
            }
            try {
                again.set(false);
                Pass pass;
                do {
                    pass = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (pass.full() && !pass.brokerAway());
                if (pass.brokerAway()) {
                    return; // the next tick tries again; a wake-up must not spin against a missing broker
                }
            } catch (RuntimeException e) {
                // The database is away: rows stay unpublished and are retried on the next tick.
                LOG.warnf(
                        "outbox relay could not run (will retry): %s",
                        e.getClass().getSimpleName());
                LOG.debug("outbox relay failure", e);
                return;
            } finally {
                running.unlock();
            }
        }
    }

    /** What one batch did: whether it was full (more may wait) and whether the broker was away. */
    record Pass(boolean full, boolean brokerAway) {}

    @SuppressWarnings("unchecked")
    Pass publishBatch() {
        // One relay publishes at a time across all instances of a service, so rows leave in position
        // order and one key's events keep the order in which their transactions committed.
        Object leader = em.createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return new Pass(false, false);
        }
        List<OutboxEvent> batch = em.createNativeQuery(NEXT_ROWS, OutboxEvent.class)
                .setParameter(1, config.batchSize())
                .getResultList();
        List<Sent> sent = send(batch);
        boolean brokerAway = settle(sent);
        return new Pass(batch.size() == config.batchSize(), brokerAway);
    }

    /** A row and what became of its send: an ack to wait for, or the reason it was not sent. */
    private record Sent(OutboxEvent row, Future<RecordMetadata> ack, Throwable notSent) {}

    private List<Sent> send(List<OutboxEvent> batch) {
        List<Sent> sent = new ArrayList<>(batch.size());
        // Keys with an earlier row in this batch that did not go: their later rows wait, to keep order.
        Set<String> heldKeys = new HashSet<>();
        boolean brokerAway = false;
        for (OutboxEvent row : batch) {
            String key = row.topic + '\u0000' + row.key;
            if (brokerAway || heldKeys.contains(key)) {
                continue;
            }
            ProducerRecord<String, String> record = toRecord(row);
            int size = sizeOf(record);
            if (size > config.maxRecordBytes()) {
                heldKeys.add(key);
                sent.add(new Sent(row, null, new OversizedRecord(size, config.maxRecordBytes())));
                continue;
            }
            try {
                Future<RecordMetadata> ack = producer().send(record);
                // A broker that is away fails the send at once, after max.block.ms: stop the batch there.
                brokerAway = ack.isDone() && Failures.isTransient(failureOf(ack));
                sent.add(new Sent(row, ack, null));
            } catch (RuntimeException e) {
                brokerAway = Failures.isTransient(e);
                heldKeys.add(key);
                sent.add(new Sent(row, null, e));
            }
        }
        return sent;
    }

    /** Marks acknowledged rows published and counts failures; true if the broker was away. */
    private boolean settle(List<Sent> sent) {
        Instant now = Instant.now();
        boolean brokerAway = false;
        for (Sent s : sent) {
            Throwable failure = s.notSent() != null ? s.notSent() : awaitAck(s.ack());
            if (failure == null) {
                s.row().publishedAt = now;
                if (s.row().eraseAfterPublish) {
                    s.row().payload = "{}";
                }
            } else if (Failures.isTransient(failure)) {
                brokerAway = true;
            } else {
                refused(s.row(), failure, now);
            }
        }
        if (brokerAway && brokerUnreachableSince == null) {
            brokerUnreachableSince = now;
            LOG.warn("outbox relay: the Kafka broker does not answer; events wait in the outbox");
        } else if (!brokerAway && !sent.isEmpty() && brokerUnreachableSince != null) {
            LOG.infof(
                    "outbox relay: the Kafka broker answers again after %s",
                    Duration.between(brokerUnreachableSince, now));
            brokerUnreachableSince = null;
        }
        return brokerAway;
    }

    private void refused(OutboxEvent row, Throwable failure, Instant now) {
        row.attempts++;
        row.lastError = truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        if (row.attempts >= config.maxAttempts() || failure instanceof OversizedRecord) {
            row.parkedAt = now;
            LOG.errorf(
                    "outbox relay: parked event %s (%s on %s) after %d attempt(s): %s",
                    row.eventId, row.type, row.topic, row.attempts, row.lastError);
        } else {
            LOG.warnf("outbox relay: event %s refused (attempt %d): %s", row.eventId, row.attempts, row.lastError);
        }
    }

    private static Throwable awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static Throwable failureOf(Future<RecordMetadata> ack) {
        return ack.isDone() ? awaitAck(ack) : null;
    }

    private static String truncate(String text) {
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    /** Serialized key, value and headers: what the broker compares with its message.max.bytes. */
    private static int sizeOf(ProducerRecord<String, String> record) {
        int size = record.value() == null ? 0 : record.value().getBytes(StandardCharsets.UTF_8).length;
        size += record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length;
        for (Header header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }

    /** A record larger than the broker takes: parked at once, it can only pass once the limit is raised. */
    static final class OversizedRecord extends RuntimeException {
        OversizedRecord(int size, int limit) {
            super(
                    "record of " + size + " bytes exceeds dna.messaging.outbox.max-record-bytes=" + limit,
                    null,
                    false,
                    false);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topicPrefix + event.topic, event.key, event.payload);
        // CloudEvents Kafka protocol binding, binary mode: metadata in headers, data in the value.
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId.toString());
        header(record, "ce_type", event.type);
        header(record, "ce_source", source);
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt));
        header(record, "content-type", "application/json");
        if (event.traceparent != null) {
            header(record, Tracing.TRACEPARENT, event.traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties kafka = new Properties();
                    kafka.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    kafka.put(ProducerConfig.ACKS_CONFIG, "all");
                    kafka.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    kafka.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    kafka.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
                    kafka.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    kafka.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    // Above the relay's own check, so an oversized row is parked by it, not refused here.
                    kafka.put(
                            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                            Math.max(config.maxRecordBytes() + 4096, 1_048_576));
                    kafka.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(1) + "-outbox");
                    producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    void close(@Observes ShutdownEvent shutdown) {
        wakeUps.shutdownNow();
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
