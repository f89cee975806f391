package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Short work (a dispatcher's record of what it sent) outlasts a database outage in a transaction of its own. */
@QuarkusTest
class OutageBackoffInTransactionTest {

    @Inject
    OutageBackoff backoff;

    @Inject
    MessagingConfig config;

    @Inject
    EntityManager em;

    @Test
    void shouldRetryWorkWhenItFailsTransientlyUntilItPasses() {
        AtomicInteger calls = new AtomicInteger();

        String result = backoff.inTransaction(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw databaseAway();
            }
            return "recorded";
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(calls).hasValue(4);
    }

    @Test
    void shouldFailAtOnceWhenWorkFailsForAReasonRetryingCannotFix() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bug = new IllegalArgumentException("a bug");

        assertThatThrownBy(() -> backoff.inTransaction(() -> {
                    calls.incrementAndGet();
                    throw bug;
                }))
                .isSameAs(bug);
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldRollBackAFailedAttemptBeforeTheNextOne() {
        String marker = Records.marker();
        AtomicInteger calls = new AtomicInteger();

        backoff.inTransaction(() -> {
            insertEffect(marker);
            if (calls.incrementAndGet() == 1) {
                throw databaseAway();
            }
            return null;
        });

        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldCommitWorkWhenTheCallersTransactionRollsBack() {
        String marker = Records.marker();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    backoff.inTransaction(() -> insertEffect(marker));
                    throw new IllegalStateException("the caller fails afterwards");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldGiveUpWithTheFailureWhenTheServiceStopsDuringAnOutage() {
        OutageBackoff stopping = new OutageBackoff(config);
        stopping.stopping(null);
        AtomicInteger calls = new AtomicInteger();
        RuntimeException outage = databaseAway();

        assertThatThrownBy(() -> stopping.inTransaction(() -> {
                    calls.incrementAndGet();
                    throw outage;
                }))
                .isSameAs(outage);
        assertThat(calls).hasValue(1);
    }

    private int insertEffect(String marker) {
        return em.createNativeQuery("insert into test_effect (marker, applied_at) values (?1, now())")
                .setParameter(1, marker)
                .executeUpdate();
    }

    private static RuntimeException databaseAway() {
        return new IllegalStateException("wrapped", new SQLTransientConnectionException("database away", "08006"));
    }
}
