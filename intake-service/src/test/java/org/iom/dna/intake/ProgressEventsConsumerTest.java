package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** intake follows scheduling's AppointmentBookedV1 through the real broker. */
@QuarkusTest
class ProgressEventsConsumerTest {

    @Test
    void shouldMarkRequestScheduledWhenWholeFamilyIsBooked() {
        String id = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(Families.freshReference()))
                .post("/api/v1/sampling-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        LocalDate day = LocalDate.now().plusDays(10);
        String booked = """
                {"appointmentId": "%s", "requestId": "%s", "centreCode": "ET-ADD", "zone": "Africa/Addis_Ababa",
                 "localDate": "%s", "sequence": 0, "bookedAt": "2026-11-28T10:00:00Z",
                 "members": [
                   {"memberRef": "P-1", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"},
                   {"memberRef": "P-2", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"}]}
                """.formatted(UUID.randomUUID(), id, day, UUID.randomUUID(), day, UUID.randomUUID(), day);
        TopicProbe.publish(
                "test.scheduling.appointments.v1", id, "org.iom.dna.scheduling.AppointmentBooked.v1", booked);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.indSystem())
                        .get("/api/v1/sampling-requests/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("SCHEDULED"))
                        .body("members[0].appointment.centreCode", equalTo("ET-ADD"))
                        .body("members[0].appointment.localTime", equalTo("08:30:00"))
                        .body("members[1].appointment.zone", equalTo("Africa/Addis_Ababa")));

        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/sampling-requests/" + id + "/history")
                .then()
                .statusCode(200)
                .body("transitions.to", equalTo(List.of("RECEIVED", "SCHEDULED")));
    }

    @Test
    void shouldRecordARedeliveredContactAttemptOnce() {
        String id = Families.submitted();
        UUID delivery = UUID.randomUUID();
        String first = attempt(delivery, id, 1);
        // The same event again (a redelivery: same CloudEvents id), then the next attempt.
        TopicProbe.publish(NOTIFICATION, id, "org.iom.dna.notification.ContactAttemptRecorded.v1", first, ATTEMPT_ID);
        TopicProbe.publish(NOTIFICATION, id, "org.iom.dna.notification.ContactAttemptRecorded.v1", first, ATTEMPT_ID);
        TopicProbe.publish(
                NOTIFICATION, id, "org.iom.dna.notification.ContactAttemptRecorded.v1", attempt(delivery, id, 2));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.user("officer"))
                        .get("/api/v1/sampling-requests/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .body("contactAttempts.attempt", hasItems(2)));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/sampling-requests/" + id + "/history")
                .then()
                .body("contactAttempts.attempt", equalTo(List.of(1, 2)));
    }

    private static final String ATTEMPT_ID = UUID.randomUUID().toString();

    private static String attempt(UUID delivery, String requestId, int attempt) {
        return """
                {"deliveryId": "%s", "requestId": "%s", "memberRef": "P-1", "kind": "APPOINTMENT_CONFIRMATION",
                 "channel": "EMAIL", "attempt": %d, "outcome": "FAILED", "attemptedAt": "2026-11-28T10:0%d:00Z"}""".formatted(delivery, requestId, attempt, attempt);
    }

    private static final String SCHEDULING = "test.scheduling.appointments.v1";
    private static final String NOTIFICATION = "test.notification.deliveries.v1";

    private static String status(String id) {
        return given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/sampling-requests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private static void attendance(String id, String memberRef, String outcome) {
        TopicProbe.publish(SCHEDULING, id, "org.iom.dna.scheduling.AttendanceRecorded.v1", """
                {"requestId": "%s", "appointmentId": "%s", "memberRef": "%s", "outcome": "%s",
                 "recordedAt": "2026-12-07T06:05:00Z"}""".formatted(
                        id, UUID.randomUUID(), memberRef, outcome));
    }

    @Test
    void shouldFollowWaitlistAndAttendanceToSampled() {
        String id = Families.submitted();
        TopicProbe.publish(
                SCHEDULING,
                id,
                "org.iom.dna.scheduling.FamilyWaitlisted.v1",
                "{\"requestId\": \"" + id + "\", \"waitlistedAt\": \"2026-11-28T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITLISTED".equals(status(id)));

        attendance(id, "P-1", "SAMPLED");
        attendance(id, "P-2", "NO_SHOW");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PARTIALLY_SAMPLED".equals(status(id)));
        attendance(id, "P-2", "SAMPLED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SAMPLED".equals(status(id)));

        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/sampling-requests/" + id)
                .then()
                .body("members.outcome", org.hamcrest.Matchers.everyItem(equalTo("SAMPLED")));
    }

    @Test
    void shouldListContactAttemptsInHistoryAndMarkUnreachableMembers() {
        String id = Families.submitted();
        UUID delivery = UUID.randomUUID();
        for (int attempt = 1; attempt <= 2; attempt++) {
            TopicProbe.publish(NOTIFICATION, id, "org.iom.dna.notification.ContactAttemptRecorded.v1", """
                    {"deliveryId": "%s", "requestId": "%s", "memberRef": "P-1", "kind": "APPOINTMENT_CONFIRMATION",
                     "channel": "SMS", "attempt": %d, "outcome": "FAILED", "attemptedAt": "2026-11-28T10:0%d:00Z"}""".formatted(
                            delivery, id, attempt, attempt));
        }
        TopicProbe.publish(NOTIFICATION, id, "org.iom.dna.notification.MemberUnreachable.v1", """
                {"requestId": "%s", "memberRef": "P-1", "attempts": 6, "declaredAt": "2026-12-20T10:00:00Z"}""".formatted(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> "UNREACHABLE".equals(status(id)));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/sampling-requests/" + id + "/history")
                .then()
                .statusCode(200)
                .body("contactAttempts.attempt", equalTo(List.of(1, 2)))
                .body("contactAttempts[0].channel", equalTo("SMS"))
                .body("transitions.to", hasItems("RECEIVED", "UNREACHABLE"));
        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/sampling-requests/" + id)
                .then()
                .body("members[0].unreachable", equalTo(true));
    }

    @Test
    void shouldShowFamilyAsBeingRescheduledWhenItsAppointmentIsWithdrawn() {
        String id = Families.submitted();
        UUID appointment = UUID.randomUUID();
        LocalDate day = LocalDate.now().plusDays(10);
        TopicProbe.publish(SCHEDULING, id, "org.iom.dna.scheduling.AppointmentBooked.v1", """
                {"appointmentId": "%s", "requestId": "%s", "centreCode": "LB-BEY", "zone": "Asia/Beirut",
                 "localDate": "%s", "sequence": 0, "bookedAt": "2026-11-28T10:00:00Z",
                 "members": [{"memberRef": "P-1", "slotId": "%s", "startsAt": "%sT06:30:00Z", "localStart": "08:30:00"},
                             {"memberRef": "P-2", "slotId": "%s", "startsAt": "%sT06:30:00Z", "localStart": "08:30:00"}]}""".formatted(
                        appointment, id, day, UUID.randomUUID(), day, UUID.randomUUID(), day));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCHEDULED".equals(status(id)));
        TopicProbe.publish(
                SCHEDULING, id, "org.iom.dna.scheduling.AppointmentCancelled.v1", """
                {"appointmentId": "%s", "requestId": "%s", "reason": "SLOT_WITHDRAWN", "cancelledAt": "2026-11-29T10:00:00Z"}""".formatted(appointment, id));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITLISTED".equals(status(id)));
        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/sampling-requests/" + id)
                .then()
                .body("members[0].appointment", org.hamcrest.Matchers.nullValue());
    }
}
