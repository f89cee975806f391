package org.iom.dna.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is what a deployment goes by: it must list every environment variable the
 * services read (in their configuration files, or set by the local suite for them) and nothing they do not read.
 * Runs without the suite.
 */
class ConfigurationTableTest {

    private static final Path REPO = Path.of(System.getProperty("dna.repo.dir", ".."));
    private static final List<String> SERVICES = List.of(
            "intake-service", "scheduling-service", "mhac-registry-service", "notification-service", "staff-console");
    /** {@code ${NAME} } or {@code ${NAME:default}} in a configuration file. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[}:]");
    /** A property key named in a configuration expression, e.g. {@code ${dna.metrics.refresh:15s}}. */
    private static final Pattern KEY_REFERENCE = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)[}:]");
    /**
     * Read through a {@code @ConfigMapping} (platform's MessagingConfig, scheduling's SchedulingConfig), whose keys
     * appear in no file as text.
     */
    private static final Set<String> MAPPED = Set.of(
            "DNA_MESSAGING_OUTBOX_MAX_RECORD_BYTES",
            "DNA_MESSAGING_OUTBOX_RETENTION",
            "DNA_MESSAGING_INBOX_RETENTION",
            // scheduling-service's SchedulingConfig, prefix scheduling
            "SCHEDULING_CONFIRMATION_MARGIN",
            "SCHEDULING_CONFIRMATION_AT_ONCE",
            "SCHEDULING_REPLAN_TIME_LIMIT");

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> configurationFiles() {
        Stream<Path> services =
                SERVICES.stream().map(s -> REPO.resolve(s + "/src/main/resources/application.properties"));
        return Stream.concat(
                        services,
                        Stream.of(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")))
                .toList();
    }

    /** The variables named in the first column of the README's configuration table. */
    private static Set<String> documented() {
        String readme = read(REPO.resolve("README.md"));
        int start = readme.indexOf("## Configuration (production profile)");
        assertTrue(start >= 0, "README has no configuration section");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(line.split("\\|")[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Variables the configuration files read by name. */
    private static Set<String> referenced() {
        Set<String> names = new TreeSet<>();
        for (Path file : configurationFiles()) {
            Matcher m = ENV_REFERENCE.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Variables the local suite sets for the services (deploy/local/lib/services.sh, service_env). */
    private static Set<String> setByTheLocalSuite() {
        String script = read(REPO.resolve("deploy/local/lib/services.sh"));
        int start = script.indexOf("service_env() {");
        String body = script.substring(start, script.indexOf("\n}\n", start));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\"([A-Z][A-Z0-9_]*)=").matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Property keys named in configuration expressions anywhere in the services' and platform's sources. */
    private static Set<String> keysAsVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module :
                Stream.concat(SERVICES.stream(), Stream.of("platform")).toList()) {
            try (Stream<Path> files = Files.walk(REPO.resolve(module + "/src/main"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY_REFERENCE.matcher(read(file));
                    while (m.find()) {
                        names.add(m.group(1).replaceAll("[.-]", "_").toUpperCase());
                    }
                }
            }
        }
        return names;
    }

    @Test
    void shouldDocumentEveryVariableTheServicesRead() {
        Set<String> missing = new TreeSet<>(referenced());
        missing.addAll(setByTheLocalSuite());
        missing.removeAll(documented());

        assertEquals(Set.of(), missing, "read by a service, missing from the README's configuration table");
    }

    @Test
    void shouldDocumentNoVariableThatNothingReads() throws IOException {
        Set<String> read = new TreeSet<>(referenced());
        read.addAll(setByTheLocalSuite());
        read.addAll(keysAsVariables());
        read.addAll(MAPPED);
        Set<String> unread = new TreeSet<>(documented());
        unread.removeAll(read);

        assertTrue(documented().size() > 20, "documented: " + documented());
        assertEquals(Set.of(), unread, "in the README's configuration table, read by no service");
    }
}
