package org.iom.dna.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** JSON Merge Patch (RFC 7396) as the IND uses it on a member's contact channels. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static ObjectNode channels() {
        ObjectNode channels =
                JSON.createObjectNode().put("phone", "+251911234567").put("email", "selam@example.org");
        channels.putObject("proxy")
                .put("name", "Tekle")
                .put("relation", "brother")
                .put("phone", "+251912345678");
        return channels;
    }

    @Test
    void shouldReplaceAFieldThePatchGives() {
        JsonNode merged = MergePatch.apply(channels(), JSON.createObjectNode().put("phone", "+251922334455"));

        assertThat(merged.get("phone").asText()).isEqualTo("+251922334455");
    }

    @Test
    void shouldKeepFieldsThePatchLeavesOut() {
        JsonNode merged = MergePatch.apply(channels(), JSON.createObjectNode().put("phone", "+251922334455"));

        assertThat(merged.get("email").asText()).isEqualTo("selam@example.org");
    }

    @Test
    void shouldRemoveAFieldThePatchSetsToNull() {
        JsonNode merged = MergePatch.apply(channels(), JSON.createObjectNode().putNull("email"));

        assertThat(merged.has("email")).isFalse();
    }

    @Test
    void shouldAddAFieldTheTargetLacks() {
        JsonNode merged = MergePatch.apply(channels(), JSON.createObjectNode().put("whatsapp", "+251922334455"));

        assertThat(merged.get("whatsapp").asText()).isEqualTo("+251922334455");
    }

    @Test
    void shouldMergeANestedObjectFieldByField() {
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("proxy").put("phone", "+251933445566");

        JsonNode proxy = MergePatch.apply(channels(), patch).get("proxy");

        assertThat(proxy.get("phone").asText()).isEqualTo("+251933445566");
        assertThat(proxy.get("name").asText()).isEqualTo("Tekle");
    }

    @Test
    void shouldRemoveAWholeNestedObjectSetToNull() {
        JsonNode merged = MergePatch.apply(channels(), JSON.createObjectNode().putNull("proxy"));

        assertThat(merged.has("proxy")).isFalse();
    }

    @Test
    void shouldRemoveAFieldOfANestedObjectSetToNull() {
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("proxy").putNull("relation");

        JsonNode proxy = MergePatch.apply(channels(), patch).get("proxy");

        assertThat(proxy.has("relation")).isFalse();
        assertThat(proxy.get("name").asText()).isEqualTo("Tekle");
    }

    @Test
    void shouldBuildANestedObjectTheTargetLacks() {
        ObjectNode target = JSON.createObjectNode().put("phone", "+251911234567");
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("proxy").put("name", "Tekle").putNull("relation");

        JsonNode proxy = MergePatch.apply(target, patch).get("proxy");

        // A null inside a new object removes nothing and is not kept either.
        assertThat(proxy).isEqualTo(JSON.createObjectNode().put("name", "Tekle"));
    }

    @Test
    void shouldReplaceANestedValueThatIsNotAnObjectByThePatchObject() {
        ObjectNode target = JSON.createObjectNode().put("proxy", "Tekle");
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("proxy").put("name", "Tekle");

        assertThat(MergePatch.apply(target, patch).get("proxy").get("name").asText())
                .isEqualTo("Tekle");
    }

    @Test
    void shouldReplaceTheWholeDocumentByAPatchThatIsNotAnObject() {
        JsonNode patch = JSON.getNodeFactory().textNode("+251922334455");

        assertThat(MergePatch.apply(channels(), patch)).isSameAs(patch);
    }

    @Test
    void shouldReplaceAnArrayWholeInsteadOfMergingIt() {
        ObjectNode target = JSON.createObjectNode();
        target.putArray("languages").add("ti").add("ar");
        ObjectNode patch = JSON.createObjectNode();
        patch.putArray("languages").add("am");

        assertThat(MergePatch.apply(target, patch).get("languages"))
                .isEqualTo(JSON.createArrayNode().add("am"));
    }

    @Test
    void shouldChangeNothingWithAnEmptyPatch() {
        assertThat(MergePatch.apply(channels(), JSON.createObjectNode())).isEqualTo(channels());
    }

    @Test
    void shouldLeaveTheTargetAsItWas() {
        ObjectNode target = channels();

        MergePatch.apply(target, JSON.createObjectNode().putNull("email").put("phone", "+251922334455"));

        assertThat(target).isEqualTo(channels());
    }

    @Test
    void shouldStartFromAnEmptyObjectWhenThereIsNoTarget() {
        JsonNode merged = MergePatch.apply(null, JSON.createObjectNode().put("email", "a@example.org"));

        assertThat(merged).isEqualTo(JSON.createObjectNode().put("email", "a@example.org"));
    }
}
