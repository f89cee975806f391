package org.iom.dna.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** An AppointmentBookedV1 from the real broker becomes a real e-mail in the local SMTP server. */
@QuarkusTest
@QuarkusTestResource(IntakeContactStub.class)
class ConfirmationDeliveryTest {

    static final String MAIL_API = System.getProperty("dna.mail.api", "http://127.0.0.1:8025/api/user/");

    @Test
    void shouldEmailEveryMemberWithAnAddressAndLogEveryAttempt() {
        UUID requestId = UUID.randomUUID();
        String withMail = "M" + UUID.randomUUID().toString().substring(0, 8);
        String withoutMail = "NOMAIL-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now().plusDays(9);
        String booked = """
                {"appointmentId": "%s", "requestId": "%s", "centreCode": "ET-ADD", "zone": "Africa/Addis_Ababa",
                 "localDate": "%s", "sequence": 0, "bookedAt": "2026-11-28T10:00:00Z",
                 "members": [
                   {"memberRef": "%s", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"},
                   {"memberRef": "%s", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"}]}
                """.formatted(
                        UUID.randomUUID(),
                        requestId,
                        day,
                        withMail,
                        UUID.randomUUID(),
                        day,
                        withoutMail,
                        UUID.randomUUID(),
                        day);
        try (TopicProbe attempts = TopicProbe.open("test.notification.deliveries.v1")) {
            TopicProbe.publish(
                    "test.scheduling.appointments.v1",
                    requestId.toString(),
                    "org.iom.dna.scheduling.AppointmentBooked.v1",
                    booked);
            var sent = attempts.await(
                    r -> requestId.toString().equals(r.key()) && r.value().contains("\"SENT\""),
                    Duration.ofSeconds(30));
            assertEquals("org.iom.dna.notification.ContactAttemptRecorded.v1", TopicProbe.header(sent, "ce_type"));
            assertTrue(
                    sent.value().contains(withMail) && !sent.value().contains("@families.test"),
                    "the attempt names the member, never the address");
            attempts.await(
                    r -> requestId.toString().equals(r.key()) && r.value().contains("\"NO_CHANNEL\""),
                    Duration.ofSeconds(30));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.user("officer"))
                        .queryParam("requestId", requestId.toString())
                        .get("/api/v1/deliveries")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(2))
                        .body("status", containsInAnyOrder("SENT", "NO_CHANNEL"))
                        .body("find { it.memberRef == '" + withMail + "' }.attempts", equalTo(1)));

        String deliveryId = given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("requestId", requestId.toString())
                .get("/api/v1/deliveries")
                .then()
                .extract()
                .path("find { it.memberRef == '" + withMail + "' }.id");
        given().get(MAIL_API + withMail.toLowerCase() + "@families.test/messages/INBOX")
                .then()
                .statusCode(200)
                // A re-send after a crash carries the same Message-ID: recipients' mail systems see one message.
                .body(containsString("Message-ID: <" + deliveryId + "@dna-sampling.iom.example>"))
                .body(containsString("Your DNA sampling appointment on " + day))
                .body(containsString("08:30 local time (Africa/Addis_Ababa)"))
                .body(containsString("Dear Selam"));
        assertTrue(
                IntakeContactStub.AUTHORIZATIONS.stream().allMatch(h -> h.startsWith("Bearer ey")),
                "intake is called with notification-service's own token");
    }

    @Test
    void shouldRetryWhenIntakeIsDownAndDropMessagesForACancelledAppointment() {
        UUID requestId = UUID.randomUUID();
        UUID appointmentId = UUID.randomUUID();
        String member = "DOWN-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now().plusDays(9);
        TopicProbe.publish(
                "test.scheduling.appointments.v1",
                requestId.toString(),
                "org.iom.dna.scheduling.AppointmentBooked.v1",
                """
                {"appointmentId": "%s", "requestId": "%s", "centreCode": "ET-ADD", "zone": "Africa/Addis_Ababa",
                 "localDate": "%s", "sequence": 0, "bookedAt": "2026-11-28T10:00:00Z",
                 "members": [{"memberRef": "%s", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"}]}
                """.formatted(appointmentId, requestId, day, member, UUID.randomUUID(), day));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.user("officer"))
                        .queryParam("requestId", requestId.toString())
                        .get("/api/v1/deliveries")
                        .then()
                        .body("[0].status", equalTo("PENDING"))
                        .body("[0].attempts", equalTo(1))
                        .body("[0].lastError", equalTo("intake answered 503")));

        TopicProbe.publish(
                "test.scheduling.appointments.v1",
                requestId.toString(),
                "org.iom.dna.scheduling.AppointmentCancelled.v1",
                """
                {"appointmentId": "%s", "requestId": "%s", "reason": "SLOT_WITHDRAWN", "cancelledAt": "2026-11-29T10:00:00Z"}
                """.formatted(appointmentId, requestId));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.user("officer"))
                        .queryParam("requestId", requestId.toString())
                        .get("/api/v1/deliveries")
                        .then()
                        .body("[0].status", equalTo("CANCELLED")));
    }

    @Test
    void shouldGuardDeliveryLog() {
        given().queryParam("requestId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("requestId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("requestId"));
    }
}
