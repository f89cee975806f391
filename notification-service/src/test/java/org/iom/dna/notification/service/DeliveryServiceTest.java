package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.Violation;
import org.junit.jupiter.api.Test;

/**
 * A booking becomes one pending message per member, sent later by the dispatcher; a cancellation stops
 * the messages that have not gone yet. Members here are ones intake is down for, so that nothing is sent
 * while a test looks.
 */
@QuarkusTest
class DeliveryServiceTest {

    @Inject
    DeliveryService deliveries;

    @Test
    void shouldCreateOnePendingConfirmationPerMemberWhenAFamilyIsBooked() {
        String first = Bookings.member(IntakeContactStub.DOWN);
        String second = Bookings.member(IntakeContactStub.DOWN);
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), first, second);

        book(booked);

        List<Delivery> created = deliveries.forRequest(booked.requestId());
        assertThat(created).extracting(d -> d.memberRef).containsExactlyInAnyOrder(first, second);
        assertThat(created).allSatisfy(d -> {
            assertThat(d.kind).isEqualTo(DeliveryService.CONFIRMATION);
            assertThat(d.channel).isEqualTo(Channel.EMAIL);
            assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
        });
    }

    @Test
    void shouldKeepTheAppointmentsFactsOnEachDelivery() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), UUID.randomUUID(), 2, member());

        book(booked);

        Delivery delivery = deliveries.forRequest(booked.requestId()).get(0);
        AppointmentBookedV1.BookedMember member = booked.members().get(0);
        assertThat(delivery.appointmentId).isEqualTo(booked.appointmentId());
        assertThat(delivery.sequence).isEqualTo(2);
        assertThat(delivery.centreCode).isEqualTo(booked.centreCode());
        assertThat(delivery.zone).isEqualTo(booked.zone());
        assertThat(delivery.localDate).isEqualTo(booked.localDate());
        assertThat(delivery.localStart).isEqualTo(member.localStart());
        assertThat(delivery.startsAt).isEqualTo(member.startsAt());
    }

    @Test
    void shouldCreateNewMessagesWhenAFamilyIsRebooked() {
        UUID requestId = UUID.randomUUID();
        String member = member();
        book(Bookings.booked(requestId, UUID.randomUUID(), 0, member));

        book(Bookings.booked(requestId, UUID.randomUUID(), 1, member));

        assertThat(deliveries.forRequest(requestId)).extracting(d -> d.sequence).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void shouldCancelThePendingMessagesOfACancelledAppointment() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member(), member());
        book(booked);

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        assertThat(deliveries.forRequest(booked.requestId()))
                .extracting(d -> d.status)
                .containsOnly(DeliveryStatus.CANCELLED);
    }

    @Test
    void shouldKeepTheMessagesOfTheFamilysNewAppointmentWhenTheOldOneIsCancelled() {
        UUID requestId = UUID.randomUUID();
        String member = member();
        AppointmentBookedV1 old = Bookings.booked(requestId, UUID.randomUUID(), 0, member);
        AppointmentBookedV1 moved = Bookings.booked(requestId, UUID.randomUUID(), 1, member);
        book(old);
        book(moved);

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(old)));

        assertThat(deliveries.forRequest(requestId))
                .filteredOn(d -> d.appointmentId.equals(moved.appointmentId()))
                .extracting(d -> d.status)
                .containsExactly(DeliveryStatus.PENDING);
    }

    @Test
    void shouldKeepWhatWasAlreadySentWhenTheAppointmentIsCancelled() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        QuarkusTransaction.requiringNew()
                .run(() ->
                        Delivery.update("status = ?1 where requestId = ?2", DeliveryStatus.SENT, booked.requestId()));

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        assertThat(deliveries.forRequest(booked.requestId()))
                .extracting(d -> d.status)
                .containsExactly(DeliveryStatus.SENT);
    }

    @Test
    void shouldListARequestsDeliveriesOldestFirst() {
        UUID requestId = UUID.randomUUID();
        book(Bookings.booked(requestId, UUID.randomUUID(), 0, member()));
        book(Bookings.booked(requestId, UUID.randomUUID(), 1, member()));

        assertThat(deliveries.forRequest(requestId)).extracting(d -> d.sequence).containsExactly(0, 1);
    }

    @Test
    void shouldRefuseToListWithoutARequestId() {
        assertThatThrownBy(() -> deliveries.forRequest(null))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations()).containsExactly(new Violation("requestId", "must be given")));
    }

    private void book(AppointmentBookedV1 booked) {
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
    }

    private static String member() {
        return Bookings.member(IntakeContactStub.DOWN);
    }
}
