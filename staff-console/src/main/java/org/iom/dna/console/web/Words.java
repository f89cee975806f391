package org.iom.dna.console.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The staff member's language for this request, and the words and dates of the pages in it. Chosen by
 * {@code ?lang=} (then kept in a cookie, see {@link LanguageCookie}), else the cookie, else the browser's
 * Accept-Language, else English.
 */
@RequestScoped
public class Words {

    /** The staff languages, each named in itself for the language menu. */
    public static final List<Language> LANGUAGES = List.of(
            new Language("en", "English", false),
            new Language("fr", "Français", false),
            new Language("ar", "العربية", true),
            new Language("fa", "فارسی", true),
            new Language("am", "አማርኛ", false),
            new Language("tr", "Türkçe", false));

    static final String COOKIE = "console-lang";

    private final Language language;
    private final ResourceBundle bundle;

    @Inject
    Words(CurrentVertxRequest current) {
        this(choose(current.getCurrent() == null ? null : current.getCurrent().request()));
    }

    Words(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                "messages.console",
                Locale.forLanguageTag(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public record Language(String code, String name, boolean rightToLeft) {}

    static Optional<Language> supported(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return LANGUAGES.stream().filter(l -> l.code().equals(wanted)).findFirst();
    }

    private static Language choose(HttpServerRequest request) {
        if (request == null) {
            return LANGUAGES.get(0);
        }
        Optional<Language> asked = supported(request.getParam("lang"));
        if (asked.isPresent()) {
            return asked.get();
        }
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && supported(cookie.getValue()).isPresent()) {
            return supported(cookie.getValue()).get();
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    Optional<Language> match = supported(range.getRange().split("-")[0]);
                    if (match.isPresent()) {
                        return match.get();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is ignored: English.
            }
        }
        return LANGUAGES.get(0);
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language.code());
    }

    /** The words of {@code key}, with {0}, {1}, ... filled in (literally: no quoting rules for translators). */
    public String t(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            text = key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The label of a value the services send as a code, such as attendance SAMPLED: {@code att_SAMPLED}. */
    public String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String key = prefix + code;
        String text = t(key);
        return text.equals(key) ? code : text;
    }

    /** A day as people in this language write it, e.g. "Monday 30 November 2026". */
    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(locale())
                        .format(date);
    }

    public String shortDate(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(date);
    }

    public String time(LocalTime time) {
        return time == null
                ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(time);
    }

    /** A moment in the given zone (a centre's), or in UTC, with the zone named. */
    public String moment(Instant at, String zone) {
        if (at == null) {
            return "";
        }
        ZoneId in = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(at.atZone(in))
                + " (" + in.getId() + ")";
    }
}
