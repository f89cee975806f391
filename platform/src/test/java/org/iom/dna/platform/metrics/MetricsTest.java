package org.iom.dna.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.iom.dna.platform.messaging.OutboxRelay;
import org.iom.dna.platform.messaging.OutboxRows;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes every service at /q/metrics: the messaging gauges (backlog, its age, what waits for an operator,
 * the broker) are there, and counters count only what committed.
 */
@QuarkusTest
class MetricsTest {

    private static final String COUNTED = "dna.test.counted";

    @Inject
    Counting counting;

    @Inject
    MessagingMetrics metrics;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private double counted(String tag) {
        Counter counter = registry.find(COUNTED).tag("case", tag).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldServeTheMessagingGaugesInPrometheusFormat() {
        metrics.refresh();

        assertThat(scrape())
                .contains("dna_outbox_pending ")
                .contains("dna_outbox_oldest_pending_age_seconds ")
                .contains("dna_outbox_parked ")
                .contains("dna_consumers_retrying ")
                .contains("dna_broker_unreachable ");
    }

    @Test
    void shouldSayWhetherTheRelayReachesTheBroker() {
        // Other tests of this module take the broker away from the relay on purpose; the gauge follows the relay.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                registry.get("dna.broker.unreachable").gauge().value())
                        .isEqualTo(relay.brokerUnreachableSince().isPresent() ? 1.0 : 0.0));
    }

    @Test
    void shouldShowHowLongTheOldestEventHasWaited() {
        String key = "metrics-" + UUID.randomUUID();
        // Held behind a parked row of its key, so it waits for as long as the test looks.
        OutboxRows.parked(em, key, 0, 3);
        long waiting = OutboxRows.pending(em, key, 1);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update outbox_event set occurred_at = now() - interval '2 hours' where position = ?1")
                        .setParameter(1, waiting)
                        .executeUpdate());

        metrics.refresh();

        assertThat(registry.get("dna.outbox.oldest.pending.age").gauge().value())
                .isGreaterThanOrEqualTo(7200);
        assertThat(registry.get("dna.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldCountWhatCommittedAndNotWhatRolledBack() {
        String kept = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        QuarkusTransaction.requiringNew().run(() -> counting.afterCommit(COUNTED, "test", "case", kept));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    counting.afterCommit(COUNTED, "test", "case", rolledBack);
                    throw new IllegalStateException("rolled back");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(counted(kept)).isEqualTo(1.0);
        assertThat(counted(rolledBack)).isZero();
    }

    @Test
    void shouldCountAtOnceOutsideATransaction() {
        String tag = UUID.randomUUID().toString();

        counting.afterCommit(COUNTED, "test", "case", tag);

        assertThat(counted(tag)).isEqualTo(1.0);
        assertThat(scrape()).contains("dna_test_counted_total{case=\"" + tag + "\"} 1.0");
    }

    @Test
    void shouldServeHttpServerMetrics() {
        given().get("/api/v1/nothing-here").then().statusCode(404);

        assertThat(scrape()).contains("http_server_requests_seconds_count");
    }
}
