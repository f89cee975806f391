package org.iom.dna.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A closure covers its first and last day and every day between, inclusive. */
class ClosureTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 3, 10);
    private static final LocalDate LAST = LocalDate.of(2027, 3, 11);

    private static Closure eid() {
        Closure c = new Closure();
        c.country = "SD";
        c.firstDay = FIRST;
        c.lastDay = LAST;
        c.reason = "PUBLIC_HOLIDAY";
        return c;
    }

    @Test
    void shouldCoverItsFirstDay() {
        assertThat(eid().covers(FIRST)).isTrue();
    }

    @Test
    void shouldCoverItsLastDay() {
        assertThat(eid().covers(LAST)).isTrue();
    }

    @Test
    void shouldNotCoverTheDayBefore() {
        assertThat(eid().covers(FIRST.minusDays(1))).isFalse();
    }

    @Test
    void shouldNotCoverTheDayAfter() {
        assertThat(eid().covers(LAST.plusDays(1))).isFalse();
    }
}
