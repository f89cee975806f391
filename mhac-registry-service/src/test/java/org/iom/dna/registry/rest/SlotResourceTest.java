package org.iom.dna.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.service.ClosureService;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** MHAC staff manage their own centre's slots over HTTP, with optimistic locking; other centres' look absent. */
@QuarkusTest
class SlotResourceTest {

    private static final String ADDIS = "/api/v1/centres/ET-ADD";
    private static final String ZONE = "Asia/Beirut";
    private static final String TOPIC = "test." + Topics.SLOTS;

    @Inject
    Fixtures fixtures;

    @Inject
    ClosureService closures;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    private static String centrePath(String code) {
        return "/api/v1/centres/" + code;
    }

    /** A centre of its own with three open slots on a Monday ahead. */
    private record Subject(String code, LocalDate monday, List<Slot> slots) {
        String path() {
            return centrePath(code);
        }

        String slotPath() {
            return path() + "/slots/" + slots.get(0).id;
        }
    }

    private Subject centreWithSlots() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 30), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(ZONE), 2, DayOfWeek.MONDAY);
        return new Subject(code, monday, fixtures.generate(code, monday, monday));
    }

    private static void generateAddis(LocalDate day) {
        as("officer")
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .post(ADDIS + "/slot-generation")
                .then()
                .statusCode(200);
    }

    /** The first slot of a generated day at Addis Ababa, where staff-addis works. */
    private static String addisSlot(LocalDate day) {
        generateAddis(day);
        return as("staff-addis")
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(ADDIS + "/slots")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
    }

    private static String etag(String user, String slotPath) {
        return as(user).get(slotPath).then().statusCode(200).extract().header("ETag");
    }

    private String patch(SlotDtos.Change change) {
        return fixtures.json(change);
    }

    private String creation(LocalDate day, LocalTime start, int minutes, int capacity) {
        return fixtures.json(new SlotDtos.Creation(day, start, minutes, capacity));
    }

    // --- listing and generating

    @Test
    void shouldListTheirOwnCentresSlotsToStaffWithUtcInstants() {
        LocalDate monday = Days.open("ET-ADD", 31, DayOfWeek.MONDAY);
        generateAddis(monday);

        as("staff-addis")
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .get(ADDIS + "/slots")
                .then()
                .statusCode(200)
                .body("size()", equalTo(13))
                .body("centreCode", everyItem(equalTo("ET-ADD")))
                .body("[0].localStart", equalTo("08:30:00"))
                .body("[0].startsAt", equalTo(monday + "T05:30:00Z"));
    }

    @Test
    void shouldAnswerAnotherCentresStaffAsIfTheCentreDidNotExist() {
        as("staff-beirut")
                .get(ADDIS + "/slots")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("not-found").toString()));
    }

    @Test
    void shouldRefuseAReversedRangeNamingTo() {
        as("staff-addis")
                .queryParam("from", "2027-02-01")
                .queryParam("to", "2027-01-01")
                .get(ADDIS + "/slots")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("to"));
    }

    @Test
    void shouldRefuseARangeOfMoreThanTwoMonths() {
        as("staff-addis")
                .queryParam("from", "2027-02-01")
                .queryParam("to", "2027-06-01")
                .get(ADDIS + "/slots")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("to"));
    }

    @Test
    void shouldRefuseTheIndSlotListings() {
        given().auth().oauth2(Tokens.indSystem()).get(ADDIS + "/slots").then().statusCode(401);
    }

    @Test
    void shouldRefuseSlotListingsWithoutAToken() {
        given().get(ADDIS + "/slots").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldGenerateTheMissingSlotsOfARangeForACountryOffice() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(12, 0), 30, 2);
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(16, 0), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(ZONE), 3, DayOfWeek.MONDAY);

        as("officer")
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .post(centrePath(code) + "/slot-generation")
                .then()
                .statusCode(200)
                .body("centreCode", equalTo(code))
                .body("created", equalTo(13));
    }

    @Test
    void shouldPublishGeneratedSlotsOnKafkaKeyedByCentre() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(9, 0), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(ZONE), 3, DayOfWeek.MONDAY);
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as("admin")
                    .queryParam("from", monday.toString())
                    .queryParam("to", monday.toString())
                    .post(centrePath(code) + "/slot-generation")
                    .then()
                    .statusCode(200);

            // The centre's own CentreChanged may come first on the same key: wait for the slot.
            ConsumerRecord<String, String> event = topic.await(
                    r -> code.equals(r.key())
                            && org.iom.dna.events.SlotOpenedV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertThat(event.value()).contains("\"centreCode\":\"" + code + "\"");
        }
    }

    @Test
    void shouldRefuseGenerationToMhacStaff() {
        as("staff-addis")
                .post(ADDIS + "/slot-generation")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswerGenerationForAnUnknownCentreWithNotFound() {
        as("officer")
                .post(centrePath(fixtures.freeCode("ET")) + "/slot-generation")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    // --- one slot

    @Test
    void shouldReadOneSlotWithItsVersionAsETag() {
        Subject s = centreWithSlots();

        as("officer")
                .get(s.slotPath())
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(s.slots().get(0).id.toString()))
                .body("status", equalTo("OPEN"));
    }

    @Test
    void shouldNotFindASlotUnderAnotherCentresCode() {
        Subject s = centreWithSlots();

        as("officer")
                .get(ADDIS + "/slots/" + s.slots().get(0).id)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldHideOneSlotFromAnotherCentresStaff() {
        String id = addisSlot(Days.open("ET-ADD", 40, DayOfWeek.TUESDAY));

        as("staff-beirut").get(ADDIS + "/slots/" + id).then().statusCode(404);
    }

    @Test
    void shouldChangeTheCapacityWithIfMatchAndAnswerTheNewETag() {
        String id = addisSlot(Days.open("ET-ADD", 40, DayOfWeek.TUESDAY));
        String slot = ADDIS + "/slots/" + id;
        String etag = etag("staff-addis", slot);

        String newTag = as("staff-addis")
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(5, null)))
                .patch(slot)
                .then()
                .statusCode(200)
                .body("capacity", equalTo(5))
                .extract()
                .header("ETag");

        assertThat(newTag).isNotEqualTo(etag);
    }

    @Test
    void shouldPublishTheChangeOnKafkaKeyedByCentre() {
        Subject s = centreWithSlots();
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as("officer")
                    .header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON)
                    .body(patch(new SlotDtos.Change(1, null)))
                    .patch(s.slotPath())
                    .then()
                    .statusCode(200);

            // The slot's SlotOpened may still be on its way from the outbox too: wait for the change itself.
            ConsumerRecord<String, String> event = topic.await(
                    r -> r.value().contains(s.slots().get(0).id.toString())
                            && SlotChangedV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertThat(event.key()).isEqualTo(s.code());
            assertThat(fixtures.read(event.value(), SlotChangedV1.class).capacity())
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldAcceptAMergePatch() {
        Subject s = centreWithSlots();

        as("officer")
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body(patch(new SlotDtos.Change(null, SlotStatus.BLOCKED)))
                .patch(s.slotPath())
                .then()
                .statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("capacity", equalTo(2));
    }

    @Test
    void shouldRefuseAChangeBasedOnAnOldVersion() {
        Subject s = centreWithSlots();
        as("officer")
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(3, null)))
                .patch(s.slotPath())
                .then()
                .statusCode(200);

        as("officer")
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(1, null)))
                .patch(s.slotPath())
                .then()
                .statusCode(412)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("stale-write").toString()));
    }

    @Test
    void shouldRequireIfMatchForAChange() {
        Subject s = centreWithSlots();

        as("officer")
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(1, null)))
                .patch(s.slotPath())
                .then()
                .statusCode(428)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("precondition-required").toString()));
        assertThat(fixtures.slot(s.slots().get(0).id).capacity).isEqualTo(2);
    }

    @Test
    void shouldRefuseANegativeCapacityNamingTheField() {
        Subject s = centreWithSlots();

        as("officer")
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(-1, null)))
                .patch(s.slotPath())
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.capacity"));
    }

    @Test
    void shouldRefuseACapacityAboveFifty() {
        Subject s = centreWithSlots();

        as("officer")
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(51, null)))
                .patch(s.slotPath())
                .then()
                .statusCode(400)
                .body("errors.path", contains("$.capacity"));
    }

    @Test
    void shouldRefuseWithdrawingASlotByHand() {
        Subject s = centreWithSlots();

        as("officer")
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(null, SlotStatus.WITHDRAWN)))
                .patch(s.slotPath())
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.status"));
    }

    @Test
    void shouldRefuseChangingAWithdrawnSlotAsAConflict() {
        Subject s = centreWithSlots();
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));
        String etag = etag("officer", s.slotPath());

        as("officer")
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(null, SlotStatus.OPEN)))
                .patch(s.slotPath())
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("slot-withdrawn").toString()));
    }

    @Test
    void shouldRefuseAnotherCentresStaffChangingASlot() {
        String id = addisSlot(Days.open("ET-ADD", 41, DayOfWeek.TUESDAY));
        String slot = ADDIS + "/slots/" + id;
        String etag = etag("staff-addis", slot);

        as("staff-beirut")
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(patch(new SlotDtos.Change(0, null)))
                .patch(slot)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as("staff-addis").get(slot).then().header("ETag", equalTo(etag));
    }

    // --- whole days

    @Test
    void shouldBlockEveryOpenSlotOfADay() {
        LocalDate day = Days.open("ET-ADD", 42, DayOfWeek.WEDNESDAY);
        generateAddis(day);

        as("staff-addis")
                .post(ADDIS + "/days/" + day + "/block")
                .then()
                .statusCode(200)
                .body("centreCode", equalTo("ET-ADD"))
                .body("localDate", equalTo(day.toString()))
                .body("slotsChanged", equalTo(13));
        as("staff-addis")
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(ADDIS + "/slots")
                .then()
                .body("status", everyItem(equalTo("BLOCKED")));
    }

    @Test
    void shouldUnblockEveryBlockedSlotOfADay() {
        Subject s = centreWithSlots();
        as("officer").post(s.path() + "/days/" + s.monday() + "/block").then().statusCode(200);

        as("officer")
                .post(s.path() + "/days/" + s.monday() + "/unblock")
                .then()
                .statusCode(200)
                .body("slotsChanged", equalTo(3));
        assertThat(fixtures.slots(s.code(), s.monday(), s.monday()))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldRefuseAnotherCentresStaffBlockingADay() {
        LocalDate day = Days.open("ET-ADD", 42, DayOfWeek.THURSDAY);

        as("staff-beirut")
                .post(ADDIS + "/days/" + day + "/block")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseAnotherCentresStaffUnblockingADay() {
        Subject s = centreWithSlots();
        as("officer").post(s.path() + "/days/" + s.monday() + "/block").then().statusCode(200);

        as("staff-addis")
                .post(s.path() + "/days/" + s.monday() + "/unblock")
                .then()
                .statusCode(404);
        assertThat(fixtures.slots(s.code(), s.monday(), s.monday()))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.BLOCKED);
    }

    // --- ad-hoc slots

    @Test
    void shouldAddAnAdHocSlotInLocalTimeWithItsLocationAndETag() {
        LocalDate saturday = Days.open("ET-ADD", 43, DayOfWeek.SATURDAY);

        String id = as("staff-addis")
                .contentType(ContentType.JSON)
                .body(creation(saturday, LocalTime.of(9, 0), 45, 3))
                .post(ADDIS + "/slots")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("startsAt", equalTo(saturday + "T06:00:00Z"))
                .body("localEnd", equalTo("09:45:00"))
                .body("capacity", equalTo(3))
                .extract()
                .path("id");

        as("staff-addis").get(ADDIS + "/slots/" + id).then().statusCode(200);
    }

    @Test
    void shouldNameTheNewSlotInItsLocation() {
        Subject s = centreWithSlots();

        as("officer")
                .contentType(ContentType.JSON)
                .body(creation(s.monday(), LocalTime.of(14, 0), 30, 1))
                .post(s.path() + "/slots")
                .then()
                .statusCode(201)
                .header("Location", not(endsWith("/slots")))
                .header("Location", org.hamcrest.Matchers.containsString(s.path() + "/slots/"));
    }

    @Test
    void shouldRefuseAnAdHocSlotWhereOneStartsAlreadyAsAConflict() {
        Subject s = centreWithSlots();

        as("officer")
                .contentType(ContentType.JSON)
                .body(creation(s.monday(), LocalTime.of(9, 0), 30, 1))
                .post(s.path() + "/slots")
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("slot-exists").toString()));
    }

    @Test
    void shouldRefuseAnAdHocSlotOnAClosedDayAsAConflict() {
        Subject s = centreWithSlots();
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));

        as("officer")
                .contentType(ContentType.JSON)
                .body(creation(s.monday(), LocalTime.of(15, 0), 30, 1))
                .post(s.path() + "/slots")
                .then()
                .statusCode(409)
                .body("type", equalTo(Problem.type("closed-day").toString()));
    }

    @Test
    void shouldRefuseAnAdHocSlotLongerThanFourHours() {
        as("staff-addis")
                .contentType(ContentType.JSON)
                .body(creation(LocalDate.now().plusWeeks(3), LocalTime.of(9, 0), 500, 3))
                .post(ADDIS + "/slots")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.minutes"));
    }

    @Test
    void shouldRefuseAnAdHocSlotInThePast() {
        as("staff-addis")
                .contentType(ContentType.JSON)
                .body(creation(LocalDate.of(2020, 1, 1), LocalTime.of(9, 0), 30, 3))
                .post(ADDIS + "/slots")
                .then()
                .statusCode(400)
                .body("errors.path", contains("$.localDate"));
    }

    @Test
    void shouldRefuseAnAdHocSlotAtATimeBeirutsClocksSkip() {
        // Beirut moves clocks from 00:00 to 01:00 on 2027-03-28: 00:30 does not exist that day.
        as("staff-beirut")
                .contentType(ContentType.JSON)
                .body(creation(LocalDate.of(2027, 3, 28), LocalTime.of(0, 30), 30, 1))
                .post("/api/v1/centres/LB-BEY/slots")
                .then()
                .statusCode(400)
                .body("errors.path", contains("$.localStart"));
    }

    @Test
    void shouldRefuseAnAdHocSlotForAnotherCentresStaff() {
        as("staff-beirut")
                .contentType(ContentType.JSON)
                .body(creation(LocalDate.now().plusWeeks(3), LocalTime.of(9, 7), 30, 1))
                .post(ADDIS + "/slots")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }
}
