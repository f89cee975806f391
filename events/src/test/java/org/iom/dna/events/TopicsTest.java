package org.iom.dna.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Topic names are part of the contract: a consumer subscribes by name, and the broker does not create
 * topics by itself, so each one must be in the list the local stack creates.
 */
class TopicsTest {

    @Test
    void shouldKeepTheCataloguesTopicNames() {
        assertEquals("intake.sampling-requests.v1", Topics.SAMPLING_REQUESTS);
        assertEquals("registry.slots.v1", Topics.SLOTS);
        assertEquals("scheduling.appointments.v1", Topics.APPOINTMENTS);
        assertEquals("notification.deliveries.v1", Topics.DELIVERIES);
    }

    @Test
    void shouldNameEveryTopicByServiceAggregateAndVersion() {
        for (String topic : topics()) {
            assertTrue(topic.matches("[a-z]+\\.[a-z-]+\\.v\\d+"), topic);
        }
    }

    @Test
    void shouldGiveEachServiceOneTopic() {
        List<String> producers = topics().stream()
                .map(topic -> topic.substring(0, topic.indexOf('.')))
                .toList();

        assertEquals(producers.size(), Set.copyOf(producers).size(), producers.toString());
    }

    @Test
    void shouldHaveEveryTopicCreatedByTheLocalStackWithItsTestTwin() throws IOException {
        Path list = Path.of("..", "deploy", "local", "topics.txt");
        Set<String> created = Files.readAllLines(list).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0])
                .collect(Collectors.toSet());

        for (String topic : topics()) {
            assertTrue(created.contains(topic), topic + " is not in " + list);
            assertTrue(created.contains("test." + topic), "test." + topic + " is not in " + list);
        }
    }

    /** The topic names Topics declares. */
    private static List<String> topics() {
        return Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(TopicsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
