package org.iom.dna.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language has every message, with the same placeholders as English (a missing one would silently fall back
 * to English, a wrong one would show a family a blank), and says that a native speaker still has to review it.
 */
class CataloguesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static Stream<String> languages() {
        return Language.SUPPORTED.stream().map(Language::tag);
    }

    static Stream<String> translations() {
        return languages().filter(tag -> !tag.equals("en"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldHaveAMessageForEveryKey(String language) throws IOException {
        Set<String> keys = Arrays.stream(FamilyMessages.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(catalogue(language).stringPropertyNames())).isEqualTo(keys);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void shouldKeepEveryPlaceholderOfTheEnglishMessage(String language) throws IOException {
        Properties english = catalogue("en");
        Properties translated = catalogue(language);

        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(translated.getProperty(key)))
                    .as("%s in %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldHaveNoEmptyMessage(String language) throws IOException {
        Properties catalogue = catalogue(language);

        assertThat(catalogue.stringPropertyNames())
                .allSatisfy(
                        key -> assertThat(catalogue.getProperty(key)).as(key).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("translations")
    void shouldBeMarkedForReviewByANativeSpeaker(String language) throws IOException {
        assertThat(text(language)).contains("# Status: draft translation, to be reviewed by a native speaker");
    }

    private static Set<String> placeholders(String message) {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties catalogue(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource(language)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String text(String language) throws IOException {
        try (InputStream in = resource(language)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String language) {
        InputStream in = CataloguesTest.class.getResourceAsStream("/messages/msg_" + language + ".properties");
        assertThat(in).as("messages/msg_%s.properties", language).isNotNull();
        return in;
    }
}
