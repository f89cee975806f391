package org.iom.dna.intake.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A birth date known to the year, the month or the day (ISO 8601 reduced precision, as FHIR's
 * {@code date} type). Many family members have only a year of birth on record.
 */
public record PartialDate(int year, Integer month, Integer day) {

    public static final String PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

    /** @throws IllegalArgumentException if the text is not a real date of that precision */
    public static PartialDate parse(String text) {
        try {
            return switch (text.length()) {
                case 4 -> new PartialDate(Year.parse(text).getValue(), null, null);
                case 7 -> {
                    YearMonth ym = YearMonth.parse(text);
                    yield new PartialDate(ym.getYear(), ym.getMonthValue(), null);
                }
                case 10 -> {
                    LocalDate d = LocalDate.parse(text);
                    yield new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
                }
                default -> throw new IllegalArgumentException("not YYYY, YYYY-MM or YYYY-MM-DD");
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a calendar date", e);
        }
    }

    /** The latest day the person can have been born on. */
    public LocalDate latestPossible() {
        if (day != null) {
            return LocalDate.of(year, month, day);
        }
        if (month != null) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        return LocalDate.of(year, 12, 31);
    }

    public LocalDate earliestPossible() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /**
     * The youngest age the person can be on a date. Erring young is the safe side: someone who
     * may be a minor is scheduled and consented for as one.
     */
    public int minimumAgeOn(LocalDate date) {
        LocalDate born = latestPossible();
        return born.isAfter(date) ? 0 : Period.between(born, date).getYears();
    }
}
