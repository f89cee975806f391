package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.iom.dna.notification.support.PublishedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An outage on our side is not a family that cannot be reached: while intake is down the message waits, however
 * many times it is put off, and goes out when intake is back, with no contact attempt counted against the family.
 * (The fault suite holds intake down for minutes; here the back-off is shortened.)
 */
@QuarkusTest
class OutageTest {

    @Inject
    DeliveryService deliveries;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @AfterEach
    void intakeBack() {
        IntakeContactStub.INTAKE_DOWN.set(false);
    }

    @Test
    void shouldSendTheMessageWhenIntakeIsBackAndMarkNobodyUnreachable() {
        IntakeContactStub.INTAKE_DOWN.set(true);
        String member = Bookings.member(IntakeContactStub.FLAKY);
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));

        Delivery putOff = await().atMost(Duration.ofSeconds(30))
                .until(() -> confirmation(booked), d -> d.outageRetries >= 6); // more than max-attempts (5)
        assertThat(putOff.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(putOff.attempts).isZero();

        IntakeContactStub.INTAKE_DOWN.set(false);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)), m -> m.size() == 1);
        assertThat(PublishedEvents.of(
                        em, json, booked.requestId(), MemberUnreachableV1.TYPE, MemberUnreachableV1.class))
                .isEmpty();
        assertThat(PublishedEvents.of(
                        em, json, booked.requestId(), ContactAttemptRecordedV1.TYPE, ContactAttemptRecordedV1.class))
                .extracting(ContactAttemptRecordedV1::outcome)
                .containsExactly("SENT");
    }

    @Test
    void shouldSendWhatAnOutagePutOffAsSoonAsIntakeIsBack() {
        IntakeContactStub.INTAKE_DOWN.set(true);
        String waitingLong = Bookings.member(IntakeContactStub.FLAKY);
        String dueSoon = Bookings.member(IntakeContactStub.FLAKY);
        AppointmentBookedV1 first = Bookings.booked(UUID.randomUUID(), waitingLong);
        AppointmentBookedV1 second = Bookings.booked(UUID.randomUUID(), dueSoon);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> confirmation(first), d -> d.outageRetries >= 2);
        // As after a long outage: the first message's back-off has grown to an hour.
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.update(
                        "nextAttemptAt = ?1, lastError = ?2, waitingFor = ?3 where id = ?4",
                        java.time.Instant.now().plus(Duration.ofHours(1)),
                        "intake answered 503",
                        Delivery.WAITING_FOR_INTAKE,
                        confirmation(first).id));

        IntakeContactStub.INTAKE_DOWN.set(false);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(second));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(waitingLong)), m -> m.size() == 1);
    }

    private Delivery confirmation(AppointmentBookedV1 booked) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(booked.requestId()).stream()
                        .filter(d -> d.kind.equals(DeliveryService.CONFIRMATION))
                        .findFirst()
                        .orElseThrow());
    }
}
