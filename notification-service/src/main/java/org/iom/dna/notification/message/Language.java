package org.iom.dna.notification.message;

import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language families are written to in. {@code tag} names the message catalogue ({@code msg_<tag>.properties});
 * {@code formats} is the locale dates, times and zone names are written in (Dari is Persian as written in
 * Afghanistan). Arabic, Persian, Dari and Pashto are written right to left; Amharic and Tigrinya readers also
 * get the date in the Ethiopian calendar, the one they live by.
 */
public record Language(String tag, ULocale formats, boolean rightToLeft, boolean ethiopianCalendar) {

    /** Dates as written in Britain (10 December, 08:30): less ambiguous to readers abroad than the US order. */
    public static final Language ENGLISH = new Language("en", ULocale.forLanguageTag("en-GB"), false, false);

    public static final List<Language> SUPPORTED = List.of(
            ENGLISH,
            new Language("nl", ULocale.forLanguageTag("nl"), false, false),
            new Language("ar", ULocale.forLanguageTag("ar"), true, false),
            new Language("fa", ULocale.forLanguageTag("fa"), true, false),
            new Language("prs", ULocale.forLanguageTag("fa-AF"), true, false),
            new Language("ps", ULocale.forLanguageTag("ps"), true, false),
            new Language("ti", ULocale.forLanguageTag("ti"), false, true),
            new Language("am", ULocale.forLanguageTag("am"), false, true),
            new Language("so", ULocale.forLanguageTag("so"), false, false),
            new Language("tr", ULocale.forLanguageTag("tr"), false, false));

    /**
     * The supported language for a member's BCP 47 tag: an exact match first ({@code prs}), then Dari written as
     * {@code fa-AF}, then the primary language ({@code ar-SD} is Arabic); empty when none is supported.
     */
    public static Optional<Language> of(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(bcp47.trim());
        String language = locale.getLanguage();
        if ("fa".equals(language) && "AF".equals(locale.getCountry())) {
            language = "prs";
        }
        String wanted = language;
        return SUPPORTED.stream().filter(l -> l.tag.equals(wanted)).findFirst();
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}
