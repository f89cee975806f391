package org.iom.dna.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where in a document a mapping failed, as the JSON path a client or an operator reads. */
class JsonPathsTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Member(String memberRef, int age, LocalDate birthDate) {}

    record Family(String indReference, List<Member> members, Map<String, Member> byRole) {}

    @Test
    void shouldNameTheRootWhenTheDocumentItselfHasTheWrongShape() {
        assertThat(pathOf("[1, 2]", Family.class)).isEqualTo("$");
    }

    @Test
    void shouldNameATopLevelField() {
        assertThat(pathOf("{\"indReference\": {\"nested\": true}}", Family.class))
                .isEqualTo("$.indReference");
    }

    @Test
    void shouldNameAFieldInsideAnArrayElementByItsIndex() {
        String body = """
                {"indReference": "IND-1", "members": [
                  {"memberRef": "P-1", "age": 34},
                  {"memberRef": "P-2", "age": "nine"}]}""";

        assertThat(pathOf(body, Family.class)).isEqualTo("$.members[1].age");
    }

    @Test
    void shouldNameAnArrayElementItself() {
        assertThat(pathOf("{\"members\": [{}, \"P-2\"]}", Family.class)).isEqualTo("$.members[1]");
    }

    @Test
    void shouldNameAMapEntryAsAField() {
        String body = "{\"byRole\": {\"sponsor\": {\"birthDate\": \"not a date\"}}}";

        assertThat(pathOf(body, Family.class)).isEqualTo("$.byRole.sponsor.birthDate");
    }

    @Test
    void shouldNameAnUnknownFieldWhereItStands() {
        assertThat(pathOf("{\"members\": [{\"nickname\": \"x\"}]}", Family.class))
                .isEqualTo("$.members[0].nickname");
    }

    @Test
    void shouldNeverContainTheRejectedValue() {
        String body = "{\"members\": [{\"age\": \"+251911234567\"}]}";

        assertThat(pathOf(body, Family.class)).doesNotContain("+251911234567");
    }

    private static String pathOf(String body, Class<?> type) {
        JsonMappingException failure =
                catchThrowableOfType(JsonMappingException.class, () -> JSON.readValue(body, type));
        assertThat(failure).as("reading %s should fail", body).isNotNull();
        return JsonPaths.of(failure);
    }
}
