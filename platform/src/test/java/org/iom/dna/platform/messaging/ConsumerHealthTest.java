package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What readiness tells an operator about consumers held up by an outage. */
class ConsumerHealthTest {

    private static final String SLOTS = "scheduling.slots";
    private static final String REQUESTS = "scheduling.sampling-requests";
    private static final String RECORD = "registry.slots.v1-3@1041";

    private final ConsumerHealth health = new ConsumerHealth();

    @Test
    void shouldShowNoConsumerWhenNoneIsRetrying() {
        assertThat(health.retrying()).isEmpty();
    }

    @Test
    void shouldShowWhichRecordAConsumerIsRetryingAndWhy() {
        health.retrying(SLOTS, RECORD, 3, new SQLTransientConnectionException("database away"));

        ConsumerHealth.Retrying retrying = health.retrying().get(SLOTS);
        assertThat(retrying.record()).isEqualTo(RECORD);
        assertThat(retrying.attempts()).isEqualTo(3);
        assertThat(retrying.failure()).isEqualTo("SQLTransientConnectionException");
    }

    @Test
    void shouldNameTheFailureByItsTypeOnlyWhenItsMessageMayHoldData() {
        health.retrying(SLOTS, RECORD, 1, new IllegalStateException("member P-100231 Selam Tesfay"));

        assertThat(health.retrying().get(SLOTS).failure()).isEqualTo("IllegalStateException");
    }

    @Test
    void shouldKeepTheStartOfTheOutageWhileTheSameRecordIsRetried() {
        health.retrying(SLOTS, RECORD, 1, new IllegalStateException());
        ConsumerHealth.Retrying first = health.retrying().get(SLOTS);

        health.retrying(SLOTS, RECORD, 2, new IllegalStateException());

        ConsumerHealth.Retrying second = health.retrying().get(SLOTS);
        assertThat(second.since()).isEqualTo(first.since());
        assertThat(second.attempts()).isEqualTo(2);
    }

    @Test
    void shouldShowTheNewRecordWhenTheConsumerMovesOnToAnother() {
        health.retrying(SLOTS, RECORD, 5, new IllegalStateException());

        health.retrying(SLOTS, "registry.slots.v1-3@1042", 1, new IllegalStateException());

        assertThat(health.retrying().get(SLOTS).record()).isEqualTo("registry.slots.v1-3@1042");
        assertThat(health.retrying().get(SLOTS).attempts()).isEqualTo(1);
    }

    @Test
    void shouldForgetAConsumerWhenItRecovers() {
        health.retrying(SLOTS, RECORD, 1, new IllegalStateException());
        health.retrying(REQUESTS, "intake.sampling-requests.v1-0@7", 1, new IllegalStateException());

        health.recovered(SLOTS);

        assertThat(health.retrying()).containsOnlyKeys(REQUESTS);
    }

    @Test
    void shouldListRetryingConsumersByName() {
        health.retrying(SLOTS, RECORD, 1, new IllegalStateException());
        health.retrying(REQUESTS, "intake.sampling-requests.v1-0@7", 1, new IllegalStateException());

        assertThat(health.retrying().keySet()).containsExactly(REQUESTS, SLOTS);
    }

    @Test
    void shouldHandOutASnapshotThatReadersCannotChange() {
        health.retrying(SLOTS, RECORD, 1, new IllegalStateException());

        Map<String, ConsumerHealth.Retrying> snapshot = health.retrying();
        snapshot.clear();

        assertThat(health.retrying()).containsOnlyKeys(SLOTS);
    }
}
