package org.iom.dna.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Birth dates known to the year, the month or the day, and the youngest age they allow. */
class PartialDateTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 6, 15);

    @Test
    void aYearAloneMeansBornOnItsLastDayAtTheLatest() {
        assertEquals(LocalDate.of(2009, 12, 31), PartialDate.parse("2009").latestPossible());
        assertEquals(LocalDate.of(2009, 1, 1), PartialDate.parse("2009").earliestPossible());
    }

    @Test
    void aMonthMeansBornOnItsLastDayAtTheLatestLeapYearsIncluded() {
        assertEquals(LocalDate.of(2008, 2, 29), PartialDate.parse("2008-02").latestPossible());
        assertEquals(LocalDate.of(2009, 2, 28), PartialDate.parse("2009-02").latestPossible());
    }

    @Test
    void someoneWhoMayStillBeSeventeenCountsAsSeventeen() {
        // Born in 2009: 18 on the deadline only if born by 15 June.
        assertEquals(17, PartialDate.parse("2009").minimumAgeOn(DEADLINE));
        assertEquals(18, PartialDate.parse("2009-06").minimumAgeOn(DEADLINE.plusDays(15)));
        assertEquals(18, PartialDate.parse("2009-06-15").minimumAgeOn(DEADLINE));
        assertEquals(17, PartialDate.parse("2009-06-16").minimumAgeOn(DEADLINE));
    }

    @Test
    void someoneBornAfterTheDateIsNoAgeAtAll() {
        assertEquals(0, PartialDate.parse("2028").minimumAgeOn(DEADLINE));
    }

    @Test
    void onlyRealDatesOfOneOfTheThreePrecisionsAreRead() {
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2009-02-30"));
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2009-13"));
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("09"));
    }
}
