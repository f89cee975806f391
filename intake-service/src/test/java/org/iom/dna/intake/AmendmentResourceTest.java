package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AmendmentResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static String contactPath(String id, String member) {
        return "/api/v1/sampling-requests/" + id + "/members/" + member + "/contact";
    }

    @Test
    void shouldMergeContactChangesAndPublishWhichChannelsChangedWithoutValues() {
        String id = Families.submitted();
        try (TopicProbe topic = TopicProbe.open("test.intake.sampling-requests.v1")) {
            given().auth()
                    .oauth2(Tokens.indSystem())
                    .contentType(MERGE_PATCH)
                    .body("{\"phone\": \"+251922334455\", \"whatsapp\": \"+251922334455\", \"email\": null}")
                    .patch(contactPath(id, "P-1"))
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));

            ConsumerRecord<String, String> event = topic.await(
                    r -> id.equals(r.key())
                            && "org.iom.dna.intake.SamplingRequestAmended.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertTrue(event.value().contains("\"changed\":[\"phone\",\"email\",\"whatsapp\"]"), event.value());
            assertFalse(event.value().contains("922334455"), "the event must not carry the number");
        }
        given().auth()
                .oauth2(Tokens.notificationService())
                .get("/internal" + contactPath(id, "P-1").substring(4))
                .then()
                .statusCode(200)
                .body("phone", equalTo("+251922334455"))
                .body("whatsapp", equalTo("+251922334455"))
                .body("email", nullValue());
    }

    @Test
    void shouldRejectInvalidOrUnknownContactFields() {
        String id = Families.submitted();
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(MERGE_PATCH)
                .body("{\"phone\": \"0911 23\"}")
                .patch(contactPath(id, "P-1"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.path", hasItem("$.phone"))
                .body(not(containsString("0911 23")));
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(MERGE_PATCH)
                .body("{\"telegram\": \"@selam\"}")
                .patch(contactPath(id, "P-1"))
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.telegram"));
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(MERGE_PATCH)
                .body("{\"phone\": \"+251922334455\"}")
                .patch(contactPath(id, "P-404"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(MERGE_PATCH)
                .body("{\"phone\": \"+251922334455\"}")
                .patch(contactPath(id, "P-1"))
                .then()
                .statusCode(403);
        given().contentType(MERGE_PATCH)
                .body("{}")
                .patch(contactPath(id, "P-1"))
                .then()
                .statusCode(401);
    }

    @Test
    void shouldCancelOnceAndThenRefuseAmendments() {
        String id = Families.submitted();
        try (TopicProbe topic = TopicProbe.open("test.intake.sampling-requests.v1")) {
            for (int i = 0; i < 2; i++) {
                given().auth()
                        .oauth2(Tokens.indSystem())
                        .contentType(ContentType.JSON)
                        .body("{\"reason\": \"WITHDRAWN_BY_APPLICANT\", \"comment\": \"Sponsor withdrew\"}")
                        .post("/api/v1/sampling-requests/" + id + "/cancellation")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("CANCELLED"))
                        .body("cancellationReason", equalTo("WITHDRAWN_BY_APPLICANT"))
                        .body(not(containsString("Sponsor withdrew")));
            }
            ConsumerRecord<String, String> event = topic.await(
                    r -> id.equals(r.key())
                            && "org.iom.dna.intake.SamplingRequestCancelled.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertFalse(event.value().contains("Sponsor"), "the IND's comment stays in intake");
            long cancellations = topic.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> id.equals(r.key()) && r.value().contains("WITHDRAWN"))
                    .count();
            assertEquals(1, cancellations, "cancelling again publishes nothing");
        }
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(MERGE_PATCH)
                .body("{\"phone\": \"+251922334455\"}")
                .patch(contactPath(id, "P-1"))
                .then()
                .statusCode(409)
                .body("type", containsString("case-fixed"));
    }

    @Test
    void shouldRefuseCancellationAfterSampling() {
        String id = Families.submitted();
        TopicProbe.publish(
                "test.scheduling.appointments.v1", id, "org.iom.dna.scheduling.AttendanceRecorded.v1", """
                {"requestId": "%s", "appointmentId": "%s", "memberRef": "P-1", "outcome": "SAMPLED",
                 "recordedAt": "2026-12-07T06:05:00Z"}""".formatted(
                                id, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.indSystem())
                        .get("/api/v1/sampling-requests/" + id)
                        .then()
                        .body("status", equalTo("PARTIALLY_SAMPLED")));
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"OTHER\"}")
                .post("/api/v1/sampling-requests/" + id + "/cancellation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldValidateCancellation() {
        String id = Families.submitted();
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"BORED\"}")
                .post("/api/v1/sampling-requests/" + id + "/cancellation")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.reason"));
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"OTHER\"}")
                .post("/api/v1/sampling-requests/" + UUID.randomUUID() + "/cancellation")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"OTHER\"}")
                .post("/api/v1/sampling-requests/" + id + "/cancellation")
                .then()
                .statusCode(403);
    }
}
