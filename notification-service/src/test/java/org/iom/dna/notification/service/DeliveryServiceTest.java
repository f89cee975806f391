package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
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

        List<Delivery> created = confirmations(booked.requestId());
        assertThat(created).extracting(d -> d.memberRef).containsExactlyInAnyOrder(first, second);
        assertThat(created).allSatisfy(d -> {
            assertThat(d.channel).isEqualTo(Channel.SMS);
            assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
        });
    }

    @Test
    void shouldKeepTheAppointmentsFactsOnEachDelivery() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), UUID.randomUUID(), 2, member());

        book(booked);

        Delivery delivery = confirmations(booked.requestId()).get(0);
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

        assertThat(confirmations(requestId)).extracting(d -> d.sequence).containsExactlyInAnyOrder(0, 1);
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
                .containsOnly(DeliveryStatus.PENDING);
    }

    @Test
    void shouldKeepWhatWasAlreadySentWhenTheAppointmentIsCancelled() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        QuarkusTransaction.requiringNew()
                .run(() ->
                        Delivery.update("status = ?1 where requestId = ?2", DeliveryStatus.SENT, booked.requestId()));

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        assertThat(confirmations(booked.requestId())).extracting(d -> d.status).containsExactly(DeliveryStatus.SENT);
    }

    @Test
    void shouldTellAMemberWhoWasToldOfTheAppointmentThatItIsCancelled() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        markConfirmationsSent(booked);

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        List<Delivery> notices = ofKind(booked.requestId(), DeliveryService.CANCELLED);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(notices.get(0).appointmentId).isEqualTo(booked.appointmentId());
        assertThat(notices.get(0).startsAt).isEqualTo(booked.members().get(0).startsAt());
    }

    @Test
    void shouldWaitAMomentBeforeTellingOfACancellation() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        markConfirmationsSent(booked);

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        assertThat(ofKind(booked.requestId(), DeliveryService.CANCELLED).get(0).nextAttemptAt)
                .isAfter(Instant.now());
    }

    @Test
    void shouldNotTellOfACancellationAMemberWhoNeverHeardOfTheAppointment() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        assertThat(ofKind(booked.requestId(), DeliveryService.CANCELLED)).isEmpty();
    }

    @Test
    void shouldAnnounceAMoveInsteadOfACancellationAndANewBooking() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        markConfirmationsSent(booked);
        AppointmentBookedV1 moved = Bookings.movedFrom(booked, 12);

        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentCancelled(Bookings.cancelled(booked, "MOVED"));
            deliveries.appointmentBooked(moved);
        });

        assertThat(ofKind(booked.requestId(), DeliveryService.MOVED))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.appointmentId).isEqualTo(moved.appointmentId());
                    assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
                });
        assertThat(ofKind(booked.requestId(), DeliveryService.CANCELLED))
                .extracting(d -> d.status)
                .containsOnly(DeliveryStatus.CANCELLED);
    }

    @Test
    void shouldConfirmANewBookingToAMemberWhoNeverHeardOfTheOldOne() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        AppointmentBookedV1 moved = Bookings.movedFrom(booked, 12);

        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentCancelled(Bookings.cancelled(booked, "MOVED"));
            deliveries.appointmentBooked(moved);
        });

        assertThat(ofKind(booked.requestId(), DeliveryService.MOVED)).isEmpty();
        assertThat(confirmations(booked.requestId()))
                .filteredOn(d -> d.appointmentId.equals(moved.appointmentId()))
                .hasSize(1);
    }

    @Test
    void shouldRemindTheMemberThreeDaysAndOneDayBefore() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());

        book(booked);

        Instant startsAt = booked.members().get(0).startsAt();
        assertThat(deliveries.forRequest(booked.requestId()))
                .filteredOn(d -> d.kind.startsWith("APPOINTMENT_REMINDER"))
                .extracting(d -> d.kind, d -> d.nextAttemptAt)
                .containsExactlyInAnyOrder(
                        tuple("APPOINTMENT_REMINDER_72H", startsAt.minus(Duration.ofHours(72))),
                        tuple("APPOINTMENT_REMINDER_24H", startsAt.minus(Duration.ofHours(24))));
    }

    @Test
    void shouldNotRemindOfAnAppointmentSoonerThanTheReminder() {
        AppointmentBookedV1 booked = Bookings.inDays(2, member());

        book(booked);

        assertThat(deliveries.forRequest(booked.requestId()))
                .extracting(d -> d.kind)
                .containsExactlyInAnyOrder(DeliveryService.CONFIRMATION, "APPOINTMENT_REMINDER_24H");
    }

    @Test
    void shouldDropTheRemindersOfACancelledAppointment() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);

        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        assertThat(deliveries.forRequest(booked.requestId()))
                .filteredOn(d -> d.kind.startsWith("APPOINTMENT_REMINDER"))
                .extracting(d -> d.status)
                .containsOnly(DeliveryStatus.CANCELLED);
    }

    @Test
    void shouldTellAFamilyThatHasHeardNothingYetThatItWaits() {
        UUID requestId = UUID.randomUUID();
        String first = member();
        String second = member();

        waitlist(requestId, first, second);

        assertThat(ofKind(requestId, DeliveryService.WAITLISTED))
                .extracting(d -> d.memberRef)
                .containsExactlyInAnyOrder(first, second);
        assertThat(ofKind(requestId, DeliveryService.WAITLISTED)).allSatisfy(d -> {
            assertThat(d.startsAt).isNull();
            assertThat(d.centreCode).isNull();
            assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
        });
    }

    @Test
    void shouldNotTellAFamilyItWaitsWhenItWasToldOfACancellation() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        book(booked);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked)));

        waitlist(booked.requestId(), booked.members().get(0).memberRef());

        assertThat(ofKind(booked.requestId(), DeliveryService.WAITLISTED)).isEmpty();
    }

    @Test
    void shouldDropTheWaitingNoticeWhenADateIsFound() {
        String member = member();
        UUID requestId = UUID.randomUUID();
        waitlist(requestId, member);

        book(Bookings.booked(requestId, UUID.randomUUID(), 0, member));

        assertThat(ofKind(requestId, DeliveryService.WAITLISTED))
                .extracting(d -> d.status)
                .containsExactly(DeliveryStatus.CANCELLED);
    }

    private void waitlist(UUID requestId, String... members) {
        QuarkusTransaction.requiringNew()
                .run(() -> deliveries.familyWaitlisted(
                        new FamilyWaitlistedV1(requestId, Instant.now(), List.of(members))));
    }

    private static void markConfirmationsSent(AppointmentBookedV1 booked) {
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.update(
                        "status = ?1 where requestId = ?2 and kind = ?3",
                        DeliveryStatus.SENT,
                        booked.requestId(),
                        DeliveryService.CONFIRMATION));
    }

    private List<Delivery> confirmations(UUID requestId) {
        return ofKind(requestId, DeliveryService.CONFIRMATION);
    }

    private List<Delivery> ofKind(UUID requestId, String kind) {
        return deliveries.forRequest(requestId).stream()
                .filter(d -> d.kind.equals(kind))
                .toList();
    }

    @Test
    void shouldListARequestsDeliveriesOldestFirst() {
        UUID requestId = UUID.randomUUID();
        book(Bookings.booked(requestId, UUID.randomUUID(), 0, member()));
        book(Bookings.booked(requestId, UUID.randomUUID(), 1, member()));

        assertThat(confirmations(requestId)).extracting(d -> d.sequence).containsExactly(0, 1);
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
