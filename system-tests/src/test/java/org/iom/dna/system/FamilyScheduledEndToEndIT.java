package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, end to end through the running suite: the IND submits the example family
 * from intake's OpenAPI document; registry's demo slots, scheduling, notification and intake do the
 * rest through Kafka; the family's e-mail arrives in the local SMTP server.
 */
class FamilyScheduledEndToEndIT {

    private static final String INTAKE = System.getProperty("dna.intake.url", "http://localhost:8081");
    private static final String SCHEDULING = System.getProperty("dna.scheduling.url", "http://localhost:8082");
    private static final String REGISTRY = System.getProperty("dna.registry.url", "http://localhost:8083");
    private static final String MAILBOX = System.getProperty("dna.mail.api", "http://127.0.0.1:8025/api/user/")
            + "selam.tesfay@example.org/messages/INBOX";

    /** Messages in the mother's mailbox; GreenMail answers with an error object until the first one arrives. */
    private static int mails() {
        var response = given().get(MAILBOX).then().extract();
        Object body = response.statusCode() == 200 ? response.jsonPath().get("$") : null;
        return body instanceof List<?> list ? list.size() : 0;
    }

    @Test
    void shouldScheduleTheOpenApiExampleFamilyAndEmailThem() {
        Map<String, Object> example = given().queryParam("format", "json")
                .get(INTAKE + "/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths.'/api/v1/sampling-requests'.post.requestBody.content.'application/json'"
                        + ".examples.mother-and-son.value");
        Map<String, Object> family = new HashMap<>(example);
        family.put("indReference", "IND-E2E-" + UUID.randomUUID());
        int mailsBefore = mails();

        String id = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(family)
                .post(INTAKE + "/api/v1/sampling-requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.indSystem())
                        .get(INTAKE + "/api/v1/sampling-requests/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("SCHEDULED"))
                        .body("members[0].appointment.centreCode", matchesPattern("ET-[A-Z]{3}"))
                        .body("members[1].appointment.localDate", notNullValue()));

        String localDate = given().auth()
                .oauth2(Tokens.user("officer"))
                .get(SCHEDULING + "/api/v1/families/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("BOOKED"))
                .extract()
                .path("appointment.localDate");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> mails() > mailsBefore);
        List<String> subjects = given().get(MAILBOX).then().extract().path("subject");
        org.junit.jupiter.api.Assertions.assertTrue(
                subjects.contains("Your DNA sampling appointment on " + localDate), subjects.toString());

        moveFamilyWhenACentreClosesOnItsDay(id, localDate);
    }

    /** A closure over the booked day withdraws the slots; the scheduler moves the family, whole, to another day. */
    @SuppressWarnings("unchecked")
    private static void moveFamilyWhenACentreClosesOnItsDay(String id, String bookedDay) {
        String centre = given().auth()
                .oauth2(Tokens.indSystem())
                .get(INTAKE + "/api/v1/sampling-requests/" + id)
                .then()
                .extract()
                .path("members[0].appointment.centreCode");
        String closure = given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "centreCode",
                        centre,
                        "firstDay",
                        bookedDay,
                        "lastDay",
                        bookedDay,
                        "reason",
                        "SECURITY",
                        "description",
                        "end-to-end test closure"))
                .post(REGISTRY + "/api/v1/closures")
                .then()
                .statusCode(201)
                .extract()
                .path("closure.id");
        try {
            // Moved whole: both members at one centre on one day, and not at the closed centre that day.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<String, Object> request = given().auth()
                                .oauth2(Tokens.indSystem())
                                .get(INTAKE + "/api/v1/sampling-requests/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("$");
                        List<Map<String, Object>> members = (List<Map<String, Object>>) request.get("members");
                        List<String> places = members.stream()
                                .map(m -> (Map<String, Object>) m.get("appointment"))
                                .map(a -> a == null ? "none" : a.get("centreCode") + "@" + a.get("localDate"))
                                .distinct()
                                .toList();
                        return "SCHEDULED".equals(request.get("status"))
                                && places.size() == 1
                                && !places.get(0).equals("none")
                                && !places.get(0).equals(centre + "@" + bookedDay);
                    });
            given().auth()
                    .oauth2(Tokens.user("officer"))
                    .get(SCHEDULING + "/api/v1/families/" + id)
                    .then()
                    .body("appointment.sequence", equalTo(1));
        } finally {
            given().auth()
                    .oauth2(Tokens.user("officer"))
                    .delete(REGISTRY + "/api/v1/closures/" + closure)
                    .then()
                    .statusCode(204);
        }
    }
}
