package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.iom.dna.notification.support.PublishedEvents;
import org.iom.dna.notification.support.Smsc;
import org.junit.jupiter.api.Test;

/**
 * Each member is reached on the channels they have, in order (SMS, e-mail, a proxy's phone), through the local
 * SMSC simulator over SMPP and the local SMTP server; delivery receipts decide whether an SMS arrived.
 */
@QuarkusTest
class ChannelFallbackTest {

    private static final Duration SENDING = Duration.ofSeconds(30);

    @Inject
    DeliveryService deliveries;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void shouldReachAPhoneOnlyMemberBySms() {
        String member = Bookings.member(IntakeContactStub.PHONE);
        book(member);

        List<Map<String, Object>> received = awaitSms(IntakeContactStub.phoneOf(member));

        assertThat(received).hasSize(1);
        assertThat((String) received.get(0).get("text")).contains("IOM").contains(member);
        assertThat(received.get(0).get("encoding")).isEqualTo("GSM7");
    }

    @Test
    void shouldRecordTheDeliveryReceiptOfAnSms() {
        String member = Bookings.member(IntakeContactStub.PHONE);
        AppointmentBookedV1 booked = book(member);

        Delivery delivered = await().atMost(SENDING)
                .until(() -> onChannel(booked, Channel.SMS), d -> d != null && d.receipt != null);

        assertThat(delivered.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivered.receipt).isEqualTo("DELIVERED");
        assertThat(delivered.providerRef).isNotBlank();
        assertThat(attempts(booked))
                .extracting(ContactAttemptRecordedV1::outcome)
                .containsExactly("SENT", "DELIVERED");
    }

    @Test
    void shouldSendAnAmharicSmsInUcs2() {
        String member = Bookings.member(IntakeContactStub.PHONE);
        IntakeContactStub.LANGUAGES.put(member, "am");
        book(member);

        Map<String, Object> received =
                awaitSms(IntakeContactStub.phoneOf(member)).get(0);

        assertThat(received.get("encoding")).isEqualTo("UCS2");
        assertThat((String) received.get("text")).contains("ቀጠሮ").contains(member);
        assertThat((Integer) received.get("parts")).isGreaterThan(1);
    }

    @Test
    void shouldFallBackToEmailWhenTheSmsCannotBeDelivered() {
        String member = Bookings.member(IntakeContactStub.UNDELIVERABLE);
        AppointmentBookedV1 booked = book(member);

        awaitMail(member);

        assertThat(onChannel(booked, Channel.SMS).receipt).isEqualTo("UNDELIVERABLE");
        assertThat(onChannel(booked, Channel.SMS).status).isEqualTo(DeliveryStatus.FAILED);
        // e-mail follows WhatsApp, which the member does not have, which followed the SMS
        assertThat(onChannel(booked, Channel.EMAIL).fallbackOf).isEqualTo(onChannel(booked, Channel.WHATSAPP).id);
        assertThat(onChannel(booked, Channel.WHATSAPP).fallbackOf).isEqualTo(onChannel(booked, Channel.SMS).id);
    }

    @Test
    void shouldFallBackToEmailWhenTheSmscRefusesTheNumber() {
        String member = Bookings.member(IntakeContactStub.BAD_PHONE);
        AppointmentBookedV1 booked = book(member);

        awaitMail(member);

        assertThat(onChannel(booked, Channel.SMS).status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(onChannel(booked, Channel.SMS).lastError).startsWith("SMSC refused the destination");
    }

    @Test
    void shouldReachAMemberWithoutPhoneOrEmailThroughTheirProxy() {
        String member = Bookings.member(IntakeContactStub.PROXY);
        book(member);

        Map<String, Object> received =
                awaitSms(IntakeContactStub.phoneOf(member)).get(0);

        assertThat((String) received.get("text")).startsWith("For " + IntakeContactStub.GIVEN_NAME + ":");
    }

    @Test
    void shouldSkipTheChannelsAMemberDoesNotHaveWithoutReportingThem() {
        String member = Bookings.member(IntakeContactStub.MAIL);
        AppointmentBookedV1 booked = book(member);
        awaitMail(member);

        assertThat(onChannel(booked, Channel.SMS).status).isEqualTo(DeliveryStatus.NO_CHANNEL);
        assertThat(attempts(booked))
                .extracting(ContactAttemptRecordedV1::channel)
                .containsExactly("EMAIL");
        // Straight from SMS to e-mail with the contact details already read: no WhatsApp delivery (nor a second call
        // to intake) for a member who has no WhatsApp number.
        assertThat(onChannel(booked, Channel.WHATSAPP)).isNull();
        assertThat(onChannel(booked, Channel.EMAIL).fallbackOf).isEqualTo(onChannel(booked, Channel.SMS).id);
        assertThat(IntakeContactStub.CALLS)
                .filteredOn(call -> call.contains("/members/" + member + "/contact"))
                .hasSize(1);
    }

    @Test
    void shouldFallBackToEmailWhenAnSmsReceiptNeverComes() {
        String member = Bookings.member(IntakeContactStub.MAIL);
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        // An SMS the SMSC took two days ago and never confirmed (the member also has an e-mail address).
        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentBooked(booked);
            Delivery.update(
                    "status = ?1, sentAt = ?2, attempts = 1, providerRef = ?3 where requestId = ?4 and channel = ?5"
                            + " and kind = ?6",
                    DeliveryStatus.SENT,
                    java.time.Instant.now().minus(Duration.ofDays(2)),
                    "lost-" + UUID.randomUUID(),
                    booked.requestId(),
                    Channel.SMS,
                    DeliveryService.CONFIRMATION);
        });

        outcomes.receiptsOverdue(java.time.Instant.now().minus(Duration.ofHours(24)));

        awaitMail(member);
        assertThat(onChannel(booked, Channel.SMS).status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(onChannel(booked, Channel.SMS).lastError).isEqualTo("no delivery receipt");
    }

    private AppointmentBookedV1 book(String member) {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
        return booked;
    }

    private static List<Map<String, Object>> awaitSms(String number) {
        return await().atMost(SENDING).until(() -> Smsc.messages(number), m -> !m.isEmpty());
    }

    private static void awaitMail(String member) {
        await().atMost(SENDING).until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)), m -> !m.isEmpty());
    }

    private Delivery onChannel(AppointmentBookedV1 booked, Channel channel) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(booked.requestId()).stream()
                        .filter(d -> d.kind.equals(DeliveryService.CONFIRMATION) && d.channel == channel)
                        .findFirst()
                        .orElse(null));
    }

    private List<ContactAttemptRecordedV1> attempts(AppointmentBookedV1 booked) {
        return PublishedEvents.of(
                em, json, booked.requestId(), ContactAttemptRecordedV1.TYPE, ContactAttemptRecordedV1.class);
    }
}
