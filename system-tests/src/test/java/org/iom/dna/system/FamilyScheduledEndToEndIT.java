package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, end to end through the running suite: the IND submits the example family
 * from intake's OpenAPI document; registry's demo slots, scheduling, notification and intake do the
 * rest through Kafka; the mother, who has a phone, gets an SMS in Tigrinya at the local SMSC simulator (over SMPP).
 */
class FamilyScheduledEndToEndIT {

    private static final String INTAKE = Ind.INTAKE;
    private static final String SCHEDULING = System.getProperty("dna.scheduling.url", "http://localhost:8082");
    private static final String REGISTRY = System.getProperty("dna.registry.url", "http://localhost:8083");
    private static final String SMS = System.getProperty("dna.smsc.api", "http://127.0.0.1:8027/api/messages");
    /** The mother's phone in intake's example. */
    private static final String PHONE = "+251911234567";

    /** The request this test submitted, withdrawn afterwards so that its places are free for the next run. */
    private String submitted;

    @AfterEach
    void withdrawTheFamily() {
        if (submitted != null) {
            Ind.withdraw(submitted);
        }
    }

    /** The SMS the mother's phone received at the SMSC simulator, oldest first. */
    private static List<Map<String, Object>> texts() {
        return given().queryParam("to", PHONE)
                .get(SMS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void shouldScheduleTheOpenApiExampleFamilyAndTextThem() {
        Map<String, Object> family = Ind.exampleFamily("IND-E2E");
        int textsBefore = texts().size();

        String id = Ind.submit(family, Map.of())
                .body("status", equalTo("RECEIVED"))
                .extract()
                .path("id");
        submitted = id;

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
                .until(() -> texts().size() > textsBefore);
        Map<String, Object> text = texts().get(texts().size() - 1);
        org.junit.jupiter.api.Assertions.assertEquals("UCS2", text.get("encoding"), "Tigrinya goes as UCS-2");
        org.junit.jupiter.api.Assertions.assertTrue(
                String.valueOf(text.get("text")).contains("P-100231"), "the SMS names the member's reference");
        org.junit.jupiter.api.Assertions.assertTrue(
                String.valueOf(text.get("text")).contains(localDate.substring(0, 4)), "the SMS gives the date");

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
