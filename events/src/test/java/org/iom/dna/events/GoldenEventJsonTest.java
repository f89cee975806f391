package org.iom.dna.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden files are the wire contract other teams code against: each must read into its record and
 * write back to the same JSON. A renamed or retyped field breaks this test, which is the point: such a
 * change needs a new event version.
 */
class GoldenEventJsonTest {

    static List<Class<?>> events() {
        return EventRecords.all();
    }

    @Test
    void shouldFindEveryEventOfTheCatalogue() {
        Set<String> found = events().stream().map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(found)
                .contains(
                        "SamplingRequestReceivedV1",
                        "SamplingRequestAmendedV1",
                        "SamplingRequestCancelledV1",
                        "SlotOpenedV1",
                        "SlotChangedV1",
                        "SlotWithdrawnV1",
                        "CentreChangedV1",
                        "AppointmentBookedV1",
                        "AppointmentConfirmedV1",
                        "AppointmentCancelledV1",
                        "FamilyWaitlistedV1",
                        "AttendanceRecordedV1",
                        "ContactAttemptRecordedV1",
                        "MemberUnreachableV1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldWriteBackTheGoldenFileItReads(Class<?> event) throws IOException {
        JsonNode golden = EventRecords.golden(event);

        Object read = EventRecords.STRICT.treeToValue(golden, event);
        JsonNode written = EventRecords.STRICT.valueToTree(read);

        assertThat(written).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldReadBackEqualWhatItWrites(Class<?> event) throws IOException {
        Object original = EventRecords.STRICT.treeToValue(EventRecords.golden(event), event);

        String written = EventRecords.STRICT.writeValueAsString(original);

        Object readBack = EventRecords.STRICT.readValue(written, event);

        assertThat(readBack).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldWriteExactlyTheRecordsFieldNames(Class<?> event) throws IOException {
        Object read = EventRecords.STRICT.treeToValue(EventRecords.golden(event), event);

        Set<String> written = fieldNames(EventRecords.STRICT.valueToTree(read));

        assertThat(written).containsExactlyInAnyOrderElementsOf(componentNames(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldGiveEveryFieldAValueInTheGoldenFile(Class<?> event) {
        // A golden file that leaves a field out would not pin its name or its type.
        assertThat(fieldNames(EventRecords.golden(event))).containsExactlyInAnyOrderElementsOf(componentNames(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldTolerateAFieldANewerProducerAddedWhenReading(Class<?> event) throws IOException {
        JsonNode golden = EventRecords.golden(event);
        ObjectNode newer = golden.deepCopy();
        newer.put("addedInALaterMinorVersion", "anything");
        addToEveryNestedObject(newer, "alsoAddedLater");

        Object read = EventRecords.TOLERANT.treeToValue(newer, event);

        assertThat(read).isEqualTo(EventRecords.STRICT.treeToValue(golden, event));
    }

    @Test
    void shouldRefuseAnUnknownFieldWhenReadingStrictly() {
        ObjectNode golden = EventRecords.golden(SlotOpenedV1.class).deepCopy();
        golden.put("unknown", true);

        assertThatThrownBy(() -> EventRecords.STRICT.treeToValue(golden, SlotOpenedV1.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void shouldWriteDatesAndTimesAsIsoText() throws IOException {
        SlotOpenedV1 slot =
                EventRecords.STRICT.treeToValue(EventRecords.golden(SlotOpenedV1.class), SlotOpenedV1.class);

        JsonNode written = EventRecords.STRICT.valueToTree(slot);

        assertThat(written.get("localDate").asText()).isEqualTo("2026-12-05");
        assertThat(written.get("localStart").asText()).isEqualTo("08:30:00");
        assertThat(written.get("startsAt").asText()).isEqualTo("2026-12-05T05:00:00Z");
    }

    @Test
    void shouldWriteAPriorityByItsName() throws IOException {
        SamplingRequestReceivedV1 received = EventRecords.STRICT.treeToValue(
                EventRecords.golden(SamplingRequestReceivedV1.class), SamplingRequestReceivedV1.class);

        JsonNode written = EventRecords.STRICT.valueToTree(received);

        assertThat(written.get("priority").asText())
                .isEqualTo(received.priority().name());
    }

    @Test
    void shouldKeepTheMembersInTheOrderTheIndListedThem() throws IOException {
        SamplingRequestReceivedV1 received = EventRecords.STRICT.treeToValue(
                EventRecords.golden(SamplingRequestReceivedV1.class), SamplingRequestReceivedV1.class);

        assertThat(received.members())
                .extracting(SamplingRequestReceivedV1.Member::memberRef)
                .containsExactly("P-100231", "P-100232");
    }

    @Test
    void shouldWriteAMissingPreferredCentreAsNull() throws IOException {
        SamplingRequestReceivedV1 received = EventRecords.STRICT.treeToValue(
                EventRecords.golden(SamplingRequestReceivedV1.class), SamplingRequestReceivedV1.class);
        SamplingRequestReceivedV1 anywhere = new SamplingRequestReceivedV1(
                received.requestId(),
                received.country(),
                received.adHocLocation(),
                null,
                received.priority(),
                received.deadline(),
                received.receivedAt(),
                received.members());

        JsonNode written = EventRecords.STRICT.valueToTree(anywhere);

        assertThat(written.has("preferredCentre"))
                .as("preferredCentre is written")
                .isTrue();
        assertThat(written.get("preferredCentre").isNull())
                .as("preferredCentre is null")
                .isTrue();
        assertThat(written.get("members")).as("members").isNotEmpty();
    }

    /** Field names at every depth, as "members[].memberRef" for fields of objects in arrays. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collect(node, "", names);
        return names;
    }

    private static void collect(JsonNode node, String prefix, Set<String> names) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", names);
            }
        } else if (node.isObject()) {
            Iterator<String> fields = node.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                String name = prefix.isEmpty() ? field : prefix + "." + field;
                names.add(name);
                collect(node.get(field), name, names);
            }
        }
    }

    /** The record's component names at every depth, named like {@link #fieldNames}. */
    private static Set<String> componentNames(Class<?> record) {
        Set<String> names = new TreeSet<>();
        components(record, "", names);
        return names;
    }

    private static void components(Class<?> record, String prefix, Set<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            names.add(name);
            Class<?> nested = nestedRecord(component);
            if (nested != null) {
                components(nested, component.getType() == List.class ? name + "[]" : name, names);
            }
        }
    }

    private static Class<?> nestedRecord(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        if (component.getType() == List.class
                && component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return element;
        }
        return null;
    }

    private static void addToEveryNestedObject(JsonNode node, String field) {
        List<JsonNode> children = new ArrayList<>();
        node.elements().forEachRemaining(children::add);
        for (JsonNode child : children) {
            if (child.isObject()) {
                ((ObjectNode) child).put(field, 1);
            }
            if (child.isArray()) {
                for (JsonNode element : (ArrayNode) child) {
                    if (element.isObject()) {
                        ((ObjectNode) element).put(field, 1);
                    }
                }
            }
            addToEveryNestedObject(child, field);
        }
    }

    @Test
    void shouldReadABookingWithoutTheTentativeFieldAsConfirmed() throws IOException {
        // Bookings published before tentative ones existed were all confirmed; a replay must not hide them.
        JsonNode older = EventRecords.golden(AppointmentBookedV1.class).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) older).remove("tentative");

        AppointmentBookedV1 read = EventRecords.TOLERANT.treeToValue(older, AppointmentBookedV1.class);

        assertThat(read.tentative()).isFalse();
    }
}
