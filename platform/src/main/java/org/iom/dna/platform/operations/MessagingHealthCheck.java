package org.iom.dna.platform.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.iom.dna.platform.messaging.ConsumerHealth;
import org.iom.dna.platform.messaging.DeadLetters;
import org.iom.dna.platform.messaging.OutboxRelay;
import org.iom.dna.platform.messaging.ParkedEvents;

/**
 * Ready, but saying what is degraded: consumers retrying through an outage, a broker that does not
 * answer (events wait in the outbox), dead letters and parked outbox rows waiting for an operator.
 * It stays UP on purpose: a service whose broker is away still takes requests and buffers events,
 * and taking it out of rotation would turn a Kafka outage into an API outage.
 */
@Readiness
@ApplicationScoped
public class MessagingHealthCheck implements HealthCheck {

    private final ConsumerHealth consumers;
    private final DeadLetters deadLetters;
    private final ParkedEvents parkedEvents;
    private final OutboxRelay relay;

    MessagingHealthCheck(
            ConsumerHealth consumers, DeadLetters deadLetters, ParkedEvents parkedEvents, OutboxRelay relay) {
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.parkedEvents = parkedEvents;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("messaging").up();
        boolean degraded = false;
        for (Map.Entry<String, ConsumerHealth.Retrying> entry :
                consumers.retrying().entrySet()) {
            ConsumerHealth.Retrying r = entry.getValue();
            response.withData(
                    "consumer." + entry.getKey(),
                    "retrying " + r.record() + " since " + r.since() + " (" + r.attempts() + " attempts, " + r.failure()
                            + ")");
            degraded = true;
        }
        if (relay.brokerUnreachableSince().isPresent()) {
            response.withData(
                    "broker",
                    "unreachable since " + relay.brokerUnreachableSince().get());
            degraded = true;
        }
        try {
            long parked = 0;
            for (Map.Entry<String, Long> depth : deadLetters.depth().entrySet()) {
                response.withData("dead-letters." + depth.getKey(), depth.getValue());
                parked += depth.getValue();
            }
            long parkedOutbox = parkedEvents.count();
            response.withData("dead-letters", parked)
                    .withData("outbox.parked", parkedOutbox)
                    .withData("outbox.pending", parkedEvents.pending());
            degraded |= parked > 0 || parkedOutbox > 0;
        } catch (RuntimeException databaseAway) {
            // The datasource's own check reports the database; here it only means no counts.
            response.withData(
                    "counts", "unavailable (" + databaseAway.getClass().getSimpleName() + ")");
            degraded = true;
        }
        return response.withData("degraded", degraded).build();
    }
}
