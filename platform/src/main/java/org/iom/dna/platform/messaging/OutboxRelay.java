package org.iom.dna.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published in the same
 * transaction that locked them. A crash between the broker's ack and the commit re-sends the batch:
 * delivery is at least once, and consumers de-duplicate on the CloudEvents id ({@link Inbox}).
 * Several instances of a service may run; a transaction-scoped advisory lock lets one publish at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Arbitrary advisory-lock key; each service has its own database, so it cannot clash. */
    private static final long RELAY_LOCK = 0x0DA0_0B0FL;

    private final EntityManager em;
    private final String bootstrapServers;
    private final String topicPrefix;
    private final String source;
    private volatile KafkaProducer<String, String> producer;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(EntityManager em,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "dna.topic-prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix.orElse("");
        this.source = "/" + applicationName;
    }

    /** Called after a transaction that wrote outbox rows commits, so events leave at once. */
    void wakeUp() {
        wakeUps.execute(this::publishPending);
    }

    /**
     * Drains the outbox. Only one pass runs at a time in this instance, which keeps one key's
     * events in order; a call that finds a pass running leaves it to that pass to go round again.
     */
    @Scheduled(every = "${dna.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishPending() {
        again.set(true);
        while (again.get()) {
            if (!running.tryLock()) {
                return;
            }
            try {
                again.set(false);
                int published;
                do {
                    published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (published == BATCH);
            } catch (RuntimeException e) {
                // The rows stay unpublished and are retried on the next tick; never log payloads.
                LOG.warnf("outbox relay could not publish (will retry): %s", e.getClass().getSimpleName());
                LOG.debug("outbox relay failure", e);
                return;
            } finally {
                running.unlock();
            }
        }
    }

    /** Published rows are kept a week for troubleshooting, then removed. */
    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                .setParameter("cutoff", Instant.now().minusSeconds(7 * 24 * 3600))
                .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    int publishBatch() throws Exception {
        // One relay publishes at a time across all instances of a service, so rows leave in position
        // order and one key's events keep the order in which their transactions committed.
        Object leader = em.createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0;
        }
        List<OutboxEvent> batch = em.createNativeQuery(
                "select * from outbox_event where published_at is null order by position"
                        + " limit " + BATCH + " for update skip locked", OutboxEvent.class)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(producer().send(toRecord(event)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        Instant now = Instant.now();
        batch.forEach(event -> event.publishedAt = now);
        return batch.size();
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
                    Properties config = new Properties();
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(1) + "-outbox");
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
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
            current.close(java.time.Duration.ofSeconds(5));
        }
    }
}
