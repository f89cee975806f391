package org.iom.dna.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** A weekly rule applies on its weekday between its first and (inclusive) last valid day. */
class AvailabilityTemplateTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    private static AvailabilityTemplate mondays(LocalDate validFrom, LocalDate validTo) {
        AvailabilityTemplate t = new AvailabilityTemplate();
        t.centreCode = "ET-ADD";
        t.dayOfWeek = (short) DayOfWeek.MONDAY.getValue();
        t.starts = LocalTime.of(8, 30);
        t.ends = LocalTime.of(12, 0);
        t.slotMinutes = 30;
        t.capacity = 2;
        t.validFrom = validFrom;
        t.validTo = validTo;
        return t;
    }

    @Test
    void shouldNameItsWeekdayByIsoNumber() {
        AvailabilityTemplate sunday = mondays(MONDAY, null);
        sunday.dayOfWeek = 7;

        assertThat(sunday.weekday()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void shouldApplyOnItsWeekdayWhenOpenEnded() {
        assertThat(mondays(MONDAY, null).appliesOn(MONDAY.plusWeeks(52))).isTrue();
    }

    @Test
    void shouldNotApplyOnAnotherWeekday() {
        assertThat(mondays(MONDAY, null).appliesOn(MONDAY.plusDays(1))).isFalse();
    }

    @Test
    void shouldApplyFromItsFirstValidDay() {
        assertThat(mondays(MONDAY, null).appliesOn(MONDAY)).isTrue();
    }

    @Test
    void shouldNotApplyBeforeItsFirstValidDay() {
        assertThat(mondays(MONDAY, null).appliesOn(MONDAY.minusWeeks(1))).isFalse();
    }

    @Test
    void shouldApplyOnItsLastValidDay() {
        assertThat(mondays(MONDAY, MONDAY.plusWeeks(1)).appliesOn(MONDAY.plusWeeks(1)))
                .isTrue();
    }

    @Test
    void shouldNotApplyAfterItsLastValidDay() {
        assertThat(mondays(MONDAY, MONDAY.plusWeeks(1)).appliesOn(MONDAY.plusWeeks(2)))
                .isFalse();
    }
}
