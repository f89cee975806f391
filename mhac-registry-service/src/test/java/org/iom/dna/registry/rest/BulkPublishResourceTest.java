package org.iom.dna.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.service.CentreService;
import org.iom.dna.registry.service.ClosureService;
import org.iom.dna.registry.service.SlotService;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The SMART Scheduling Links feed of one centre: a {@code $bulk-publish} manifest and ndjson files of FHIR
 * Location, Schedule and Slot resources. Read as a country office (who may read every feed).
 */
@QuarkusTest
class BulkPublishResourceTest {

    private static final String NDJSON = "application/fhir+ndjson";
    /** No daylight saving since 2022: every slot's offset is +03:30. */
    private static final String TEHRAN = "Asia/Tehran";

    @Inject
    Fixtures fixtures;

    @Inject
    CentreService centres;

    @Inject
    SlotService slots;

    @Inject
    ClosureService closures;

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.user("officer"));
    }

    private static String feed(String code) {
        return "/api/v1/centres/" + code + "/slots/$bulk-publish";
    }

    private record Subject(String code, LocalDate monday, List<Slot> slots) {}

    /** A Tehran centre of its own with two slots of capacity 2 on a Monday ahead. */
    private Subject centreWithSlots() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(TEHRAN), 2, DayOfWeek.MONDAY);
        return new Subject(code, monday, fixtures.generate(code, monday, monday));
    }

    private List<JsonNode> lines(String path) {
        String body = officer()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(NDJSON)
                .extract()
                .asString();
        return body.lines().map(line -> fixtures.read(line, JsonNode.class)).toList();
    }

    private JsonNode slotLine(Subject s, Slot slot) {
        return lines(feed(s.code()) + "/slots.ndjson").stream()
                .filter(line -> line.path("id").asText().equals(slot.id.toString()))
                .findFirst()
                .orElseThrow();
    }

    // --- the manifest

    @Test
    void shouldPointTheManifestToLocationScheduleAndSlotFiles() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());

        String base = officer()
                .get(feed(code))
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("output.type", contains("Location", "Schedule", "Slot"))
                .body("error", empty())
                .extract()
                .path("request");

        officer()
                .get(feed(code))
                .then()
                .body(
                        "output.url",
                        contains(base + "/locations.ndjson", base + "/schedules.ndjson", base + "/slots.ndjson"));
        assertThat(base).endsWith(feed(code));
    }

    @Test
    void shouldTagTheSlotFileWithTheCentresCountry() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, TEHRAN, Fixtures.mondayToFriday());

        officer().get(feed(code)).then().statusCode(200).body("output[2].extension.state", contains(country));
    }

    @Test
    void shouldStampTheManifestWithAnInstant() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());

        String time = officer().get(feed(code)).then().statusCode(200).extract().path("transactionTime");

        assertThat(java.time.Instant.parse(time)).isNotNull();
    }

    @Test
    void shouldAcceptThePercentEncodedOperationName() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());

        officer()
                .urlEncodingEnabled(false)
                .get("/api/v1/centres/" + code + "/slots/%24bulk-publish")
                .then()
                .statusCode(200)
                .body("output.type", contains("Location", "Schedule", "Slot"));
    }

    @Test
    void shouldAcceptThePercentEncodedOperationNameForTheFiles() {
        Subject s = centreWithSlots();

        String body = officer()
                .urlEncodingEnabled(false)
                .get("/api/v1/centres/" + s.code() + "/slots/%24bulk-publish/slots.ndjson")
                .then()
                .statusCode(200)
                .contentType(NDJSON)
                .extract()
                .asString();

        assertThat(body.lines()).hasSize(2);
    }

    @Test
    void shouldAnswerAnUnknownCentreWithANotFoundProblem() {
        officer().get(feed(fixtures.freeCode("IR"))).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswerStaffAboutAnotherCentresFeedAsIfItDidNotExist() {
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(feed("ET-ADD") + "/slots.ndjson")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldShowStaffTheirOwnCentresFeed() {
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get(feed("ET-ADD"))
                .then()
                .statusCode(200);
    }

    @Test
    void shouldNotShowTheFeedToTheIndOrToNotificationService() {
        given().auth().oauth2(Tokens.indSystem()).get(feed("ET-ADD")).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.notificationService())
                .get(feed("ET-ADD"))
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseTheFeedWithoutAToken() {
        given().get(feed("ET-ADD")).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    // --- Location and Schedule

    @Test
    void shouldDescribeTheCentreAsOneFhirLocationWithItsTimeZone() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());

        assertThat(lines(feed(code) + "/locations.ndjson")).singleElement().satisfies(location -> {
            assertThat(location.path("resourceType").asText()).isEqualTo("Location");
            assertThat(location.path("id").asText()).isEqualTo(code);
            assertThat(location.path("address").path("city").asText()).isEqualTo("Testville");
            assertThat(location.path("extension").get(0).path("url").asText())
                    .isEqualTo("http://hl7.org/fhir/StructureDefinition/timezone");
            assertThat(location.path("extension").get(0).path("valueCode").asText())
                    .isEqualTo(TEHRAN);
        });
    }

    @Test
    void shouldUseTheCityAsAddressTextWhenTheCentreHasNoAddress() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());

        assertThat(lines(feed(code) + "/locations.ndjson")
                        .get(0)
                        .path("address")
                        .path("text")
                        .asText())
                .isEqualTo("Testville");
    }

    @Test
    void shouldUseTheAddressAsAddressTextWhenTheCentreHasOne() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        centres.create(
                code,
                new CentreService.Details(
                        "IOM MHAC Tabriz",
                        country,
                        "Tabriz",
                        false,
                        "12 Imam Street",
                        TEHRAN,
                        List.of("fa"),
                        List.of(),
                        CentreStatus.ACTIVE,
                        Fixtures.mondayToFriday(),
                        null));

        assertThat(lines(feed(code) + "/locations.ndjson")
                        .get(0)
                        .path("address")
                        .path("text")
                        .asText())
                .isEqualTo("12 Imam Street");
    }

    @Test
    void shouldDescribeOneDnaSamplingScheduleAtTheLocation() {
        String code = fixtures.centre(TEHRAN, Fixtures.mondayToFriday());

        assertThat(lines(feed(code) + "/schedules.ndjson")).singleElement().satisfies(schedule -> {
            assertThat(schedule.path("resourceType").asText()).isEqualTo("Schedule");
            assertThat(schedule.path("id").asText()).isEqualTo(code + "-dna-sampling");
            assertThat(schedule.path("actor").get(0).path("reference").asText()).isEqualTo("Location/" + code);
        });
    }

    // --- Slots

    @Test
    void shouldWriteOneFhirSlotPerLineInTheSchedule() {
        Subject s = centreWithSlots();

        assertThat(lines(feed(s.code()) + "/slots.ndjson")).hasSize(2).allSatisfy(slot -> {
            assertThat(slot.path("resourceType").asText()).isEqualTo("Slot");
            assertThat(slot.path("schedule").path("reference").asText())
                    .isEqualTo("Schedule/" + s.code() + "-dna-sampling");
        });
    }

    @Test
    void shouldGiveSlotTimesWithTheCentresOffset() {
        Subject s = centreWithSlots();

        JsonNode first = slotLine(s, s.slots().get(0));

        assertThat(first.path("start").asText()).isEqualTo(s.monday() + "T09:00:00+03:30");
        assertThat(first.path("end").asText()).isEqualTo(s.monday() + "T09:30:00+03:30");
    }

    @Test
    void shouldShowAnOpenSlotAsFreeWithItsCapacity() {
        Subject s = centreWithSlots();

        JsonNode slot = slotLine(s, s.slots().get(0));

        assertThat(slot.path("status").asText()).isEqualTo("free");
        assertThat(slot.path("extension").get(0).path("valueInteger").asInt()).isEqualTo(2);
    }

    @Test
    void shouldShowABlockedSlotAsBusyUnavailable() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);
        slots.change(s.code(), slot.id, slot.version, null, SlotStatus.BLOCKED);

        assertThat(slotLine(s, slot).path("status").asText()).isEqualTo("busy-unavailable");
    }

    @Test
    void shouldShowAnOpenSlotWithoutCapacityAsBusyUnavailable() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);
        slots.change(s.code(), slot.id, slot.version, 0, null);

        assertThat(slotLine(s, slot).path("status").asText()).isEqualTo("busy-unavailable");
    }

    @Test
    void shouldLeaveWithdrawnSlotsOut() {
        Subject s = centreWithSlots();
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));

        String body = officer()
                .get(feed(s.code()) + "/slots.ndjson")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(body).isEmpty();
    }

    @Test
    void shouldLeaveSlotsBeyondEightWeeksOut() {
        Subject s = centreWithSlots();
        Slot later = slots.addAdHoc(s.code(), LocalDate.now(ZoneId.of(TEHRAN)).plusWeeks(9), LocalTime.of(9, 0), 30, 1);

        assertThat(lines(feed(s.code()) + "/slots.ndjson"))
                .extracting(line -> line.path("id").asText())
                .hasSize(2)
                .doesNotContain(later.id.toString());
    }

    @Test
    void shouldCarryNoPersonalOrBookingData() {
        Subject s = centreWithSlots();

        assertThat(slotLine(s, s.slots().get(0)).fieldNames())
                .toIterable()
                .containsExactly("resourceType", "id", "schedule", "status", "start", "end", "extension");
    }
}
