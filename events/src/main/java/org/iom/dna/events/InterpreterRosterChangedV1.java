package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * MHAC staff set which interpreters are on duty at their centre on one day, besides the languages the centre's own
 * interpreters always speak ({@link CentreChangedV1#languages()}). The latest roster of a centre-day replaces any
 * earlier one; an empty list means no extra interpreter that day.
 *
 * @param localDate the day in the centre's own zone
 * @param languages BCP 47 tags of the languages spoken by the interpreters on duty that day
 */
public record InterpreterRosterChangedV1(
        String centreCode, String country, LocalDate localDate, List<String> languages, Instant changedAt) {

    public static final String TYPE = "org.iom.dna.registry.InterpreterRosterChanged.v1";
}
