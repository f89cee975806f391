package org.iom.dna.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real round trips: an appointment event from the real broker becomes a real e-mail in the local SMTP
 * server, and every attempt goes back out on {@code notification.deliveries.v1}.
 */
@QuarkusTest
@QuarkusTestResource(IntakeContactStub.class)
class ConfirmationDeliveryTest {

    private static final String APPOINTMENTS = "test." + Topics.APPOINTMENTS;
    private static final String DELIVERIES = "test." + Topics.DELIVERIES;

    @Inject
    ObjectMapper json;

    @Inject
    KafkaClientService kafka;

    /** The test profile's consumer starts at the end of the topic: publish only once it has its partitions. */
    @BeforeEach
    void consumerIsAssigned() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !kafka.getConsumer("appointments")
                        .getAssignments()
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .isEmpty());
    }

    @Test
    void shouldEmailAMemberWhenTheirFamilyIsBooked() throws Exception {
        String member = Bookings.member("M");
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);

        TopicProbe.publish(
                APPOINTMENTS, booked.requestId().toString(), AppointmentBookedV1.TYPE, json.writeValueAsString(booked));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)), m -> !m.isEmpty());
        Mailbox.Mail mail = Mailbox.mails(IntakeContactStub.emailOf(member)).get(0);
        assertThat(mail.subject()).startsWith("Your DNA sampling appointment on");
        assertThat(mail.text()).contains("08:30 (East Africa Time)").contains("Dear " + IntakeContactStub.GIVEN_NAME);
    }

    @Test
    void shouldReportEachAttemptOnTheDeliveriesTopic() throws Exception {
        String withMail = Bookings.member("M");
        String withoutMail = Bookings.member(IntakeContactStub.NO_MAIL);
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), withMail, withoutMail);
        String key = booked.requestId().toString();

        try (TopicProbe attempts = TopicProbe.open(DELIVERIES)) {
            TopicProbe.publish(APPOINTMENTS, key, AppointmentBookedV1.TYPE, json.writeValueAsString(booked));

            ConsumerRecord<String, String> sent = attempts.await(
                    r -> key.equals(r.key()) && attempt(r).memberRef().equals(withMail), Duration.ofSeconds(30));
            ConsumerRecord<String, String> noChannel = attempts.await(
                    r -> key.equals(r.key()) && attempt(r).memberRef().equals(withoutMail), Duration.ofSeconds(30));

            assertThat(TopicProbe.header(sent, "ce_type")).isEqualTo(ContactAttemptRecordedV1.TYPE);
            assertThat(attempt(sent).outcome()).isEqualTo("SENT");
            assertThat(attempt(noChannel).outcome()).isEqualTo("NO_CHANNEL");
            assertThat(sent.value())
                    .as("the attempt names the member, never the address")
                    .doesNotContain(IntakeContactStub.DOMAIN);
        }
    }

    @Test
    void shouldCancelAPendingMessageWhenTheAppointmentIsCancelled() throws Exception {
        // Intake is down for this member, so the confirmation is still waiting when the cancellation comes.
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member(IntakeContactStub.DOWN));
        String key = booked.requestId().toString();
        TopicProbe.publish(APPOINTMENTS, key, AppointmentBookedV1.TYPE, json.writeValueAsString(booked));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(booked.requestId()), s -> s.equals(List.of("PENDING")));

        TopicProbe.publish(
                APPOINTMENTS, key, AppointmentCancelledV1.TYPE, json.writeValueAsString(Bookings.cancelled(booked)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(booked.requestId()), s -> s.equals(List.of("CANCELLED")));
    }

    private ContactAttemptRecordedV1 attempt(ConsumerRecord<String, String> record) {
        try {
            return json.readValue(record.value(), ContactAttemptRecordedV1.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> statuses(UUID requestId) {
        return given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("requestId", requestId.toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.kind == 'APPOINTMENT_CONFIRMATION' }.status", String.class);
    }
}
