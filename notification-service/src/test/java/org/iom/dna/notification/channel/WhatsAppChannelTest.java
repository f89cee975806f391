package org.iom.dna.notification.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.iom.dna.notification.support.WhatsAppCloudStub;
import org.junit.jupiter.api.Test;

/**
 * A member who has only WhatsApp is reached there, through the Business Cloud API (a stub of it here); Meta's status
 * webhook, signed with the app secret, says whether it arrived, and a failure falls back to the next channel.
 */
@QuarkusTest
@QuarkusTestResource(WhatsAppCloudStub.class)
class WhatsAppChannelTest {

    private static final Duration SENDING = Duration.ofSeconds(30);

    @Inject
    DeliveryService deliveries;

    @Inject
    WhatsAppSender sender;

    @Test
    void shouldReachAWhatsAppOnlyMemberOnWhatsApp() {
        String member = Bookings.member(IntakeContactStub.WHATSAPP);
        book(member);

        WhatsAppCloudStub.Sent sent = await().atMost(SENDING)
                .until(() -> WhatsAppCloudStub.to(IntakeContactStub.phoneOf(member)), s -> !s.isEmpty())
                .get(0);

        assertThat(sent.text()).contains(member);
    }

    @Test
    void shouldRecordTheStatusMetaReportsBack() {
        String member = Bookings.member(IntakeContactStub.WHATSAPP);
        AppointmentBookedV1 booked = book(member);

        Delivery delivered = await().atMost(SENDING)
                .until(() -> onChannel(booked, Channel.WHATSAPP), d -> d != null && d.receipt != null);

        assertThat(delivered.receipt).isEqualTo("DELIVERED");
        assertThat(delivered.providerRef).startsWith("wamid.");
    }

    @Test
    void shouldFallBackToEmailWhenWhatsAppReportsAFailure() {
        String member = Bookings.member(IntakeContactStub.WHATSAPP_UNDELIVERABLE);
        AppointmentBookedV1 booked = book(member);

        await().atMost(SENDING).until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)), m -> !m.isEmpty());

        assertThat(onChannel(booked, Channel.WHATSAPP).receipt).isEqualTo("UNDELIVERABLE");
        assertThat(onChannel(booked, Channel.WHATSAPP).status).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void shouldRefuseAStatusWebhookNotSignedWithTheAppSecret() {
        given().contentType("application/json")
                .header("X-Hub-Signature-256", "sha256=" + "00".repeat(32))
                .body("{\"entry\": []}")
                .post("/webhooks/whatsapp")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldAcceptAStatusWebhookSignedWithTheAppSecret() {
        String body = "{\"entry\": []}";

        given().contentType("application/json")
                .header("X-Hub-Signature-256", "sha256=" + WhatsAppCloudStub.sign(body))
                .body(body)
                .post("/webhooks/whatsapp")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswerMetasVerificationOnlyWithTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", WhatsAppCloudStub.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/whatsapp")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/whatsapp")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldTreatARecipientErrorAsTheRecipientsFailure() {
        assertThat(sender.outcome(400, "{\"error\": {\"code\": 131026}}")).isInstanceOf(SendOutcome.Rejected.class);
        assertThat(sender.outcome(500, "{\"error\": {\"code\": 1}}")).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(sender.outcome(401, "{\"error\": {\"code\": 190}}")).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(sender.outcome(429, "")).isInstanceOf(SendOutcome.Unavailable.class);
    }

    private AppointmentBookedV1 book(String member) {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
        return booked;
    }

    private Delivery onChannel(AppointmentBookedV1 booked, Channel channel) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(booked.requestId()).stream()
                        .filter(d -> d.kind.equals(DeliveryService.CONFIRMATION) && d.channel == channel)
                        .findFirst()
                        .orElse(null));
    }
}
