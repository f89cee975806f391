package org.iom.dna.scheduling.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.rest.AdHocBookingRequest;
import org.iom.dna.scheduling.service.ReplicaService;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ad-hoc case (sampling outside the centres) is booked by the staff of a centre at a place and time they
 * arranged, in a slot of its own that no other family is offered. Staff of Addis Ababa (ET-ADD) act for their own
 * centre only.
 */
@QuarkusTest
class AdHocBookingTest {

    private static final String ADDIS = "ET-ADD";
    private static final String HOSPITAL = "Gondar university hospital, outpatients' wing";

    @Inject
    SchedulingState scheduling;

    @Inject
    ReplicaService replicas;

    @BeforeEach
    void addisIsDescribed() {
        QuarkusTransaction.requiringNew()
                .run(() -> replicas.centreChanged(new CentreChangedV1(
                        ADDIS,
                        "IOM MHAC Addis Ababa",
                        "ET",
                        "Addis Ababa",
                        AppointmentDay.MORNING.getId(),
                        "ACTIVE",
                        Instant.now(),
                        List.of("am", "ti", "en"),
                        List.of())));
    }

    private static LocalDate inFiveDays() {
        return today().plusDays(5);
    }

    private static ValidatableResponse bookAdHoc(String user, UUID requestId, AdHocBookingRequest body) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(AppointmentDay.json(body))
                .put("/api/v1/families/{id}/ad-hoc-appointment", requestId)
                .then()
                .log()
                .ifValidationFails();
    }

    private SamplingRequestReceivedV1 adHocFamily() {
        SamplingRequestReceivedV1 family = family("ET").adHoc().adults(2).build();
        scheduling.receive(family);
        return family;
    }

    @Test
    void shouldBookTheWholeFamilyAtThePlaceStaffArranged() {
        SamplingRequestReceivedV1 family = adHocFamily();

        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(200)
                .body("location", equalTo(HOSPITAL))
                .body("bookedBy", equalTo("staff-addis"))
                .body("localDate", equalTo(inFiveDays().toString()));

        Appointment live = scheduling.liveAppointment(family.requestId()).orElseThrow();
        assertThat(live.members)
                .extracting(m -> m.slotId)
                .containsOnly(live.members.get(0).slotId)
                .hasSize(2);
    }

    @Test
    void shouldTellEveryoneWhereTheFamilyIsSeen() {
        SamplingRequestReceivedV1 family = adHocFamily();

        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(200);

        assertThat(scheduling.published(family.requestId(), AppointmentBookedV1.TYPE, AppointmentBookedV1.class))
                .singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo(HOSPITAL));
    }

    @Test
    void shouldNeverOfferTheAdHocSlotToAnotherFamily() {
        SamplingRequestReceivedV1 adHoc = adHocFamily();
        bookAdHoc(
                        "staff-addis",
                        adHoc.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(200);
        Appointment live = scheduling.liveAppointment(adHoc.requestId()).orElseThrow();
        scheduling.cancel(org.iom.dna.scheduling.testdata.Events.cancelled(adHoc.requestId())); // its places free again

        UUID adHocSlot = live.members.get(0).slotId;

        SamplingRequestReceivedV1 other = family("ET").adults(2).build();
        scheduling.receive(other);

        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofSeconds(3))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> scheduling.slot(adHocSlot).booked == 0);
        scheduling
                .liveAppointment(other.requestId())
                .ifPresent(a -> assertThat(a.members).extracting(m -> m.slotId).doesNotContain(adHocSlot));
    }

    @Test
    void shouldRefuseACaseTheIndAskedForAtACentre() {
        SamplingRequestReceivedV1 family = family("ET").adults(1).build();
        scheduling.receive(family);

        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("not-ad-hoc").toString()));
    }

    @Test
    void shouldRefuseATimeThatHasPassed() {
        SamplingRequestReceivedV1 family = adHocFamily();

        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, today().minusDays(1), LocalTime.of(10, 0)))
                .statusCode(400)
                .body("errors.path", hasItem("$.localDate"));
    }

    @Test
    void shouldRefuseADayAfterTheDeadline() {
        SamplingRequestReceivedV1 family = adHocFamily();

        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(
                                ADDIS, HOSPITAL, family.deadline().plusDays(1), LocalTime.of(10, 0)))
                .statusCode(400)
                .body("errors.path", hasItem("$.localDate"));
    }

    @Test
    void shouldRequireALocation() {
        SamplingRequestReceivedV1 family = adHocFamily();

        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, " ", inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(400)
                .body("errors.path", hasItem("$.location"));
    }

    @Test
    void shouldAnswerAnotherCentresStaffAsIfTheCentreDidNotExist() {
        SamplingRequestReceivedV1 family = adHocFamily();

        bookAdHoc(
                        "staff-beirut",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(404);

        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
    }

    @Test
    void shouldShowTheLocationOnTheCentresDayList() {
        SamplingRequestReceivedV1 family = adHocFamily();
        UUID appointment = UUID.fromString(bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(200)
                .extract()
                .path("id"));

        AppointmentDay.dayList("staff-addis", ADDIS, inFiveDays())
                .statusCode(200)
                .body("appointments.find { it.appointmentId == '" + appointment + "' }.location", equalTo(HOSPITAL));
    }

    @Test
    void shouldMoveAnAdHocFamilyAlreadyBooked() {
        SamplingRequestReceivedV1 family = adHocFamily();
        bookAdHoc(
                        "staff-addis",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays(), LocalTime.of(10, 0)))
                .statusCode(200);

        bookAdHoc(
                        "officer",
                        family.requestId(),
                        new AdHocBookingRequest(ADDIS, HOSPITAL, inFiveDays().plusDays(1), LocalTime.of(9, 0)))
                .statusCode(200)
                .body("sequence", equalTo(1));

        assertThat(scheduling.appointments(family.requestId())).hasSize(2);
    }

    @Test
    void shouldNotBookAnAdHocCaseIntoTheCentresOwnSlots() {
        scheduling.open(slot(ADDIS, daysAhead(6, 9), 4));
        SamplingRequestReceivedV1 family = adHocFamily();

        // Ad-hoc cases are left to staff: nothing books it, however many centre places are free.
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofSeconds(3))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> scheduling.liveAppointment(family.requestId()).isEmpty());
    }
}
