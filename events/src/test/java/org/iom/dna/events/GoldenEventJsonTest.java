package org.iom.dna.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden files are the wire contract other teams code against: each must read into its record
 * and write back to the same JSON. A renamed or retyped field breaks this test, which is the point:
 * such a change needs a new event version.
 */
class GoldenEventJsonTest {

    // Configured like the services' ObjectMapper (Quarkus writes ISO-8601 dates, not timestamps).
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("SamplingRequestReceivedV1.json", SamplingRequestReceivedV1.class),
                Arguments.of("SlotOpenedV1.json", SlotOpenedV1.class),
                Arguments.of("AppointmentBookedV1.json", AppointmentBookedV1.class),
                Arguments.of("SamplingRequestAmendedV1.json", SamplingRequestAmendedV1.class),
                Arguments.of("SamplingRequestCancelledV1.json", SamplingRequestCancelledV1.class),
                Arguments.of("FamilyWaitlistedV1.json", FamilyWaitlistedV1.class),
                Arguments.of("AttendanceRecordedV1.json", AttendanceRecordedV1.class),
                Arguments.of("ContactAttemptRecordedV1.json", ContactAttemptRecordedV1.class),
                Arguments.of("MemberUnreachableV1.json", MemberUnreachableV1.class),
                Arguments.of("AppointmentCancelledV1.json", AppointmentCancelledV1.class),
                Arguments.of("SlotChangedV1.json", SlotChangedV1.class),
                Arguments.of("SlotWithdrawnV1.json", SlotWithdrawnV1.class),
                Arguments.of("CentreChangedV1.json", CentreChangedV1.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void shouldRoundTripGoldenFile(String file, Class<?> type) throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
            golden = JSON.readTree(in);
        }
        Object event = JSON.treeToValue(golden, type);
        assertEquals(golden, JSON.valueToTree(event));
    }
}
