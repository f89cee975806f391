package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** The IND submits a family case and reads it back; staff read it; everyone else is refused. */
@QuarkusTest
class SamplingRequestResourceTest {

    @Inject
    IntakeApi api;

    private void assertRefused(SamplingRequestSubmission submission, String path) {
        List<String> paths = api.submit(submission)
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("type", endsWith("/validation"))
                .extract()
                .path("errors.path");
        assertThat(paths).contains(path);
    }

    @Test
    void shouldAnswerCreatedWithTheLocationOfTheNewCase() {
        var response = api.submit(Families.motherAndSon()).statusCode(201).extract();

        assertThat(response.header("Location")).endsWith(Families.REQUESTS + "/" + response.path("id"));
    }

    @Test
    void shouldOpenTheCaseAsReceived() {
        api.submit(Families.motherAndSon()).statusCode(201).body("status", equalTo("RECEIVED"));
    }

    @Test
    void shouldShowEachMembersYoungestPossibleAgeOnTheDeadline() {
        api.submit(Families.motherAndSon())
                .statusCode(201)
                .body("members.personRef", equalTo(List.of(Families.MOTHER, Families.SON)))
                .body("members[1].ageOnDeadline", equalTo(9));
    }

    @Test
    void shouldShowWhichMembersAreMinorsAndWhoAccompaniesThem() {
        api.submit(Families.motherAndSon())
                .statusCode(201)
                .body("members.minor", equalTo(List.of(false, true)))
                .body("members[1].accompaniedBy", equalTo(Families.MOTHER));
    }

    @Test
    void shouldShowTheNeedsForTheDayButNotTheirDetails() {
        var mother = Families.member(Families.MOTHER)
                .contact(Families.motherContact())
                .needs(new FamilyMemberSubmission.Needs(false, true, true, "uses a wheelchair"))
                .build();

        api.submit(Families.family().members(mother).build())
                .statusCode(201)
                .body("members[0].needs.accessibility", equalTo(true))
                .body("members[0].needs.medical", equalTo(true))
                .body("members[0].needs.interpreter", equalTo(false))
                .body(not(containsString("wheelchair")));
    }

    @Test
    void shouldNotShowNamesContactsOrNotesToStaffReadingTheCase() {
        String id = api.submitted();

        String body =
                api.get(Tokens.user("officer"), id).statusCode(200).extract().asString();

        assertThat(body)
                .doesNotContain(
                        Families.MOTHER_NAME,
                        Families.FAMILY_NAME,
                        Families.MOTHER_PHONE,
                        Families.MOTHER_EMAIL,
                        Families.CITY,
                        Families.NOTE);
    }

    @Test
    void shouldTakeTheCountryOfAnAdHocLocation() {
        api.submit(Families.family()
                        .country(null)
                        .adHocLocation("KE", "Kakuma", "near the UNHCR office")
                        .build())
                .statusCode(201)
                .body("country", equalTo("KE"))
                .body("adHocLocation", equalTo(true))
                .body(not(containsString("Kakuma")));
    }

    @Test
    void shouldRecordTheReceivedEventKeyedByTheCase() {
        String id = api.submitted();

        assertThat(api.events(id)).singleElement().satisfies(event -> {
            assertThat(event.topic).isEqualTo(Topics.SAMPLING_REQUESTS);
            assertThat(event.type).isEqualTo(SamplingRequestReceivedV1.TYPE);
        });
    }

    @Test
    void shouldDescribeTheFamilyForSchedulingInTheReceivedEvent() {
        String id = api.submitted(Families.family()
                .priority(Priority.MEDICAL)
                .country(SamplingCountry.LB)
                .preferredCentre("LB-BEY")
                .build());

        SamplingRequestReceivedV1 event = api.read(
                api.events(id, SamplingRequestReceivedV1.TYPE).get(0).payload, SamplingRequestReceivedV1.class);

        assertThat(event.requestId()).isEqualTo(UUID.fromString(id));
        assertThat(event.country()).isEqualTo("LB");
        assertThat(event.preferredCentre()).isEqualTo("LB-BEY");
        assertThat(event.priority()).isEqualTo(Priority.MEDICAL);
        assertThat(event.deadline()).isEqualTo(Families.deadline());
        assertThat(event.members())
                .extracting(SamplingRequestReceivedV1.Member::memberRef, SamplingRequestReceivedV1.Member::minor)
                .containsExactly(tuple(Families.MOTHER, false), tuple(Families.SON, true));
    }

    @Test
    void shouldKeepPersonalDataOutOfTheReceivedEvent() {
        String id = api.submitted();

        String payload = api.events(id).get(0).payload;

        assertThat(payload)
                .doesNotContain(
                        Families.MOTHER_NAME,
                        Families.FAMILY_NAME,
                        Families.MOTHER_PHONE,
                        Families.MOTHER_EMAIL,
                        Families.CITY,
                        Families.NOTE,
                        "1991");
    }

