package org.iom.dna.intake.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A city name reduced to what different spellings of one city share, so that the city the IND gives for a
 * member can be compared with the city the registry gives for a centre: "Addis Ababa", " addis-ababa " and
 * "ADDİS ABABA" all become {@code addisababa}.
 */
public final class CityName {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NEITHER_LETTER_NOR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private CityName() {}

    /**
     * Decomposes (NFKD) and drops the combining marks, so accents and the Turkish dotted capital I do not
     * matter; lower-cases without the default locale's rules (a Turkish one would turn "I" into a dotless ı) and
     * reads a dotless ı as i; keeps letters and digits only, so spaces, hyphens, apostrophes and dots do not
     * matter either.
     *
     * @return the key, or {@code null} for no city or one without a single letter or digit
     */
    public static String key(String city) {
        if (city == null) {
            return null;
        }
        String unmarked =
                MARKS.matcher(Normalizer.normalize(city, Normalizer.Form.NFKD)).replaceAll("");
        // Turkish dotless ı has no decomposition: without this "Diyarbakır" and "DIYARBAKIR" would differ.
        String lower = unmarked.toLowerCase(Locale.ROOT).replace('ı', 'i');
        String key = NEITHER_LETTER_NOR_DIGIT.matcher(lower).replaceAll("");
        return key.isEmpty() ? null : key;
    }
}
