package org.iom.dna.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** One open weekday of a centre, identified by centre and ISO weekday. */
class OpeningHoursTest {

    private static OpeningHours.Key key(String centre, DayOfWeek day) {
        OpeningHours.Key key = new OpeningHours.Key();
        key.centreCode = centre;
        key.dayOfWeek = (short) day.getValue();
        return key;
    }

    @Test
    void shouldReadIsoSevenAsSunday() {
        OpeningHours hours = new OpeningHours();
        hours.key = key("SD-KRT", DayOfWeek.SUNDAY);

        assertThat(hours.dayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void shouldIdentifyTheSameCentreAndWeekdayAsOneDay() {
        assertThat(key("IR-THR", DayOfWeek.SATURDAY))
                .isEqualTo(key("IR-THR", DayOfWeek.SATURDAY))
                .hasSameHashCodeAs(key("IR-THR", DayOfWeek.SATURDAY));
    }

    @Test
    void shouldTellTwoWeekdaysOfOneCentreApart() {
        assertThat(key("IR-THR", DayOfWeek.SATURDAY)).isNotEqualTo(key("IR-THR", DayOfWeek.SUNDAY));
    }

    @Test
    void shouldTellTheSameWeekdayOfTwoCentresApart() {
        assertThat(key("IR-THR", DayOfWeek.SATURDAY)).isNotEqualTo(key("ET-ADD", DayOfWeek.SATURDAY));
    }
}
