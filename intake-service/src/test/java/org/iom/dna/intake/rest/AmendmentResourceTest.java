package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.SamplingRequestAmendedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.service.CaseProgressService;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** The IND changes a member's contact channels with a JSON Merge Patch until the case is fixed. */
@QuarkusTest
class AmendmentResourceTest {

    private static final String NEW_PHONE = "+251922334455";
    private static final String BROTHER_PHONE = "+251912345678";

    @Inject
    IntakeApi api;

    @Inject
    CaseProgressService progress;

    private ObjectNode newPhone() {
        return api.patch().put("phone", NEW_PHONE);
    }

    private ObjectNode brother() {
        ObjectNode patch = api.patch();
        patch.putObject("proxy")
                .put("name", "Tekle Berhe")
                .put("relation", "brother")
                .put("phone", BROTHER_PHONE);
        return patch;
    }

    private SamplingRequestAmendedV1 onlyAmendment(String id) {
        List<OutboxEvent> amended = api.events(id, SamplingRequestAmendedV1.TYPE);
        assertThat(amended).hasSize(1);
        return api.read(amended.get(0).payload, SamplingRequestAmendedV1.class);
    }

    @Test
    void shouldRefuseAPatchThatIsNull() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, "null").statusCode(400).body("errors.path", contains("$"));
        api.contact(id, Families.MOTHER).statusCode(200);
    }

    @Test
    void shouldReplaceAChannelThePatchGives() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, newPhone()).statusCode(200).body("id", equalTo(id));

        api.contact(id, Families.MOTHER).body("phone", equalTo(NEW_PHONE));
    }

    @Test
    void shouldKeepChannelsThePatchLeavesOut() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, newPhone()).statusCode(200);

        api.contact(id, Families.MOTHER).body("email", equalTo(Families.MOTHER_EMAIL));
    }

    @Test
    void shouldRemoveAChannelThePatchSetsToNull() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, api.patch().putNull("email")).statusCode(200);

        api.contact(id, Families.MOTHER).body("email", nullValue());
    }

    @Test
    void shouldGiveAMemberWithoutChannelsTheirFirstOne() {
        String id = api.submitted();

        api.amend(id, Families.SON, api.patch().put("whatsapp", NEW_PHONE)).statusCode(200);

        api.contact(id, Families.SON).body("whatsapp", equalTo(NEW_PHONE));
    }

    @Test
    void shouldMergeAProxyFieldByField() {
        String id = api.submitted();
        api.amend(id, Families.MOTHER, brother()).statusCode(200);
        ObjectNode patch = api.patch();
        patch.putObject("proxy").put("phone", NEW_PHONE);

        api.amend(id, Families.MOTHER, patch).statusCode(200);

        api.contact(id, Families.MOTHER)
                .body("proxy.phone", equalTo(NEW_PHONE))
                .body("proxy.name", equalTo("Tekle Berhe"))
                .body("proxy.relation", equalTo("brother"));
    }

    @Test
    void shouldAcceptAPatchSentAsPlainJson() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(api.json(newPhone()))
                .patch(IntakeApi.contactPath(id, Families.MOTHER))
                .then()
                .statusCode(200);

        api.contact(id, Families.MOTHER).body("phone", equalTo(NEW_PHONE));
    }

    @Test
    void shouldNameTheKindsOfChannelThatChangedInTheEventInAFixedOrder() {
        String id = api.submitted();
        ObjectNode patch =
                api.patch().put("whatsapp", NEW_PHONE).putNull("email").put("phone", NEW_PHONE);

        api.amend(id, Families.MOTHER, patch).statusCode(200);

        SamplingRequestAmendedV1 event = onlyAmendment(id);
        assertThat(event.requestId()).isEqualTo(UUID.fromString(id));
        assertThat(event.memberRef()).isEqualTo(Families.MOTHER);
        assertThat(event.changed()).containsExactly("phone", "email", "whatsapp");
    }

    @Test
    void shouldNameAProxyChangeInTheEvent() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, brother()).statusCode(200);

        assertThat(onlyAmendment(id).changed()).containsExactly("proxy");
    }

    @Test
    void shouldKeepTheNewValuesOutOfTheEvent() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, brother().put("phone", NEW_PHONE)).statusCode(200);

        assertThat(api.events(id, SamplingRequestAmendedV1.TYPE).get(0).payload)
                .doesNotContain(NEW_PHONE, BROTHER_PHONE, "Tekle", "brother");
    }

    @Test
    void shouldRecordTheAmendmentOnTheCasesTopicKeyedByTheCase() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, newPhone()).statusCode(200);

        assertThat(api.events(id, SamplingRequestAmendedV1.TYPE))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.topic).isEqualTo(Topics.SAMPLING_REQUESTS);
                    assertThat(event.key).isEqualTo(id);
                });
    }

    @Test
    void shouldPublishTheAmendmentOnKafka() {
        String id = api.submitted();
        try (TopicProbe topic = TopicProbe.open("test." + Topics.SAMPLING_REQUESTS)) {
            api.amend(id, Families.MOTHER, newPhone()).statusCode(200);

            ConsumerRecord<String, String> event = topic.await(
                    r -> id.equals(r.key()) && SamplingRequestAmendedV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));

            assertThat(api.read(event.value(), SamplingRequestAmendedV1.class).changed())
                    .containsExactly("phone");
        }
    }

    @Test
    void shouldPublishNothingWhenThePatchChangesNothing() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, api.patch().put("phone", Families.MOTHER_PHONE))
                .statusCode(200);

        assertThat(api.events(id, SamplingRequestAmendedV1.TYPE)).isEmpty();
    }

    @Test
    void shouldShowTheMemberAsReachableAgainOnceTheirChannelsChange() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() -> progress.memberUnreachable(Events.unreachable(UUID.fromString(id), Families.MOTHER)));
        api.get(Tokens.indSystem(), id).body("members[0].unreachable", equalTo(true));

        api.amend(id, Families.MOTHER, newPhone()).statusCode(200).body("members[0].unreachable", equalTo(false));
    }

    @Test
    void shouldKeepTheMemberUnreachableWhenThePatchChangesNothing() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() -> progress.memberUnreachable(Events.unreachable(UUID.fromString(id), Families.MOTHER)));

        api.amend(id, Families.MOTHER, api.patch()).statusCode(200).body("members[0].unreachable", equalTo(true));
    }

    @Test
    void shouldNameAnInvalidPhoneNumberWithoutEchoingIt() {
        String id = api.submitted();

        String body = api.amend(id, Families.MOTHER, api.patch().put("phone", "0911 23"))
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors.path", equalTo(List.of("$.phone")))
                .extract()
                .asString();
        assertThat(body).doesNotContain("0911 23");
    }

    @Test
    void shouldNameAnInvalidEmailAddress() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, api.patch().put("email", "selam-at-example.org"))
                .statusCode(400)
                .body("errors.path", equalTo(List.of("$.email")));
    }

    @Test
    void shouldNameAProxyWithoutAName() {
        String id = api.submitted();
        ObjectNode patch = api.patch();
        patch.putObject("proxy").put("phone", BROTHER_PHONE);

        api.amend(id, Families.MOTHER, patch).statusCode(400).body("errors.path", equalTo(List.of("$.proxy.name")));
    }

    @Test
    void shouldNameAProxyWhosePhoneIsRemoved() {
        String id = api.submitted();
        api.amend(id, Families.MOTHER, brother()).statusCode(200);
        ObjectNode patch = api.patch();
        patch.putObject("proxy").putNull("phone");

        api.amend(id, Families.MOTHER, patch).statusCode(400).body("errors.path", equalTo(List.of("$.proxy.phone")));
    }

    @Test
    void shouldNameAChannelTheApiDoesNotKnow() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, api.patch().put("telegram", "@selam"))
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$.telegram"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void shouldNameAChannelOfTheWrongShape() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, api.patch().put("proxy", "Tekle"))
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$.proxy"));
    }

    @Test
    void shouldRefuseAPatchThatIsNotAnObject() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, "\"" + NEW_PHONE + "\"")
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void shouldKeepTheChannelsWhenThePatchIsRefused() {
        String id = api.submitted();

        api.amend(id, Families.MOTHER, newPhone().put("email", "not-an-address"))
                .statusCode(400);

        api.contact(id, Families.MOTHER).body("phone", equalTo(Families.MOTHER_PHONE));
        assertThat(api.events(id, SamplingRequestAmendedV1.TYPE)).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownMember() {
        String id = api.submitted();

        api.amend(id, "P-404", newPhone()).statusCode(404).contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCase() {
        api.amend(UUID.randomUUID().toString(), Families.MOTHER, newPhone())
                .statusCode(404)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidACountryOfficeToAmend() {
        String id = api.submitted();

        api.amend(Tokens.user("officer"), id, Families.MOTHER, newPhone())
                .statusCode(403)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidNotificationServiceToAmend() {
        String id = api.submitted();

        api.amend(Tokens.notificationService(), id, Families.MOTHER, newPhone()).statusCode(403);
    }

    @Test
    void shouldRequireATokenToAmend() {
        String id = api.submitted();

        given().contentType(IntakeApi.MERGE_PATCH)
                .body(api.json(newPhone()))
                .patch(IntakeApi.contactPath(id, Families.MOTHER))
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseToAmendACancelledCase() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        api.amend(id, Families.MOTHER, newPhone())
                .statusCode(409)
                .contentType(IntakeApi.PROBLEM)
                .body("type", endsWith("/case-fixed"));
    }

    @Test
    void shouldRefuseToAmendACaseWithASampledMember() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() ->
                        progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.MOTHER, "SAMPLED")));

        api.amend(id, Families.SON, newPhone()).statusCode(409).body("type", endsWith("/case-fixed"));
    }

    @Test
    void shouldLetTheIndAmendAScheduledCase() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() -> progress.appointmentBooked(Events.booked(UUID.fromString(id), UUID.randomUUID())));

        api.amend(id, Families.MOTHER, newPhone()).statusCode(200).body("status", equalTo("SCHEDULED"));
    }
}
