package org.iom.dna.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every page's forms must have, read from the templates themselves. */
class FormsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern POST_FORM =
            Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("<(input|select)\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void shouldCarryTheCsrfTokenInEveryFormThatChangesSomething() throws IOException {
        int forms = 0;
        for (Path template : templates()) {
            Matcher form = POST_FORM.matcher(Files.readString(template));
            while (form.find()) {
                forms++;
                assertThat(form.group(1)).as("a form in %s", template).contains("{#csrf /}");
            }
        }
        assertThat(forms).as("forms that post").isGreaterThanOrEqualTo(10);
    }

    @Test
    void shouldLabelEveryVisibleControl() throws IOException {
        for (Path template : templates()) {
            String page = Files.readString(template);
            Matcher control = CONTROL.matcher(page);
            while (control.find()) {
                if (control.group(0).contains("type=\"hidden\"")) {
                    continue;
                }
                assertThat(page)
                        .as("a label for #%s in %s", control.group(2), template)
                        .contains("for=\"" + control.group(2) + "\"");
            }
        }
    }
}
