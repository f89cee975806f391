package org.iom.dna.scheduling.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.bookByHand;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.handBooking;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.outcome;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.record;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.sampled;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.slotToday;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.minor;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.scheduling.domain.Attendance;
import org.iom.dna.scheduling.rest.AttendanceRequest;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** MHAC staff record each member on the appointment day; outcomes reach the IND; corrections leave a trail. */
@QuarkusTest
class AttendanceTest {

    private static final String OFFICER = "officer";

    @Inject
    SchedulingState scheduling;

    /** A mother and her son booked today at a centre of their own; returns the appointment id. */
    private UUID bookedToday(SamplingRequestReceivedV1 family, String centre) {
        SlotOpenedV1 slot = slotToday(centre, family.country(), 13, 2);
        scheduling.receive(List.of(slot), List.of(family));
        return UUID.fromString(bookByHand(OFFICER, family.requestId(), handBooking(centre, today()))
                .statusCode(200)
                .extract()
                .path("id"));
    }

    private SamplingRequestReceivedV1 motherAndSon(String country) {
        return family(country)
                .members(adult("P-MOTHER", country), minor("P-SON", "P-MOTHER", country))
                .build();
    }

    @Test
    void shouldCheckAMemberIn() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-MOTHER", new AttendanceRequest(Attendance.CHECKED_IN, true, null, null, null))
                .statusCode(200)
                .body("attendance", equalTo("CHECKED_IN"))
                .body("identityVerified", equalTo(true));
    }

    @Test
    void shouldNotReportACheckInToTheInd() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 family = motherAndSon(country);
        UUID appointment = bookedToday(family, AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-MOTHER", outcome(Attendance.CHECKED_IN)).statusCode(200);

        assertThat(scheduling.published(family.requestId(), AttendanceRecordedV1.TYPE, AttendanceRecordedV1.class))
                .isEmpty();
    }

    @Test
    void shouldReportASampleToTheInd() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 family = motherAndSon(country);
        UUID appointment = bookedToday(family, AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-MOTHER", sampled("P-MOTHER", "KIT-1")).statusCode(200);

        assertThat(scheduling.published(family.requestId(), AttendanceRecordedV1.TYPE, AttendanceRecordedV1.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.appointmentId()).isEqualTo(appointment);
                    assertThat(e.memberRef()).isEqualTo("P-MOTHER");
                    assertThat(e.outcome()).isEqualTo("SAMPLED");
                });
    }

    @Test
    void shouldAcceptTheMothersConsentForHerSon() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-SON", sampled("P-MOTHER", "KIT-2"))
                .statusCode(200)
                .body("consentGivenBy", equalTo("P-MOTHER"))
                .body("kitNumber", equalTo("KIT-2"));
    }

    @Test
    void shouldRefuseASampleWithoutVerifiedIdentityOrKit() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(
                        OFFICER,
                        appointment,
                        "P-MOTHER",
                        new AttendanceRequest(Attendance.SAMPLED, false, "P-MOTHER", null, null))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", hasItems("$.identityVerified", "$.kitNumber"));
    }

    @Test
    void shouldRefuseConsentFromSomeoneOutsideTheCase() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-SON", sampled("P-NEIGHBOUR", "KIT-3"))
                .statusCode(400)
                .body("errors.path", contains("$.consentGivenBy"));
    }

    @Test
    void shouldAcceptConsentFromAnAppointedGuardian() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-SON", sampled("GUARDIAN", "KIT-4")).statusCode(200);
    }

    @Test
    void shouldRefuseBookedAsARecord() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-MOTHER", outcome(Attendance.BOOKED))
                .statusCode(400)
                .body("errors.path", hasItem("$.attendance"));
    }

    @Test
    void shouldRequireAReasonToChangeARecordedOutcome() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());
        record(OFFICER, appointment, "P-MOTHER", outcome(Attendance.NO_SHOW)).statusCode(200);

        record(OFFICER, appointment, "P-MOTHER", sampled("P-MOTHER", "KIT-5"))
                .statusCode(400)
                .body("errors.path", contains("$.correctionReason"));
    }

    @Test
    void shouldKeepEveryRecordWhenAnOutcomeIsCorrected() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());
        record(OFFICER, appointment, "P-MOTHER", outcome(Attendance.NO_SHOW)).statusCode(200);

        record(
                        OFFICER,
                        appointment,
                        "P-MOTHER",
                        new AttendanceRequest(Attendance.SAMPLED, true, "P-MOTHER", "KIT-6", "arrived late"))
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.user(OFFICER))
                .get("/api/v1/appointments/{a}/attendance", appointment)
                .then()
                .statusCode(200)
                .body("attendance", contains("NO_SHOW", "SAMPLED"))
                .body("correctionReason", contains(null, "arrived late"))
                .body("recordedBy", contains(OFFICER, OFFICER));
    }

    @Test
    void shouldReportTheCorrectedOutcomeToTheInd() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 family = motherAndSon(country);
        UUID appointment = bookedToday(family, AppointmentDay.uniqueCentre());
        record(OFFICER, appointment, "P-MOTHER", outcome(Attendance.NO_SHOW)).statusCode(200);

        record(
                        OFFICER,
                        appointment,
                        "P-MOTHER",
                        new AttendanceRequest(Attendance.SAMPLED, true, "P-MOTHER", "KIT-7", "arrived late"))
                .statusCode(200);

        assertThat(scheduling.published(family.requestId(), AttendanceRecordedV1.TYPE, AttendanceRecordedV1.class))
                .extracting(AttendanceRecordedV1::outcome)
                .containsExactly("NO_SHOW", "SAMPLED");
    }

    @Test
    void shouldRefuseAttendanceBeforeTheDay() {
        String country = uniqueCountry();
        String centre = AppointmentDay.uniqueCentre();
        SamplingRequestReceivedV1 family = motherAndSon(country);
        SlotOpenedV1 tomorrow = AppointmentDay.slotAt(
                centre,
                country,
                today().plusDays(1).atTime(10, 0).atZone(AppointmentDay.MORNING).toInstant(),
                2);
        scheduling.receive(List.of(tomorrow), List.of(family));
        UUID appointment =
                UUID.fromString(bookByHand(OFFICER, family.requestId(), handBooking(centre, today().plusDays(1)))
                        .statusCode(200)
                        .extract()
                        .path("id"));

        record(OFFICER, appointment, "P-MOTHER", outcome(Attendance.CHECKED_IN))
                .statusCode(409)
                .body("type", equalTo(Problem.type("day-not-begun").toString()));
    }

    @Test
    void shouldAnswerAnUnknownMemberAsAbsent() {
        String country = uniqueCountry();
        UUID appointment = bookedToday(motherAndSon(country), AppointmentDay.uniqueCentre());

        record(OFFICER, appointment, "P-STRANGER", outcome(Attendance.CHECKED_IN))
                .statusCode(404);
    }

    @Test
    void shouldAnswerAnUnknownAppointmentAsAbsent() {
        record(OFFICER, UUID.randomUUID(), "P-MOTHER", outcome(Attendance.CHECKED_IN))
                .statusCode(404);
    }

    @Test
    void shouldRefuseTheIndSystemAttendance() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType("application/json")
                .body(AppointmentDay.json(outcome(Attendance.CHECKED_IN)))
                .put("/api/v1/appointments/{a}/members/{m}/attendance", UUID.randomUUID(), "P-1")
                .then()
                .statusCode(401);
    }
}
