package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.service.CaseProgressService;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The IND withdraws a case: once, for a stated reason, and not after anyone was sampled. */
@QuarkusTest
class AmendmentResourceCancellationTest {

    private static final String COMMENT = "Sponsor withdrew the application on 2026-11-27";

    @Inject
    IntakeApi api;

    @Inject
    CaseProgressService progress;

    @Inject
    EntityManager em;

    private SamplingRequestCancelledV1 onlyCancellation(String id) {
        var cancelled = api.events(id, SamplingRequestCancelledV1.TYPE);
        assertThat(cancelled).hasSize(1);
        return api.read(cancelled.get(0).payload, SamplingRequestCancelledV1.class);
    }

    @ParameterizedTest
    @EnumSource(CancellationReason.class)
    void shouldCancelTheCaseForEveryReasonTheIndGives(CancellationReason reason) {
        String id = api.submitted();

        api.cancel(id, reason)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo(reason.name()));
    }

    @Test
    void shouldRecordTheCancellationInTheHistoryWithItsReason() {
        String id = api.submitted();

        api.cancel(id, CancellationReason.DECIDED_WITHOUT_DNA).statusCode(200);

        api.history(Tokens.user("officer"), id)
                .body("transitions[1].from", equalTo("RECEIVED"))
                .body("transitions[1].to", equalTo("CANCELLED"))
                .body("transitions[1].cause", equalTo("cancelled by the IND: DECIDED_WITHOUT_DNA"));
    }

    @Test
    void shouldTellSchedulingWhyTheCaseWasCancelled() {
        String id = api.submitted();

        api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);

        SamplingRequestCancelledV1 event = onlyCancellation(id);
        assertThat(event.requestId()).isEqualTo(UUID.fromString(id));
        assertThat(event.reason()).isEqualTo("WITHDRAWN_BY_APPLICANT");
    }

    @Test
    void shouldRecordTheCancellationOnTheCasesTopicKeyedByTheCase() {
        String id = api.submitted();

        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        assertThat(api.events(id, SamplingRequestCancelledV1.TYPE))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.topic).isEqualTo(Topics.SAMPLING_REQUESTS);
                    assertThat(event.key).isEqualTo(id);
                });
    }

    @Test
    void shouldKeepTheIndsCommentOutOfTheEvent() {
        String id = api.submitted();

        api.cancel(Tokens.indSystem(), id, new CancellationRequest(CancellationReason.OTHER, COMMENT))
                .statusCode(200);

        assertThat(api.events(id, SamplingRequestCancelledV1.TYPE).get(0).payload)
                .doesNotContain("Sponsor");
    }

    @Test
    void shouldKeepTheIndsCommentOutOfTheAnswer() {
        String id = api.submitted();

        String body = api.cancel(Tokens.indSystem(), id, new CancellationRequest(CancellationReason.OTHER, COMMENT))
                .statusCode(200)
                .extract()
                .asString();

        assertThat(body).doesNotContain("Sponsor");
    }

    @Test
    void shouldStoreTheIndsCommentOnlyEncrypted() {
        String id = api.submitted();

        api.cancel(Tokens.indSystem(), id, new CancellationRequest(CancellationReason.OTHER, COMMENT))
                .statusCode(200);

        byte[] stored = QuarkusTransaction.requiringNew()
                .call(() -> (byte[]) em.createNativeQuery("select private_data from sampling_request where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getSingleResult());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Sponsor", Families.NOTE);
    }

    @Test
    void shouldPublishTheCancellationOnKafkaOnceWhenCancelledTwice() {
        String id = api.submitted();
        try (TopicProbe topic = TopicProbe.open("test." + Topics.SAMPLING_REQUESTS)) {
            api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);
            api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);

            ConsumerRecord<String, String> first = topic.await(
                    r -> id.equals(r.key()) && SamplingRequestCancelledV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));

            assertThat(api.read(first.value(), SamplingRequestCancelledV1.class).reason())
                    .isEqualTo("WITHDRAWN_BY_APPLICANT");
            assertThat(topic.drain(Duration.ofSeconds(2)))
                    .filteredOn(r -> id.equals(r.key()))
                    .filteredOn(r -> SamplingRequestCancelledV1.TYPE.equals(TopicProbe.header(r, "ce_type")))
                    .hasSize(1);
        }
    }

    @Test
    void shouldAnswerWithTheCancelledCaseWhenCancelledAgain() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        api.cancel(id, CancellationReason.DUPLICATE)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("DUPLICATE"));
    }

    @Test
    void shouldKeepTheFirstReasonWhenCancelledAgainForAnother() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        api.cancel(id, CancellationReason.OTHER).statusCode(200).body("cancellationReason", equalTo("DUPLICATE"));
    }

    @Test
    void shouldRecordNothingMoreWhenCancelledAgain() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        assertThat(api.events(id, SamplingRequestCancelledV1.TYPE)).hasSize(1);
        assertThat(api.transitions(id)).containsExactly("RECEIVED", "CANCELLED");
    }

    @Test
    void shouldLetTheIndCancelAScheduledCase() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() -> progress.appointmentBooked(Events.booked(UUID.fromString(id), UUID.randomUUID())));

        api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldLetTheIndCancelACaseWhoseMemberCannotBeReached() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() -> progress.memberUnreachable(Events.unreachable(UUID.fromString(id), Families.MOTHER)));

        api.cancel(id, CancellationReason.DECIDED_WITHOUT_DNA).statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldRefuseToCancelACaseWithASampledMember() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() ->
                        progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.MOTHER, "SAMPLED")));

        api.cancel(id, CancellationReason.OTHER)
                .statusCode(409)
                .contentType(IntakeApi.PROBLEM)
                .body("type", endsWith("/case-fixed"));
    }

    @Test
    void shouldRefuseToCancelAnExpiredCase() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update sampling_request set deadline = current_date - 1 where id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .executeUpdate();
        });
        progress.expireOverdue();

        api.cancel(id, CancellationReason.OTHER).statusCode(409).body("type", endsWith("/case-fixed"));
    }

    @Test
    void shouldPublishNothingWhenTheCancellationIsRefused() {
        String id = api.submitted();
        QuarkusTransaction.requiringNew()
                .run(() ->
                        progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.MOTHER, "SAMPLED")));

        api.cancel(id, CancellationReason.OTHER).statusCode(409);

        assertThat(api.events(id, SamplingRequestCancelledV1.TYPE)).isEmpty();
    }

    @Test
    void shouldNameAMissingReason() {
        String id = api.submitted();

        api.cancel(Tokens.indSystem(), id, new CancellationRequest(null, COMMENT))
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors.path", equalTo(List.of("$.reason")));
    }

    @Test
    void shouldNameAnUnknownReason() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(api.json(api.tree(new CancellationRequest(CancellationReason.OTHER, null))
                        .put("reason", "BORED")))
                .post(Families.REQUESTS + "/" + id + "/cancellation")
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors[0].path", equalTo("$.reason"));
    }

    @Test
    void shouldNameACommentLongerThanAThousandCharacters() {
        String id = api.submitted();

        api.cancel(Tokens.indSystem(), id, new CancellationRequest(CancellationReason.OTHER, "x".repeat(1001)))
                .statusCode(400)
                .body("errors.path", equalTo(List.of("$.comment")));
    }

    @Test
    void shouldAcceptACommentOfAThousandCharacters() {
        String id = api.submitted();

        api.cancel(Tokens.indSystem(), id, new CancellationRequest(CancellationReason.OTHER, "x".repeat(1000)))
                .statusCode(200);
    }

    @Test
    void shouldRefuseACancellationWithoutBody() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .post(Families.REQUESTS + "/" + id + "/cancellation")
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldLeaveTheCaseOpenWhenTheCancellationIsInvalid() {
        String id = api.submitted();

        api.cancel(Tokens.indSystem(), id, new CancellationRequest(null, null)).statusCode(400);

        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCase() {
        api.cancel(UUID.randomUUID().toString(), CancellationReason.OTHER)
                .statusCode(404)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidAnAdminToCancel() {
        String id = api.submitted();

        api.cancel(Tokens.user("admin"), id, new CancellationRequest(CancellationReason.OTHER, null))
                .statusCode(403)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidACountryOfficeToCancel() {
        String id = api.submitted();

        api.cancel(Tokens.user("officer"), id, new CancellationRequest(CancellationReason.OTHER, null))
                .statusCode(403);
    }

    @Test
    void shouldRequireATokenToCancel() {
        String id = api.submitted();

        given().contentType(ContentType.JSON)
                .body(api.json(new CancellationRequest(CancellationReason.OTHER, null)))
                .post(Families.REQUESTS + "/" + id + "/cancellation")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldLeaveTheCaseOpenWhenTheCallerMayNotCancel() {
        String id = api.submitted();

        api.cancel(Tokens.user("officer"), id, new CancellationRequest(CancellationReason.OTHER, null))
                .statusCode(403);

        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }
}
