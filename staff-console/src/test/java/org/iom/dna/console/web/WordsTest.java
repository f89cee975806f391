package org.iom.dna.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    private static Properties catalogue(String suffix) throws IOException {
        Properties words = new Properties();
        try (InputStream in = WordsTest.class.getResourceAsStream("/messages/console" + suffix + ".properties")) {
            assertThat(in).as("catalogue console%s", suffix).isNotNull();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fa", "am", "tr", "fr"})
    void shouldSayEverythingInEachStaffLanguageWithTheSamePlaceholders(String language) throws IOException {
        Properties english = catalogue("");
        Properties translated = catalogue("_" + language);
        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(translated.getProperty(key)))
                    .as("%s in %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(key)));
            assertThat(translated.getProperty(key))
                    .as("%s in %s", key, language)
                    .isNotBlank();
        }
    }

    @Test
    void shouldOfferTheSixStaffLanguagesWithArabicAndPersianRightToLeft() {
        assertThat(Words.LANGUAGES)
                .extracting(Words.Language::code)
                .containsExactly("en", "fr", "ar", "fa", "am", "tr");
        assertThat(Words.LANGUAGES)
                .filteredOn(Words.Language::rightToLeft)
                .extracting(Words.Language::code)
                .containsExactly("ar", "fa");
        assertThat(Words.supported(" AR ")).map(Words.Language::code).contains("ar");
        assertThat(Words.supported("de")).isEmpty();
    }

    @Test
    void shouldFillInPlaceholdersLiterallyAndNameUnknownCodesAsTheyAre() {
        Words french = new Words(Words.supported("fr").orElseThrow());
        assertThat(french.t("day_closed", 6, 2, 1))
                .contains("6")
                .contains("2")
                .contains("1")
                .doesNotContain("{");
        assertThat(french.label("att_", "SAMPLED"))
                .isEqualTo(french.t("att_SAMPLED"))
                .isNotEqualTo("SAMPLED");
        assertThat(french.label("att_", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(french.date(LocalDate.of(2026, 11, 30))).contains("novembre").contains("2026");
    }

    @Test
    void shouldWriteDatesInAmharicAndArabicAsTheirReadersDo() {
        Words amharic = new Words(Words.supported("am").orElseThrow());
        Words arabic = new Words(Words.supported("ar").orElseThrow());
        assertThat(amharic.date(LocalDate.of(2026, 11, 30))).contains("ኖቬምበር");
        assertThat(arabic.date(LocalDate.of(2026, 11, 30))).contains("نوفمبر");
    }
}
