package org.iom.dna.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.iom.dna.platform.messaging.ConsumerHealth;
import org.iom.dna.platform.messaging.DeadLetters;
import org.iom.dna.platform.messaging.OutboxRelay;
import org.iom.dna.platform.messaging.ParkedEvents;

/**
 * Every service's messaging as Prometheus gauges: the outbox backlog and the age of its oldest event (Kafka away, or
 * the relay stuck), outbox rows and dead letters parked for an operator (per consumer), consumers retrying through
 * an outage, and whether the broker answers. Counts come from the database, refreshed every few seconds by a job of
 * their own, so a scrape never waits for the database (and still answers while it is away, with the last counts).
 */
// Created at start-up, so that the gauges are served from the first scrape on.
@Startup
@ApplicationScoped
public class MessagingMetrics {

    private final EntityManager em;
    private final DeadLetters deadLetters;
    private final ParkedEvents parkedEvents;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong parkedOutbox = new AtomicLong();
    private final TaggedGauges deadLetterGauges;

    MessagingMetrics(
            MeterRegistry registry,
            EntityManager em,
            DeadLetters deadLetters,
            ParkedEvents parkedEvents,
            OutboxRelay relay,
            ConsumerHealth consumers) {
        this.em = em;
        this.deadLetters = deadLetters;
        this.parkedEvents = parkedEvents;
        this.deadLetterGauges = new TaggedGauges(
                registry,
                "dna.dead.letters",
                "Records a consumer parked, waiting for an operator to replay them",
                "consumer");
        Gauge.builder("dna.outbox.pending", pending, AtomicLong::get)
                .description("Events committed and not yet on Kafka")
                .register(registry);
        Gauge.builder("dna.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest event not yet on Kafka (0 when none)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("dna.outbox.parked", parkedOutbox, AtomicLong::get)
                .description("Events the broker refused for good, waiting for an operator")
                .register(registry);
        Gauge.builder("dna.consumers.retrying", consumers, c -> c.retrying().size())
                .description("Consumers retrying a record through an outage")
                .register(registry);
        Gauge.builder(
                        "dna.broker.unreachable",
                        relay,
                        r -> r.brokerUnreachableSince().isPresent() ? 1 : 0)
                .description("1 while the outbox relay cannot reach the Kafka broker")
                .register(registry);
    }

    @Scheduled(every = "${dna.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            pending.set(parkedEvents.pending());
            parkedOutbox.set(parkedEvents.count());
            oldestPendingSeconds.set(QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) em.createNativeQuery("select coalesce(extract(epoch from now()"
                                            + " - min(occurred_at))::bigint, 0) from outbox_event"
                                            + " where published_at is null and parked_at is null")
                                    .getSingleResult())
                            .longValue()));
            // Every consumer of the service has its gauge, at 0 until it parks something: an alert on it can be tested.
            Map<String, Long> depth = deadLetters.depth();
            deadLetters
                    .consumers()
                    .forEach(consumer -> deadLetterGauges.set(consumer, depth.getOrDefault(consumer, 0L)));
            depth.forEach(deadLetterGauges::set);
        } catch (RuntimeException databaseAway) {
            // The last counts stay; the datasource's health check says the database is away.
        }
    }
}