    @Test
    void shouldPublishTheReceivedEventOnKafkaWithCloudEventsHeaders() {
        try (TopicProbe topic = TopicProbe.open("test." + Topics.SAMPLING_REQUESTS)) {
            String id = api.submitted();

            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20));

            assertThat(TopicProbe.header(event, "ce_type")).isEqualTo(SamplingRequestReceivedV1.TYPE);
            assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/intake-service");
            assertThat(event.value()).doesNotContain(Families.MOTHER_NAME, Families.MOTHER_PHONE, Families.NOTE);
        }
    }

    @Test
    void shouldReturnTheStoredCaseWhenTheIndResendsTheSameContent() {
        SamplingRequestSubmission submission = Families.motherAndSon();
        String id = api.submitted(submission);

        api.submit(submission).statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldPublishNothingMoreWhenTheIndResendsTheSameContent() {
        SamplingRequestSubmission submission = Families.motherAndSon();
        String id = api.submitted(submission);

        api.submit(submission).statusCode(200);

        assertThat(api.events(id)).hasSize(1);
    }

    @Test
    void shouldRefuseTheSameReferenceWithDifferentContent() {
        String reference = Families.freshReference();
        api.submitted(Families.family().indReference(reference).build());

        api.submit(Families.family()
                        .indReference(reference)
                        .priority(Priority.STANDARD)
                        .build())
                .statusCode(409)
                .contentType(IntakeApi.PROBLEM)
                .body("type", endsWith("/duplicate-reference"));
    }

    @Test
    void shouldPointToTheStoredCaseWhenAReferenceIsReusedForOtherContent() {
        String reference = Families.freshReference();
        String id = api.submitted(Families.family().indReference(reference).build());

        api.submit(Families.family()
                        .indReference(reference)
                        .note("another note")
                        .build())
                .statusCode(409)
                .body("existing", equalTo(Families.REQUESTS + "/" + id));
    }

    @Test
    void shouldKeepTheStoredCaseWhenAReferenceIsReusedForOtherContent() {
        String reference = Families.freshReference();
        String id = api.submitted(Families.family().indReference(reference).build());

        api.submit(Families.family()
                        .indReference(reference)
                        .priority(Priority.STANDARD)
                        .build())
                .statusCode(409);

        api.get(Tokens.indSystem(), id).body("priority", equalTo("URGENT"));
        assertThat(api.events(id)).hasSize(1);
    }

    @Test
    void shouldNameAnInvalidPhoneNumberWithoutEchoingIt() {
        var mother = Families.member(Families.MOTHER)
                .contact(new ContactChannels("+99977", null, null, null))
                .build();

        String body = api.submit(Families.family().members(mother).build())
                .statusCode(400)
                .body("errors.path", equalTo(List.of("$.members[0].contact.phone")))
                .extract()
                .asString();
        assertThat(body).doesNotContain("99977");
    }

    @Test
    void shouldNameAMinorWithoutCompany() {
        var alone = Families.member(Families.SON).born("2017-03").build();

        assertRefused(Families.family().members(Families.mother(), alone).build(), "$.members[1].accompaniedBy");
    }

    @Test
    void shouldNameAPersonReferenceUsedTwice() {
        var twin = Families.member(Families.MOTHER)
                .contact(Families.motherContact())
                .build();

        assertRefused(Families.family().members(Families.mother(), twin).build(), "$.members[1].personRef");
    }

    @Test
    void shouldNameTheCountryWhenAnAdHocLocationIsGivenToo() {
        assertRefused(Families.family().adHocLocation("ET", "Mekelle", null).build(), "$.country");
    }

    @Test
    void shouldNameTheMembersWhenNobodyCanBeReached() {
        var silent = Families.member(Families.MOTHER).build();

        assertRefused(Families.family().members(silent).build(), "$.members");
    }

    @Test
    void shouldNameADeadlineInThePast() {
        assertRefused(Families.family().deadline(LocalDate.now().minusDays(1)).build(), "$.deadline");
    }

    @Test
    void shouldNameADeadlineOfToday() {
        assertRefused(Families.family().deadline(LocalDate.now()).build(), "$.deadline");
    }

    @Test
    void shouldNameAFamilyWithoutMembers() {
        assertRefused(Families.family().members(List.of()).build(), "$.members");
    }

    @Test
    void shouldNameAFamilyOfMoreThanTwentyMembers() {
        List<FamilyMemberSubmission> members = IntStream.range(0, 21)
                .mapToObj(i -> Families.member("P-" + i)
                        .contact(Families.motherContact())
                        .build())
                .toList();

        assertRefused(Families.family().members(members).build(), "$.members");
    }

    @Test
    void shouldAcceptAFamilyOfTwentyMembers() {
        List<FamilyMemberSubmission> members = IntStream.range(0, 20)
                .mapToObj(i -> Families.member("P-" + i)
                        .contact(Families.motherContact())
                        .build())
                .toList();

        api.submit(Families.family().members(members).build()).statusCode(201);
    }

    @Test
    void shouldNameAPersonReferenceWithCharactersOutsideTheAllowedSet() {
        var spaced = Families.member("P 1").contact(Families.motherContact()).build();

        assertRefused(Families.family().members(spaced).build(), "$.members[0].personRef");
    }

    @Test
    void shouldNameABirthDateInAnotherFormat() {
        var mother = Families.member(Families.MOTHER)
                .born("17/05/1991")
                .contact(Families.motherContact())
                .build();

        assertRefused(Families.family().members(mother).build(), "$.members[0].dateOfBirth");
    }

    @Test
    void shouldNameABirthDateThatIsNotOnTheCalendar() {
        var mother = Families.member(Families.MOTHER)
                .born("1991-02-30")
                .contact(Families.motherContact())
                .build();

        assertRefused(Families.family().members(mother).build(), "$.members[0].dateOfBirth");
    }

    @Test
    void shouldNameALanguageThatIsNotABcp47Tag() {
        var mother = Families.member(Families.MOTHER)
                .language("Tigrinya")
                .contact(Families.motherContact())
                .build();

        assertRefused(Families.family().members(mother).build(), "$.members[0].preferredLanguage");
    }

    @Test
    void shouldNameAPreferredCentreThatIsNotACentreCode() {
        assertRefused(Families.family().preferredCentre("Addis").build(), "$.preferredCentre");
    }

    @Test
    void shouldNameAPreferredCentreInAnotherCountry() {
        assertRefused(Families.family().preferredCentre("LB-BEY").build(), "$.preferredCentre");
    }

    @Test
    void shouldNameAMissingPriority() {
        assertRefused(Families.family().priority(null).build(), "$.priority");
    }

    @Test
    void shouldNameAnUnknownPriority() {
        ObjectNode body = api.tree(Families.motherAndSon()).put("priority", "VIP");

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(api.json(body))
                .post(Families.REQUESTS)
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$.priority"));
    }

    @Test
    void shouldNameAFieldTheApiDoesNotKnow() {
        ObjectNode body = api.tree(Families.motherAndSon()).put("favouriteColour", "red");

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(api.json(body))
                .post(Families.REQUESTS)
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$.favouriteColour"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body("{\"indReference\": ")
                .post(Families.REQUESTS)
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        String padding = "x".repeat(300 * 1024);

        api.submit(Families.family().note(padding).build()).statusCode(413).contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldStoreNothingWhenTheSubmissionIsRefused() {
        String reference = Families.freshReference();

        api.submit(Families.family()
                        .indReference(reference)
                        .preferredCentre("LB-BEY")
                        .build())
                .statusCode(400);

        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", reference)
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldRequireATokenToSubmit() {
        given().contentType(ContentType.JSON)
                .body(api.json(Families.motherAndSon()))
                .post(Families.REQUESTS)
                .then()
                .statusCode(401)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidACountryOfficeToSubmit() {
        api.submit(Tokens.user("officer"), Families.motherAndSon())
                .statusCode(403)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidAnAdminToSubmit() {
        api.submit(Tokens.user("admin"), Families.motherAndSon()).statusCode(403);
    }

    @Test
    void shouldForbidMhacStaffToSubmit() {
        api.submit(Tokens.user("staff-addis"), Families.motherAndSon()).statusCode(403);
    }

    @Test
    void shouldLetAnAdminReadACase() {
        String id = api.submitted();

        api.get(Tokens.user("admin"), id).statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldForbidMhacStaffToReadACase() {
        String id = api.submitted();

        api.get(Tokens.user("staff-addis"), id).statusCode(403).contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidNotificationServiceToReadACase() {
        String id = api.submitted();

        api.get(Tokens.notificationService(), id).statusCode(403);
    }

    @Test
    void shouldRequireATokenToReadACase() {
        String id = api.submitted();

        given().get(Families.REQUESTS + "/" + id).then().statusCode(401);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCaseWithoutInternals() {
        api.get(Tokens.indSystem(), UUID.randomUUID().toString())
                .statusCode(404)
                .contentType(IntakeApi.PROBLEM)
                .body("type", endsWith("/not-found"))
                .body("exception", nullValue());
    }

    @Test
    void shouldStartTheHistoryWithTheSubmission() {
        String id = api.submitted();

        api.history(Tokens.user("officer"), id)
                .statusCode(200)
                .body("transitions.size()", equalTo(1))
                .body("transitions[0].from", nullValue())
                .body("transitions[0].to", equalTo("RECEIVED"))
                .body("transitions[0].cause", equalTo("submitted by the IND"))
                .body("contactAttempts.size()", equalTo(0));
    }

    @Test
    void shouldAnswerNotFoundForTheHistoryOfAnUnknownCase() {
        api.history(Tokens.indSystem(), UUID.randomUUID().toString())
                .statusCode(404)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidMhacStaffToReadTheHistory() {
        String id = api.submitted();

        api.history(Tokens.user("staff-beirut"), id).statusCode(403);
    }

    @Test
    void shouldRefuseAnIdThatIsNotAUuid() {
        // The caller's mistake about the parameter (400), not a missing case (404).
        api.get(Tokens.indSystem(), "IND-2026-000123").statusCode(400);
    }
}
