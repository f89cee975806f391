package org.iom.dna.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What holds for every event: a CloudEvents type consumers switch on, named after the producing service
 * and the record; a topic that carries it; and no personal data, only references and scheduling facts.
 */
class EventCatalogueTest {

    private static final Pattern TYPE = Pattern.compile("org\\.iom\\.dna\\.([a-z]+)\\.([A-Za-z]+)\\.v(\\d+)");

    /** The topic each producing service writes its events to (docs/architecture.md). */
    private static final Map<String, String> TOPIC_OF_PRODUCER = Map.of(
            "intake", Topics.SAMPLING_REQUESTS,
            "registry", Topics.SLOTS,
            "scheduling", Topics.APPOINTMENTS,
            "notification", Topics.DELIVERIES);

    /** Words of a field that would carry personal data: names of people, addresses, birth dates, notes. */
    private static final Set<String> PERSONAL = Set.of(
            "givenname", "familyname", "phone", "email", "whatsapp", "birth", "address", "comment", "note", "passport");

    static List<Class<?>> events() {
        return EventRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldNameTheTypeAfterTheRecordAndItsVersion(Class<?> event) {
        Matcher type = TYPE.matcher(EventRecords.type(event));

        assertThat(type).as("type %s", EventRecords.type(event)).matches();
        assertThat(type.group(2) + "V" + type.group(3)).isEqualTo(event.getSimpleName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldHaveATopicForTheServiceThatProducesIt(Class<?> event) {
        Matcher type = TYPE.matcher(EventRecords.type(event));
        assertThat(type).as("type %s", EventRecords.type(event)).matches();

        String topic = TOPIC_OF_PRODUCER.get(type.group(1));

        assertThat(topic)
                .as("topic for the producer of %s", EventRecords.type(event))
                .isNotNull()
                .startsWith(type.group(1) + ".");
    }

    @Test
    void shouldGiveEveryEventItsOwnType() {
        List<String> types = events().stream().map(EventRecords::type).toList();

        assertThat(types).doesNotContainNull().doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldCarryNoPersonalData(Class<?> event) {
        List<String> fields = new ArrayList<>();
        fieldsOf(event, "", fields);

        List<String> personal = fields.stream()
                .filter(field -> PERSONAL.stream()
                        .anyMatch(word -> field.toLowerCase(Locale.ROOT).contains(word)))
                .toList();

        assertThat(personal).as("personal fields of %s", event.getSimpleName()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldNameTheAggregateItIsKeyedBy(Class<?> event) {
        // Events are keyed by their aggregate's id (a request id, a centre code): the payload carries it too.
        Set<String> fields = java.util.Arrays.stream(event.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());

        assertThat(fields).as("fields of %s", event.getSimpleName()).containsAnyOf("requestId", "centreCode", "code");
    }

    private static void fieldsOf(Class<?> record, String prefix, List<String> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + component.getName();
            fields.add(name);
            if (component.getType().isRecord()) {
                fieldsOf(component.getType(), name + ".", fields);
            } else if (component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element
                    && element.isRecord()) {
                fieldsOf(element, name + "[].", fields);
            }
        }
    }
}
