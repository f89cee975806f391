package org.iom.dna.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** MHAC staff manage their own centre's slots, with optimistic locking. */
@QuarkusTest
class SlotApiTest {

    private static final String ADDIS = "/api/v1/centres/ET-ADD";

    private static String generatedSlot(LocalDate day) {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .post(ADDIS + "/slot-generation")
                .then()
                .statusCode(200);
        return given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(ADDIS + "/slots")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
    }

    @Test
    void shouldChangeCapacityWithIfMatchAndRefuseStaleWrites() {
        String id = generatedSlot(Days.open("ET-ADD", 40, DayOfWeek.TUESDAY));
        String etag = given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get(ADDIS + "/slots/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        try (TopicProbe topic = TopicProbe.open("test.registry.slots.v1")) {
            ExtractableResponse<Response> changed = given().auth()
                    .oauth2(Tokens.user("staff-addis"))
                    .header("If-Match", etag)
                    .contentType(ContentType.JSON)
                    .body("{\"capacity\": 5}")
                    .patch(ADDIS + "/slots/" + id)
                    .then()
                    .statusCode(200)
                    .body("capacity", equalTo(5))
                    .extract();
            assertNotEquals(etag, changed.header("ETag"));
            var event = topic.await(r -> r.value().contains(id), Duration.ofSeconds(20));
            assertEquals("org.iom.dna.registry.SlotChanged.v1", TopicProbe.header(event, "ce_type"));
            assertEquals("ET-ADD", event.key());
        }
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{\"capacity\": 1}")
                .patch(ADDIS + "/slots/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body("{\"capacity\": 1}")
                .patch(ADDIS + "/slots/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(ADDIS + "/slots/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRejectInvalidChanges() {
        String id = generatedSlot(Days.open("ET-ADD", 41, DayOfWeek.TUESDAY));
        String etag = given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get(ADDIS + "/slots/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{\"capacity\": -1}")
                .patch(ADDIS + "/slots/" + id)
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.capacity"));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"WITHDRAWN\"}")
                .patch(ADDIS + "/slots/" + id)
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.status"));
        given().auth()
                .oauth2(Tokens.indSystem())
                .get(ADDIS + "/slots/" + id)
                .then()
                .statusCode(403);
        given().get(ADDIS + "/slots/" + id).then().statusCode(401);
    }

    @Test
    void shouldBlockAndUnblockAWholeDay() {
        LocalDate day = Days.open("ET-ADD", 42, DayOfWeek.WEDNESDAY);
        generatedSlot(day);
        try (TopicProbe topic = TopicProbe.open("test.registry.slots.v1")) {
            given().auth()
                    .oauth2(Tokens.user("staff-addis"))
                    .post(ADDIS + "/days/" + day + "/block")
                    .then()
                    .statusCode(200)
                    .body("slotsChanged", equalTo(13));
            var blocked = topic.await(
                    r -> "ET-ADD".equals(r.key()) && r.value().contains("\"status\":\"BLOCKED\""),
                    Duration.ofSeconds(20));
            assertEquals("org.iom.dna.registry.SlotChanged.v1", TopicProbe.header(blocked, "ce_type"));
        }
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(ADDIS + "/slots")
                .then()
                .body("status", everyItem(equalTo("BLOCKED")));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .post(ADDIS + "/days/" + day + "/unblock")
                .then()
                .statusCode(200)
                .body("slotsChanged", equalTo(13));
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .post(ADDIS + "/days/" + day + "/block")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAddAdHocSlotInLocalTime() {
        LocalDate saturday = Days.open("ET-ADD", 43, DayOfWeek.SATURDAY);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body("{\"localDate\": \"" + saturday
                        + "\", \"localStart\": \"09:00:00\", \"minutes\": 45, \"capacity\": 3}")
                .post(ADDIS + "/slots")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("startsAt", equalTo(saturday + "T06:00:00Z"))
                .body("localEnd", equalTo("09:45:00"));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body("{\"localDate\": \"" + saturday
                        + "\", \"localStart\": \"09:00:00\", \"minutes\": 45, \"capacity\": 3}")
                .post(ADDIS + "/slots")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"localDate\": \"2020-01-01\", \"localStart\": \"09:00:00\", \"minutes\": 500, \"capacity\": 3}")
                .post(ADDIS + "/slots")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.minutes"));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body("{\"localDate\": \"2020-01-01\", \"localStart\": \"09:00:00\", \"minutes\": 30, \"capacity\": 3}")
                .post(ADDIS + "/slots")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.localDate"));
        // Beirut moves clocks from 00:00 to 01:00 on 2027-03-28: 00:30 does not exist that day.
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .contentType(ContentType.JSON)
                .body("{\"localDate\": \"2027-03-28\", \"localStart\": \"00:30:00\", \"minutes\": 30, \"capacity\": 1}")
                .post("/api/v1/centres/LB-BEY/slots")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.localStart"));
    }

    @Test
    void shouldPublishSmartSchedulingLinksFeed() {
        generatedSlot(Days.open("ET-ADD", 1, DayOfWeek.THURSDAY));
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(ADDIS + "/slots/$bulk-publish")
                .then()
                .statusCode(200)
                .body("output.type", equalTo(java.util.List.of("Location", "Schedule", "Slot")))
                .body("output[2].url", org.hamcrest.Matchers.endsWith("/slots.ndjson"));
        String slots = given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(ADDIS + "/slots/$bulk-publish/slots.ndjson")
                .then()
                .statusCode(200)
                .contentType("application/fhir+ndjson")
                .extract()
                .asString();
        String first = slots.lines().findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(
                first.contains("\"resourceType\":\"Slot\"")
                        && first.contains("+03:00")
                        && first.contains("\"Schedule/ET-ADD-dna-sampling\""),
                first);
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(ADDIS + "/slots/$bulk-publish/locations.ndjson")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Africa/Addis_Ababa"));
        given().get(ADDIS + "/slots/$bulk-publish").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/centres/XX-NOP/slots/$bulk-publish")
                .then()
                .statusCode(404);
        org.hamcrest.MatcherAssert.assertThat(slots.lines().count(), greaterThan(0L));
    }
}
