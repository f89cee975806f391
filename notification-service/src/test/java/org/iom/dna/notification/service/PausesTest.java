package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Retries back off: each pause about doubles, never passes the cap, and is jittered so retries spread out. */
class PausesTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @RepeatedTest(20)
    void shouldWaitBetweenHalfAndAllOfTheDoubledPause() {
        for (int tries = 1; tries <= 8; tries++) {
            Duration ceiling = INITIAL.multipliedBy(1L << (tries - 1));

            assertThat(Pauses.after(tries, INITIAL, MAX)).isBetween(ceiling.dividedBy(2), ceiling);
        }
    }

    @RepeatedTest(20)
    void shouldNeverWaitLongerThanTheCap() {
        assertThat(Pauses.after(12, INITIAL, MAX)).isBetween(MAX.dividedBy(2), MAX);
        assertThat(Pauses.after(1000, INITIAL, MAX)).isBetween(MAX.dividedBy(2), MAX);
    }

    @Test
    void shouldSpreadTheRetriesOfManyMessages() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Pauses.after(5, INITIAL, MAX))
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(40);
    }
}
