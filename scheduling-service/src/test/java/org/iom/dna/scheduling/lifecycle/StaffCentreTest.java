package org.iom.dna.scheduling.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.bookByHand;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.close;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.dayList;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.handBooking;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.outcome;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.record;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.slotToday;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.testdata.Events.family;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.scheduling.domain.Attendance;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MHAC staff work with their own centre's day only: staff of Addis Ababa (ET-ADD) see its list and record its
 * attendance; staff of Beirut are answered as if the appointment did not exist. The list carries references,
 * age bands and needs, never names.
 */
@QuarkusTest
class StaffCentreTest {

    private static final String ADDIS = "ET-ADD";

    @Inject
    SchedulingState scheduling;

    private SamplingRequestReceivedV1 family;
    private UUID appointment;

    @Inject
    org.iom.dna.scheduling.service.ReplicaService replicas;

    @BeforeEach
    void aFamilyBookedTodayInAddis() {
        // The registry describes Addis Ababa: its interpreters speak Tigrinya, which the family needs.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> replicas.centreChanged(new org.iom.dna.events.CentreChangedV1(
                        ADDIS,
                        "IOM MHAC Addis Ababa",
                        "ET",
                        "Addis Ababa",
                        AppointmentDay.MORNING.getId(),
                        "ACTIVE",
                        java.time.Instant.now(),
                        List.of("am", "ti", "en"),
                        List.of("WHEELCHAIR_ACCESS", "MEDICAL_CARE"))));
        family = family("ET")
                .members(new Member("P-ELDER", 67, false, null, "ti", true, true, false, "ET", null))
                .build();
        scheduling.receive(List.of(slotToday(ADDIS, "ET", 14, 1)), List.of(family));
        appointment = UUID.fromString(bookByHand("officer", family.requestId(), handBooking(ADDIS, today()))
                .statusCode(200)
                .extract()
                .path("id"));
    }

    @Test
    void shouldLetNotificationServiceReadTheDayListToEmailItToTheCentre() {
        given().auth()
                .oauth2(Tokens.notificationService())
                .get("/api/v1/centres/" + ADDIS + "/days/" + today())
                .then()
                .statusCode(200)
                .body("appointments.appointmentId", hasItem(appointment.toString()));
    }

    @Test
    void shouldNotLetNotificationServiceRecordAttendance() {
        given().auth()
                .oauth2(Tokens.notificationService())
                .post("/api/v1/centres/" + ADDIS + "/days/" + today() + "/close")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldListTheFamilyForStaffOfTheCentre() {
        dayList("staff-addis", ADDIS, today())
                .statusCode(200)
                .body("appointments.appointmentId", hasItem(appointment.toString()));
    }

    @Test
    void shouldShowStaffTheLanguageAndNeedsOfAMember() {
        dayList("staff-addis", ADDIS, today())
                .statusCode(200)
                .body(
                        "appointments.find { it.appointmentId == '" + appointment + "' }.members[0].language",
                        equalTo("ti"))
                .body(
                        "appointments.find { it.appointmentId == '" + appointment + "' }.members[0].needsInterpreter",
                        equalTo(true))
                .body(
                        "appointments.find { it.appointmentId == '" + appointment + "' }.members[0].ageBand",
                        equalTo("60+"));
    }

    @Test
    void shouldNotNameAnyoneOnTheDayList() {
        dayList("staff-addis", ADDIS, today())
                .statusCode(200)
                .body("appointments[0].members[0].keySet()", not(hasItem("name")))
                .body("appointments[0].members[0].keySet()", not(hasItem("dateOfBirth")));
    }

    @Test
    void shouldAnswerAnotherCentresStaffAsIfTheDayListDidNotExist() {
        dayList("staff-beirut", ADDIS, today()).statusCode(404);
    }

    @Test
    void shouldLetStaffOfTheCentreRecordAttendance() {
        record("staff-addis", appointment, "P-ELDER", outcome(Attendance.CHECKED_IN))
                .statusCode(200)
                .body("attendance", equalTo("CHECKED_IN"));
    }

    @Test
    void shouldAnswerAnotherCentresStaffAsIfTheAppointmentDidNotExist() {
        record("staff-beirut", appointment, "P-ELDER", outcome(Attendance.CHECKED_IN))
                .statusCode(404);
    }

    @Test
    void shouldAnswerAnotherCentresStaffAsIfTheDayDidNotExistWhenClosing() {
        close("staff-beirut", ADDIS, today()).statusCode(404);
    }

    @Test
    void shouldRefuseTheIndSystemTheDayList() {
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(org.iom.dna.testing.Tokens.indSystem())
                .get("/api/v1/centres/{c}/days/{d}", ADDIS, today().toString())
                .then()
                .statusCode(401);
    }
}
