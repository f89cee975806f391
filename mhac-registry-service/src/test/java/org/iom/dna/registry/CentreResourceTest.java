package org.iom.dna.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CentreResourceTest {

    @Test
    void shouldListSeededCentresWithZonesAndWorkingWeeks() {
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get("/api/v1/centres")
                .then()
                .statusCode(200)
                .body(
                        "code",
                        hasItems(
                                "ET-ADD", "ET-SHI", "ET-JIJ", "IR-THR", "LB-BEY", "SD-PZU", "SD-KRT", "TR-IST",
                                "TR-ANK"))
                .body("find { it.code == 'IR-THR' }.zone", equalTo("Asia/Tehran"))
                .body(
                        "find { it.code == 'IR-THR' }.workingWeek.dayOfWeek",
                        hasItems("SATURDAY", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"))
                .body("find { it.code == 'SD-PZU' }.workingWeek.dayOfWeek", hasItems("SUNDAY", "THURSDAY"));
        given().get("/api/v1/centres").then().statusCode(401);
    }

    @Test
    void shouldGenerateIdempotentlyAndPublishEachNewSlotKeyedByCentre() {
        // A fixed week far enough ahead that no other test touches it.
        LocalDate monday = Days.open("ET-SHI", 30, java.time.DayOfWeek.MONDAY);
        try (TopicProbe topic = TopicProbe.open("test.registry.slots.v1")) {
            int created = given().auth()
                    .oauth2(Tokens.user("officer"))
                    .queryParam("from", monday.toString())
                    .queryParam("to", monday.toString())
                    .post("/api/v1/centres/ET-SHI/slot-generation")
                    .then()
                    .statusCode(200)
                    .body("created", greaterThan(0))
                    .extract()
                    .path("created");
            given().auth()
                    .oauth2(Tokens.user("officer"))
                    .queryParam("from", monday.toString())
                    .queryParam("to", monday.toString())
                    .post("/api/v1/centres/ET-SHI/slot-generation")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(0));

            ConsumerRecord<String, String> event = topic.await(
                    r -> "ET-SHI".equals(r.key()) && r.value().contains("\"localDate\":\"" + monday + "\""),
                    Duration.ofSeconds(20));
            assertEquals("org.iom.dna.registry.SlotOpened.v1", TopicProbe.header(event, "ce_type"));
            assertEquals(13, created, "08:30-12:00 and 13:00-16:00 in 30-minute slots");
        }
    }

    @Test
    void shouldShowStaffOnlyTheirOwnCentre() {
        LocalDate monday = Days.open("ET-ADD", 31, java.time.DayOfWeek.MONDAY);
        given().auth()
                .oauth2(Tokens.user("admin"))
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .post("/api/v1/centres/ET-ADD/slot-generation")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .get("/api/v1/centres/ET-ADD/slots")
                .then()
                .statusCode(200)
                .body("size()", equalTo(13))
                .body("centreCode", everyItem(equalTo("ET-ADD")))
                .body("[0].localStart", equalTo("08:30:00"))
                .body("[0].startsAt", equalTo(monday + "T05:30:00Z"));

        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .get("/api/v1/centres/ET-ADD/slots")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadRangeAndWrongRoles() {
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("from", "2027-02-01")
                .queryParam("to", "2027-01-01")
                .get("/api/v1/centres/ET-ADD/slots")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("to"));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .post("/api/v1/centres/ET-ADD/slot-generation")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/centres/ET-ADD/slots")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.user("officer"))
                .post("/api/v1/centres/XX-NOP/slot-generation")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("from", "2027-02-01")
                .queryParam("to", "2027-06-01")
                .get("/api/v1/centres/ET-ADD/slots")
                .then()
                .statusCode(400);
    }
}
