package org.iom.dna.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Birth dates known to the year, the month or the day, and the youngest age they allow. */
class PartialDateTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 6, 15);

    @Test
    void shouldKeepOnlyTheYearWhenOnlyTheYearIsKnown() {
        assertThat(PartialDate.parse("2009")).isEqualTo(new PartialDate(2009, null, null));
    }

    @Test
    void shouldKeepYearAndMonthWhenTheDayIsUnknown() {
        assertThat(PartialDate.parse("2009-06")).isEqualTo(new PartialDate(2009, 6, null));
    }

    @Test
    void shouldKeepTheWholeDateWhenTheDayIsKnown() {
        assertThat(PartialDate.parse("2009-06-15")).isEqualTo(new PartialDate(2009, 6, 15));
    }

    @Test
    void shouldTakeTheLastDayOfTheYearAsTheLatestBirthDateWhenOnlyTheYearIsKnown() {
        assertThat(PartialDate.parse("2009").latestPossible()).isEqualTo(LocalDate.of(2009, 12, 31));
    }

    @Test
    void shouldTakeTheFirstDayOfTheYearAsTheEarliestBirthDateWhenOnlyTheYearIsKnown() {
        assertThat(PartialDate.parse("2009").earliestPossible()).isEqualTo(LocalDate.of(2009, 1, 1));
    }

    @Test
    void shouldTakeTheLastDayOfAMonthAsTheLatestBirthDateInALeapYear() {
        assertThat(PartialDate.parse("2008-02").latestPossible()).isEqualTo(LocalDate.of(2008, 2, 29));
    }

    @Test
    void shouldTakeTheLastDayOfAMonthAsTheLatestBirthDateInACommonYear() {
        assertThat(PartialDate.parse("2009-02").latestPossible()).isEqualTo(LocalDate.of(2009, 2, 28));
    }

    @Test
    void shouldTakeTheFirstDayOfTheMonthAsTheEarliestBirthDateWhenTheDayIsUnknown() {
        assertThat(PartialDate.parse("2009-02").earliestPossible()).isEqualTo(LocalDate.of(2009, 2, 1));
    }

    @Test
    void shouldUseTheExactDayForBothEndsWhenTheDayIsKnown() {
        PartialDate born = PartialDate.parse("2009-06-15");

        assertThat(born.earliestPossible()).isEqualTo(born.latestPossible()).isEqualTo(LocalDate.of(2009, 6, 15));
    }

    @Test
    void shouldCountSomeoneBornInTheDeadlineYearOnlyByTheYearAsTheYoungestTheyCanBe() {
        // Born in 2009: 18 on 15 June 2027 only if born by 15 June.
        assertThat(PartialDate.parse("2009").minimumAgeOn(DEADLINE)).isEqualTo(17);
    }

    @Test
    void shouldCountAMonthOfBirthAsItsLastDay() {
        assertThat(PartialDate.parse("2009-06").minimumAgeOn(DEADLINE)).isEqualTo(17);
        assertThat(PartialDate.parse("2009-06").minimumAgeOn(LocalDate.of(2027, 6, 30)))
                .isEqualTo(18);
    }

    @Test
    void shouldBeEighteenOnTheEighteenthBirthday() {
        assertThat(PartialDate.parse("2009-06-15").minimumAgeOn(DEADLINE)).isEqualTo(18);
    }

    @Test
    void shouldStillBeSeventeenOnTheDayBeforeTheEighteenthBirthday() {
        assertThat(PartialDate.parse("2009-06-16").minimumAgeOn(DEADLINE)).isEqualTo(17);
    }

    @Test
    void shouldCountSomeoneBornOnALeapDayAsAMinorUntilTheFirstOfMarch() {
        // Erring young: in a common year the eighteenth birthday of someone born on 29 February is 1 March.
        assertThat(PartialDate.parse("2008-02-29").minimumAgeOn(LocalDate.of(2026, 2, 28)))
                .isEqualTo(17);
        assertThat(PartialDate.parse("2008-02-29").minimumAgeOn(LocalDate.of(2026, 3, 1)))
                .isEqualTo(18);
    }

    @Test
    void shouldBeNoAgeAtAllWhenBornAfterTheDate() {
        assertThat(PartialDate.parse("2028").minimumAgeOn(DEADLINE)).isZero();
    }

    @Test
    void shouldBeNoAgeAtAllWhenBornOnTheDate() {
        assertThat(PartialDate.parse("2027-06-15").minimumAgeOn(DEADLINE)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2009-02-30", "2009-02-29", "2009-13", "2009-00", "2009-06-31"})
    void shouldRefuseDatesThatAreNotOnTheCalendar(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a calendar date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09", "2009-6", "2009-06-1", "20090615", ""})
    void shouldRefuseTextOfAnotherPrecision(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2009", "2009-06", "2009-06-15"})
    void shouldMatchTheSubmissionPatternForEveryPrecisionItReads(String text) {
        assertThat(text).matches(PartialDate.PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09", "2009-6", "2009/06/15", "2009-06-15T00:00"})
    void shouldNotMatchTheSubmissionPatternForOtherForms(String text) {
        assertThat(text).doesNotMatch(PartialDate.PATTERN);
    }
}
