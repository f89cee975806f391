package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a service waits between attempts while a dependency is away, and when it stops waiting. */
class OutageBackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(10);

    private final OutageBackoff backoff = new OutageBackoff(TestConfig.inbox(INITIAL, MAX));
    private final RuntimeException outage =
            new IllegalStateException(new SQLTransientConnectionException("database away", "08006"));

    @Test
    void shouldWaitTheInitialBackoffAfterTheFirstFailure() {
        assertThat(backoff.delay(1)).isEqualTo(INITIAL);
    }

    @Test
    void shouldDoubleThePauseAfterEachFurtherFailure() {
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMillis(6400));
    }

    @Test
    void shouldNeverWaitLongerThanTheCap() {
        assertThat(backoff.delay(7)).isEqualTo(MAX);
        assertThat(backoff.delay(20)).isEqualTo(MAX);
    }

    @Test
    void shouldStayAtTheCapWhenAnOutageLastsForThousandsOfAttempts() {
        // Shifting the initial pause by the attempt number would overflow: the pause must not wrap to 0.
        assertThat(backoff.delay(30)).isEqualTo(MAX);
        assertThat(backoff.delay(31)).isEqualTo(MAX);
        assertThat(backoff.delay(64)).isEqualTo(MAX);
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void shouldStopWaitingWithTheFailureWhenTheServiceStops() {
        backoff.stopping(null);

        assertThatThrownBy(() -> backoff.pause(1, outage)).isSameAs(outage);
    }

    @Test
    void shouldStopWaitingAndKeepTheInterruptWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> backoff.pause(1, outage)).isSameAs(outage);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
