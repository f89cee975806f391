package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.messaging.InMemoryAppointments;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.PublishedEvents;
import org.junit.jupiter.api.Test;

/**
 * A family member whose message keeps failing is escalated, not forgotten: after the last allowed attempt
 * (one, in this profile) the delivery fails for good and the member is reported unreachable.
 */
@QuarkusTest
@TestProfile(InMemoryAppointments.class)
class DeliveryGiveUpTest {

    @Inject
    DeliveryService deliveries;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void shouldFailTheDeliveryForGoodAfterTheLastAllowedAttempt() {
        AppointmentBookedV1 booked = bookRefusedAddress();

        Delivery failed = awaitSettled(booked);

        assertThat(failed.status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.sentAt).isNull();
    }

    @Test
    void shouldReportTheLastAttemptAsGivenUp() {
        AppointmentBookedV1 booked = bookRefusedAddress();
        awaitSettled(booked);

        List<ContactAttemptRecordedV1> attempts = PublishedEvents.of(
                em, json, booked.requestId(), ContactAttemptRecordedV1.TYPE, ContactAttemptRecordedV1.class);

        assertThat(attempts).extracting(ContactAttemptRecordedV1::outcome).containsExactly("FAILED", "GAVE_UP");
    }

    @Test
    void shouldReportTheMemberUnreachable() {
        AppointmentBookedV1 booked = bookRefusedAddress();
        awaitSettled(booked);

        List<MemberUnreachableV1> unreachable =
                PublishedEvents.of(em, json, booked.requestId(), MemberUnreachableV1.TYPE, MemberUnreachableV1.class);

        assertThat(unreachable).hasSize(1);
        assertThat(unreachable.get(0).requestId()).isEqualTo(booked.requestId());
        assertThat(unreachable.get(0).memberRef())
                .isEqualTo(booked.members().get(0).memberRef());
        assertThat(unreachable.get(0).attempts()).isEqualTo(1);
    }

    private AppointmentBookedV1 bookRefusedAddress() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member(IntakeContactStub.BAD_MAIL));
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
        return booked;
    }

    /** The confirmation's e-mail (the only channel the member has) once no channel of it is pending. */
    private Delivery awaitSettled(AppointmentBookedV1 booked) {
        return await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> forRequest(booked.requestId()),
                        list -> !list.isEmpty() && list.stream().noneMatch(d -> d.status == DeliveryStatus.PENDING))
                .stream()
                .filter(d -> d.channel == Channel.EMAIL)
                .findFirst()
                .orElseThrow();
    }

    /** The request's deliveries, read in a transaction of its own (Awaitility polls on another thread). */
    private List<Delivery> forRequest(UUID requestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(requestId).stream()
                        .filter(d -> d.kind.equals(DeliveryService.CONFIRMATION))
                        .toList());
    }
}
