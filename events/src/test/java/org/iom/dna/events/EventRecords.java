package org.iom.dna.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every event record of the contract, found on the classpath (a record with a {@code TYPE} constant), so a
 * new event cannot be added without its golden file and the checks that go with it.
 */
final class EventRecords {

    /** Configured like the services' ObjectMapper: ISO-8601 dates, strict about unknown fields in requests. */
    static final ObjectMapper STRICT = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** How platform's inbox reads events: a producer may add fields before every consumer knows them. */
    static final ObjectMapper TOLERANT = STRICT.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventRecords() {}

    /** The top-level event records, by simple name. */
    static List<Class<?>> all() {
        URL anchor = Topics.class.getResource("Topics.class");
        File directory;
        try {
            directory = new File(Objects.requireNonNull(anchor).toURI()).getParentFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(Objects.requireNonNull(directory.list()))
                .filter(name -> name.endsWith(".class") && !name.contains("$"))
                .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length())))
                .filter(Class::isRecord)
                .filter(EventRecords::hasType)
                .sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()))
                .toList();
    }

    static String type(Class<?> event) {
        try {
            return (String) event.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(event + " has no TYPE", e);
        }
    }

    static JsonNode golden(Class<?> event) {
        try (InputStream in = EventRecords.class.getResourceAsStream("/golden/" + event.getSimpleName() + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no golden file for " + event.getSimpleName());
            }
            return STRICT.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasType(Class<?> type) {
        try {
            return type.getField("TYPE").getType() == String.class;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName(Topics.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
