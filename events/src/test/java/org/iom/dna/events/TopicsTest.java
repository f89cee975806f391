package org.iom.dna.events;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Topics.SAMPLING_REQUESTS).isEqualTo("intake.sampling-requests.v1");
        assertThat(Topics.SLOTS).isEqualTo("registry.slots.v1");
        assertThat(Topics.APPOINTMENTS).isEqualTo("scheduling.appointments.v1");
        assertThat(Topics.DELIVERIES).isEqualTo("notification.deliveries.v1");
    }

    @Test
    void shouldNameEveryTopicByServiceAggregateAndVersion() {
        assertThat(topics()).allSatisfy(topic -> assertThat(topic).matches("[a-z]+\\.[a-z-]+\\.v\\d+"));
    }

    @Test
    void shouldGiveEachServiceOneTopic() {
        List<String> producers = topics().stream()
                .map(topic -> topic.substring(0, topic.indexOf('.')))
                .toList();

        assertThat(producers).doesNotHaveDuplicates();
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
            assertThat(created).as("topics created by %s", list).contains(topic, "test." + topic);
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
