package org.iom.dna.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClosureAndCentreTest {

    private static void generate(String centre, LocalDate from, LocalDate to) {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .post("/api/v1/centres/" + centre + "/slot-generation")
                .then()
                .statusCode(200);
    }

    private static List<String> statuses(String centre, LocalDate day) {
        return given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/v1/centres/" + centre + "/slots")
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void shouldWithdrawSlotsUnderAClosureAndReopenThemWhenItIsRemoved() {
        LocalDate monday = Days.open("SD-KRT", 35, DayOfWeek.MONDAY);
        generate("SD-KRT", monday.minusDays(1), monday.plusDays(3));
        String closureId;
        try (TopicProbe topic = TopicProbe.open("test.registry.slots.v1")) {
            closureId = given().auth()
                    .oauth2(Tokens.user("officer"))
                    .contentType(ContentType.JSON)
                    .body("{\"centreCode\": \"SD-KRT\", \"firstDay\": \"" + monday + "\", \"lastDay\": \""
                            + monday.plusDays(1) + "\", \"reason\": \"SECURITY\", \"description\": \"Road closures\"}")
                    .post("/api/v1/closures")
                    .then()
                    .statusCode(201)
                    .body("slotsWithdrawn", equalTo(26))
                    .extract()
                    .path("closure.id");
            ConsumerRecord<String, String> withdrawn = topic.await(
                    r -> "SD-KRT".equals(r.key())
                            && "org.iom.dna.registry.SlotWithdrawn.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertTrue(withdrawn.value().contains("\"reason\":\"CLOSURE\""));
        }
        assertTrue(statuses("SD-KRT", monday).stream().allMatch("WITHDRAWN"::equals));
        assertTrue(
                statuses("SD-KRT", monday.plusDays(2)).stream().allMatch("OPEN"::equals), "the day after is untouched");
        generate("SD-KRT", monday, monday);
        assertEquals(13, statuses("SD-KRT", monday).size(), "generation does not recreate withdrawn slots");

        given().auth()
                .oauth2(Tokens.user("officer"))
                .delete("/api/v1/closures/" + closureId)
                .then()
                .statusCode(204);
        assertTrue(statuses("SD-KRT", monday).stream().allMatch("OPEN"::equals));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .delete("/api/v1/closures/" + closureId)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldMoveAClosureWhenTheHolidayIsAnnouncedOnAnotherDay() {
        LocalDate monday = Days.open("LB-BEY", 36, DayOfWeek.MONDAY);
        LocalDate wednesday = monday.plusDays(2);
        generate("LB-BEY", monday, wednesday);
        String id = given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"country\": \"LB\", \"firstDay\": \"" + monday + "\", \"lastDay\": \"" + monday
                                + "\", \"reason\": \"PUBLIC_HOLIDAY\", \"description\": \"Eid (estimated)\", \"estimated\": true}")
                .post("/api/v1/closures")
                .then()
                .statusCode(201)
                .extract()
                .path("closure.id");
        assertTrue(statuses("LB-BEY", monday).stream().allMatch("WITHDRAWN"::equals));

        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"country\": \"LB\", \"firstDay\": \"" + wednesday + "\", \"lastDay\": \"" + wednesday
                                + "\", \"reason\": \"PUBLIC_HOLIDAY\", \"description\": \"Eid (announced)\", \"estimated\": false}")
                .put("/api/v1/closures/" + id)
                .then()
                .statusCode(200)
                .body("closure.estimated", equalTo(false))
                .body("slotsWithdrawn", equalTo(13));
        assertTrue(statuses("LB-BEY", monday).stream().allMatch("OPEN"::equals), "the estimated day opens again");
        assertTrue(statuses("LB-BEY", wednesday).stream().allMatch("WITHDRAWN"::equals));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .delete("/api/v1/closures/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void shouldSeedPublicHolidaysWithLunarDatesMarkedEstimated() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("country", "IR")
                .queryParam("from", "2026-12-01")
                .queryParam("to", "2027-11-30")
                .get("/api/v1/closures")
                .then()
                .statusCode(200)
                .body("find { it.description.contains('Nowruz') }.estimated", equalTo(false))
                .body("find { it.description.contains('Nowruz') }.firstDay", equalTo("2027-03-20"))
                .body("find { it.description == 'Eid al-Fitr' }.estimated", equalTo(true));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("from", "2027-01-01")
                .queryParam("to", "2027-12-31")
                .get("/api/v1/closures")
                .then()
                .statusCode(200)
                .body("description", hasItems("Genna (Ethiopian Christmas)", "Meskel"))
                .body("country", everyItem(equalTo("ET")));
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .queryParam("centreCode", "ET-ADD")
                .get("/api/v1/closures")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldValidateClosuresAndReserveThemForCountryOffices() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"centreCode\": \"SD-KRT\", \"country\": \"SD\", \"firstDay\": \"2027-02-02\", \"lastDay\": \"2027-02-01\", \"reason\": \"SECURITY\"}")
                .post("/api/v1/closures")
                .then()
                .statusCode(400)
                .body("errors.path", hasItems("$.centreCode", "$.lastDay"));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"country\": \"SD\", \"firstDay\": \"2027-02-01\", \"lastDay\": \"2027-02-01\", \"reason\": \"WEATHER\"}")
                .post("/api/v1/closures")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.reason"));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"centreCode\": \"ET-ADD\", \"firstDay\": \"2027-02-01\", \"lastDay\": \"2027-02-01\", \"reason\": \"OTHER\"}")
                .post("/api/v1/closures")
                .then()
                .statusCode(403);
    }

    private static String centre(String status, String closes) {
        return """
                {"name": "IOM MHAC Gondar", "country": "ET", "city": "Gondar", "cityAssumed": true,
                 "zone": "Africa/Addis_Ababa", "languages": ["am", "ti"], "status": "%s",
                 "workingWeek": [{"dayOfWeek": "MONDAY", "opens": "08:00:00", "closes": "%s"}]}
                """.formatted(status, closes);
    }

    @Test
    void shouldCreateAndChangeCentresWithOptimisticLockingAndWithdrawSlotsOfASuspendedCentre() {
        String code = "ET-G" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
        String path = "/api/v1/centres/" + code;
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00"))
                .put(path)
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""));
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00"))
                .put(path)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.user("admin"))
                .header("If-Match", "\"7\"")
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00"))
                .put(path)
                .then()
                .statusCode(412);

        // New centres have no templates yet: add one, then generate a week.
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"dayOfWeek\": \"TUESDAY\", \"starts\": \"09:00:00\", \"ends\": \"10:00:00\", \"slotMinutes\": 30, \"capacity\": 1, \"validFrom\": \"2026-01-01\"}")
                .post(path + "/templates")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.dayOfWeek"));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"dayOfWeek\": \"MONDAY\", \"starts\": \"09:00:00\", \"ends\": \"10:00:00\", \"slotMinutes\": 30, \"capacity\": 1, \"validFrom\": \"2026-01-01\"}")
                .post(path + "/templates")
                .then()
                .statusCode(201);
        LocalDate monday = LocalDate.now().plusWeeks(2).with(DayOfWeek.MONDAY);
        generate(code, monday, monday.plusDays(6));
        assertEquals(List.of("OPEN", "OPEN"), statuses(code, monday));

        try (TopicProbe topic = TopicProbe.open("test.registry.slots.v1")) {
            given().auth()
                    .oauth2(Tokens.user("admin"))
                    .header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON)
                    .body(centre("SUSPENDED", "16:30:00"))
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("SUSPENDED"));
            topic.await(
                    r -> code.equals(r.key())
                            && "org.iom.dna.registry.CentreChanged.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .get(path + "/slots")
                .then()
                .body("status", everyItem(equalTo("WITHDRAWN")));

        // Back in service: the withdrawn slots open again. A working week without Monday withdraws them once more.
        given().auth()
                .oauth2(Tokens.user("admin"))
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00"))
                .put(path)
                .then()
                .statusCode(200);
        assertEquals(List.of("OPEN", "OPEN"), statuses(code, monday));
        given().auth()
                .oauth2(Tokens.user("admin"))
                .header("If-Match", "\"2\"")
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00").replace("MONDAY", "TUESDAY"))
                .put(path)
                .then()
                .statusCode(200);
        assertEquals(List.of("WITHDRAWN", "WITHDRAWN"), statuses(code, monday));
    }

    @Test
    void shouldValidateCentresAndKeepStaffOut() {
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00").replace("Africa/Addis_Ababa", "+03:00"))
                .put("/api/v1/centres/ET-ZZZ")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.zone"));
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00"))
                .put("/api/v1/centres/TR-ZZZ")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.country"));
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .contentType(ContentType.JSON)
                .body(centre("ACTIVE", "16:30:00"))
                .put("/api/v1/centres/ET-ZZZ")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get("/api/v1/centres/ET-ADD/templates")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get("/api/v1/centres/ET-ADD/templates")
                .then()
                .statusCode(200)
                .body("dayOfWeek", hasItem("MONDAY"));
    }
}
