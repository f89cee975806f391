package org.iom.dna.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.rest.ClosureResource.ClosureRequest;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** Country offices close centres or countries for some days; staff see only what concerns their centres. */
@QuarkusTest
class ClosureResourceTest {

    private static final String CLOSURES = "/api/v1/closures";
    private static final String ZONE = "Africa/Khartoum";

    @Inject
    Fixtures fixtures;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    private record Subject(String code, String country, LocalDate monday) {}

    /** A centre in a country of its own with three slots on a Monday and a Tuesday ahead. */
    private Subject centreWithSlots() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 30), 30, 2);
        fixtures.template(code, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 30), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(ZONE), 2, DayOfWeek.MONDAY);
        fixtures.generate(code, monday, monday.plusDays(1));
        return new Subject(code, country, monday);
    }

    private static ClosureRequest centreClosure(String code, LocalDate first, LocalDate last) {
        return new ClosureRequest(code, null, first, last, "SECURITY", "Road closures", false);
    }

    private ValidatableResponse post(String user, ClosureRequest body) {
        return as(user).contentType(ContentType.JSON)
                .body(fixtures.json(body))
                .post(CLOSURES)
                .then();
    }

    private String created(ClosureRequest body) {
        return post("officer", body).statusCode(201).extract().path("closure.id");
    }

    private List<SlotStatus> statuses(Subject s, LocalDate day) {
        return fixtures.slots(s.code(), day, day).stream()
                .map(slot -> slot.status)
                .toList();
    }

    // --- creating

    @Test
    void shouldCreateAClosureWithItsLocationAndHowManySlotsItWithdrew() {
        Subject s = centreWithSlots();

        post("officer", centreClosure(s.code(), s.monday(), s.monday().plusDays(1)))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString(CLOSURES + "/"))
                .body("slotsWithdrawn", equalTo(6))
                .body("closure.centreCode", equalTo(s.code()))
                .body("closure.reason", equalTo("SECURITY"))
                .body("closure.estimated", equalTo(false));
    }

    @Test
    void shouldWithdrawTheClosedDaysSlots() {
        Subject s = centreWithSlots();

        created(centreClosure(s.code(), s.monday(), s.monday()));

        assertThat(statuses(s, s.monday())).containsOnly(SlotStatus.WITHDRAWN);
        assertThat(statuses(s, s.monday().plusDays(1))).containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldPublishTheWithdrawalsOnKafkaKeyedByCentre() {
        Subject s = centreWithSlots();
        try (TopicProbe topic = TopicProbe.open("test." + Topics.SLOTS)) {
            created(centreClosure(s.code(), s.monday(), s.monday()));

            ConsumerRecord<String, String> withdrawn = topic.await(
                    r -> s.code().equals(r.key()) && SlotWithdrawnV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertThat(fixtures.read(withdrawn.value(), SlotWithdrawnV1.class).reason())
                    .isEqualTo("CLOSURE");
        }
    }

    @Test
    void shouldCloseAWholeCountry() {
        Subject s = centreWithSlots();

        post("admin", new ClosureRequest(null, s.country(), s.monday(), s.monday(), "PUBLIC_HOLIDAY", "Eid", true))
                .statusCode(201)
                .body("closure.country", equalTo(s.country()))
                .body("closure.estimated", equalTo(true))
                .body("slotsWithdrawn", equalTo(3));
    }

    @Test
    void shouldNameBothFieldsWhenACentreAndCountryAreGivenAndTheDaysAreReversed() {
        post(
                        "officer",
                        new ClosureRequest(
                                "SD-KRT",
                                "SD",
                                LocalDate.of(2027, 2, 2),
                                LocalDate.of(2027, 2, 1),
                                "SECURITY",
                                null,
                                false))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.centreCode", "$.lastDay"));
    }

    @Test
    void shouldRefuseDaysAtTheEndsOfTime() {
        post("officer", new ClosureRequest("SD-KRT", null, LocalDate.MIN, LocalDate.MAX, "SECURITY", null, false))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.firstDay", "$.lastDay"));
    }

    @Test
    void shouldRefuseAnUnknownReason() {
        post(
                        "officer",
                        new ClosureRequest(
                                null, "SD", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1), "WEATHER", null, false))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.reason"));
    }

    @Test
    void shouldRequireTheFirstDay() {
        post("officer", new ClosureRequest(null, "SD", null, LocalDate.of(2027, 2, 1), "OTHER", null, false))
                .statusCode(400)
                .body("errors.path", contains("$.firstDay"));
    }

    @Test
    void shouldRefuseACentreCodeOfTheWrongShape() {
        post(
                        "officer",
                        new ClosureRequest(
                                "khartoum",
                                null,
                                LocalDate.of(2027, 2, 1),
                                LocalDate.of(2027, 2, 1),
                                "OTHER",
                                null,
                                false))
                .statusCode(400)
                .body("errors.path", contains("$.centreCode"));
    }

    @Test
    void shouldAnswerAClosureOfAnUnknownCentreWithNotFound() {
        LocalDate day = LocalDate.now().plusWeeks(3);

        post("officer", centreClosure(fixtures.freeCode("SD"), day, day))
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    // --- changing and removing

    @Test
    void shouldMoveAClosureWhenTheHolidayIsAnnouncedOnAnotherDay() {
        Subject s = centreWithSlots();
        LocalDate tuesday = s.monday().plusDays(1);
        String id = created(new ClosureRequest(
                null, s.country(), s.monday(), s.monday(), "PUBLIC_HOLIDAY", "Eid (estimated)", true));

        as("officer")
                .contentType(ContentType.JSON)
                .body(fixtures.json(new ClosureRequest(
                        null, s.country(), tuesday, tuesday, "PUBLIC_HOLIDAY", "Eid (announced)", false)))
                .put(CLOSURES + "/" + id)
                .then()
                .statusCode(200)
                .body("closure.estimated", equalTo(false))
                .body("closure.firstDay", equalTo(tuesday.toString()))
                .body("slotsWithdrawn", equalTo(3));
        assertThat(statuses(s, s.monday())).containsOnly(SlotStatus.OPEN);
        assertThat(statuses(s, tuesday)).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldAnswerAChangeOfAnUnknownClosureWithNotFound() {
        as("officer")
                .contentType(ContentType.JSON)
                .body(fixtures.json(new ClosureRequest(
                        null, "SD", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1), "OTHER", null, false)))
                .put(CLOSURES + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldReopenTheSlotsWhenAClosureIsRemoved() {
        Subject s = centreWithSlots();
        String id = created(centreClosure(s.code(), s.monday(), s.monday()));

        as("officer").delete(CLOSURES + "/" + id).then().statusCode(204);

        assertThat(statuses(s, s.monday())).containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldAnswerRemovingAClosureTwiceWithNotFound() {
        Subject s = centreWithSlots();
        String id = created(centreClosure(s.code(), s.monday(), s.monday()));
        as("officer").delete(CLOSURES + "/" + id).then().statusCode(204);

        as("officer").delete(CLOSURES + "/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    // --- who may

    @Test
    void shouldRefuseMhacStaffClosingTheirOwnCentre() {
        LocalDate day = LocalDate.now().plusWeeks(80);

        post("staff-addis", centreClosure("ET-ADD", day, day)).statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseMhacStaffClosingAnotherCentre() {
        Subject s = centreWithSlots();

        post("staff-addis", centreClosure(s.code(), s.monday(), s.monday())).statusCode(403);

        assertThat(statuses(s, s.monday())).containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldRefuseMhacStaffMovingAClosure() {
        Subject s = centreWithSlots();
        String id = created(centreClosure(s.code(), s.monday(), s.monday()));

        as("staff-addis")
                .contentType(ContentType.JSON)
                .body(fixtures.json(centreClosure(
                        s.code(), s.monday().plusDays(1), s.monday().plusDays(1))))
                .put(CLOSURES + "/" + id)
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseMhacStaffRemovingAClosure() {
        Subject s = centreWithSlots();
        String id = created(centreClosure(s.code(), s.monday(), s.monday()));

        as("staff-beirut").delete(CLOSURES + "/" + id).then().statusCode(403);

        assertThat(statuses(s, s.monday())).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldRefuseTheIndClosingACentre() {
        LocalDate day = LocalDate.now().plusWeeks(80);

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(fixtures.json(centreClosure("ET-ADD", day, day)))
                .post(CLOSURES)
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseClosuresWithoutAToken() {
        given().get(CLOSURES).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    // --- listing

    @Test
    void shouldListTheSeededHolidaysWithLunarDatesMarkedEstimated() {
        as("officer")
                .queryParam("country", "IR")
                .queryParam("from", "2026-12-01")
                .queryParam("to", "2027-11-30")
                .get(CLOSURES)
                .then()
                .statusCode(200)
                .body("find { it.description.contains('Nowruz') }.estimated", equalTo(false))
                .body("find { it.description.contains('Nowruz') }.firstDay", equalTo("2027-03-20"))
                .body("find { it.description == 'Eid al-Fitr' }.estimated", equalTo(true));
    }

    @Test
    void shouldShowStaffTheHolidaysOfTheirOwnCountryOnly() {
        as("staff-addis")
                .queryParam("from", "2027-01-01")
                .queryParam("to", "2027-12-31")
                .get(CLOSURES)
                .then()
                .statusCode(200)
                .body("description", hasItems("Genna (Ethiopian Christmas)", "Meskel"))
                .body("country", everyItem(equalTo("ET")));
    }

    @Test
    void shouldHideAnotherCentresSecurityClosureFromStaffOfTheSameCountry() {
        LocalDate far = LocalDate.now().plusWeeks(90);
        String shire = created(centreClosure("ET-SHI", far, far));
        try {
            as("staff-addis")
                    .queryParam("from", far.toString())
                    .queryParam("to", far.toString())
                    .get(CLOSURES)
                    .then()
                    .statusCode(200)
                    .body("id", not(hasItem(shire)));
        } finally {
            as("officer").delete(CLOSURES + "/" + shire).then().statusCode(204);
        }
    }

    @Test
    void shouldShowStaffTheirOwnCentresClosure() {
        LocalDate far = LocalDate.now().plusWeeks(91);
        String addis = created(centreClosure("ET-ADD", far, far));
        try {
            as("staff-addis")
                    .queryParam("centreCode", "ET-ADD")
                    .queryParam("from", far.toString())
                    .queryParam("to", far.toString())
                    .get(CLOSURES)
                    .then()
                    .statusCode(200)
                    .body("id", hasItem(addis));
        } finally {
            as("officer").delete(CLOSURES + "/" + addis).then().statusCode(204);
        }
    }

    @Test
    void shouldAnswerStaffAskingForAnotherCentresClosuresWithNotFound() {
        as("staff-beirut")
                .queryParam("centreCode", "ET-ADD")
                .get(CLOSURES)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldShowStaffNothingForAnotherCountry() {
        as("staff-addis")
                .queryParam("country", "IR")
                .queryParam("from", "2027-01-01")
                .queryParam("to", "2027-12-31")
                .get(CLOSURES)
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void shouldListACentresOwnAndCountryClosuresForACountryOffice() {
        Subject s = centreWithSlots();
        String local = created(centreClosure(s.code(), s.monday(), s.monday()));
        String national = created(new ClosureRequest(
                null, s.country(), s.monday().plusDays(1), s.monday().plusDays(1), "PUBLIC_HOLIDAY", null, false));

        as("officer")
                .queryParam("centreCode", s.code())
                .queryParam("from", s.monday().toString())
                .queryParam("to", s.monday().plusDays(1).toString())
                .get(CLOSURES)
                .then()
                .statusCode(200)
                .body("id", contains(local, national));
    }
}
