package org.iom.dna.console.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What every template may call as {@code {m:...}}: the words in the staff member's language, dates, and who is
 * signed in. Thin: the request's {@link Words} and {@link Staff} do the work.
 */
@TemplateExtension(namespace = "m")
public final class Page {

    private Page() {}

    private static Words words() {
        return Arc.container().instance(Words.class).get();
    }

    static String t(String key) {
        return words().t(key);
    }

    static String t(String key, Object first) {
        return words().t(key, first);
    }

    static String t(String key, Object first, Object second) {
        return words().t(key, first, second);
    }

    static String t(String key, Object first, Object second, Object third) {
        return words().t(key, first, second, third);
    }

    static String label(String prefix, String code) {
        return words().label(prefix, code);
    }

    static String date(LocalDate date) {
        return words().date(date);
    }

    static String shortDate(LocalDate date) {
        return words().shortDate(date);
    }

    static String time(LocalTime time) {
        return words().time(time);
    }

    static String moment(Instant at, String zone) {
        return words().moment(at, zone);
    }

    /**
     * Where the language menu sends the user: this page, or home when the page answered a form (whose address
     * takes no GET).
     */
    static String here() {
        var current = Arc.container()
                .instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class)
                .get();
        if (current.getCurrent() == null
                || !"GET".equals(current.getCurrent().request().method().name())) {
            return "/";
        }
        return current.getCurrent().request().path();
    }

    static String lang() {
        return words().language().code();
    }

    /** {@code rtl} for Arabic and Persian. */
    static String dir() {
        return words().language().rightToLeft() ? "rtl" : "ltr";
    }

    /** The language menu, the current language selected. */
    static List<LanguageChoice> languages() {
        String current = lang();
        return Words.LANGUAGES.stream()
                .map(l -> new LanguageChoice(l.code(), l.name(), l.code().equals(current)))
                .toList();
    }

    static String signedInAs() {
        return t("signed_in_as", staff().name());
    }

    public record LanguageChoice(String code, String name, boolean selected) {}

    /** The reasons a closure may have, as the registry knows them. */
    static List<String> closureReasons() {
        return List.of("PUBLIC_HOLIDAY", "SECURITY", "OTHER");
    }

    static Staff staff() {
        return Arc.container().instance(Staff.class).get();
    }
}
