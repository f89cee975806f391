package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.junit.jupiter.api.Test;

/**
 * A family is told of every change to its appointment, once: a move is one notice with the new time that updates
 * the calendar entry; a cancellation withdraws it. Real mail through the local SMTP server.
 */
@QuarkusTest
class AppointmentChangesTest {

    private static final Duration SENDING = Duration.ofSeconds(30);

    @Inject
    DeliveryService deliveries;

    @Test
    void shouldSendOneNoticeWithTheNewTimeWhenTheFamilyIsMoved() {
        String member = Bookings.member(IntakeContactStub.MAIL);
        AppointmentBookedV1 booked = confirmed(member);
        AppointmentBookedV1 moved = Bookings.movedFrom(booked, 12);

        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentCancelled(Bookings.cancelled(booked, "MOVED"));
            deliveries.appointmentBooked(moved);
        });

        List<Mailbox.Mail> mails = awaitMails(member, 2);
        Mailbox.Mail notice = mails.get(1);
        assertThat(notice.subject()).startsWith("Your DNA sampling appointment has moved to");
        assertThat(notice.text()).contains(String.valueOf(moved.localDate().getDayOfMonth()));
        assertThat(notice.calendar()).contains("METHOD:REQUEST").contains("SEQUENCE:1");
        await().during(Duration.ofSeconds(4)) // past the cancellation grace: no second message follows
                .atMost(Duration.ofSeconds(6))
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)).size() == 2);
    }

    @Test
    void shouldUpdateTheSameCalendarEntryWhenTheFamilyIsMoved() {
        String member = Bookings.member(IntakeContactStub.MAIL);
        AppointmentBookedV1 booked = confirmed(member);
        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentCancelled(Bookings.cancelled(booked, "MOVED"));
            deliveries.appointmentBooked(Bookings.movedFrom(booked, 12));
        });

        List<Mailbox.Mail> mails = awaitMails(member, 2);

        assertThat(uid(mails.get(1).calendar())).isEqualTo(uid(mails.get(0).calendar()));
    }

    @Test
    void shouldWithdrawTheCalendarEntryWhenTheAppointmentIsCancelled() {
        String member = Bookings.member(IntakeContactStub.MAIL);
        AppointmentBookedV1 booked = confirmed(member);

        QuarkusTransaction.requiringNew()
                .run(() -> deliveries.appointmentCancelled(Bookings.cancelled(booked, "REQUEST_CANCELLED")));

        Mailbox.Mail notice = awaitMails(member, 2).get(1);
        assertThat(notice.subject()).endsWith("is cancelled");
        assertThat(notice.calendar()).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
        assertThat(uid(notice.calendar()))
                .isEqualTo(uid(
                        Mailbox.mails(IntakeContactStub.emailOf(member)).get(0).calendar()));
    }

    @Test
    void shouldWriteToTheMemberInTheirLanguage() {
        String member = Bookings.member(IntakeContactStub.MAIL);
        IntakeContactStub.LANGUAGES.put(member, "ar");

        confirmed(member);

        Mailbox.Mail mail = awaitMails(member, 1).get(0);
        assertThat(mail.subject()).contains("موعد");
        assertThat(mail.html()).contains("dir=\"rtl\"");
    }

    @Test
    void shouldTellAWaitingFamilyThatADateWillFollow() {
        String member = Bookings.member(IntakeContactStub.MAIL);

        QuarkusTransaction.requiringNew()
                .run(() -> deliveries.familyWaitlisted(new org.iom.dna.events.FamilyWaitlistedV1(
                        UUID.randomUUID(), java.time.Instant.now(), List.of(member))));

        Mailbox.Mail mail = awaitMails(member, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Your DNA sampling appointment: please wait for a date");
        assertThat(mail.text())
                .contains("No appointment is free yet")
                .contains(member)
                .doesNotContain("Where:");
        assertThat(mail.calendar()).isNull();
    }

    /** A booking whose confirmation the member received. */
    private AppointmentBookedV1 confirmed(String member) {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
        awaitMails(member, 1);
        await().atMost(SENDING)
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> deliveries.forRequest(booked.requestId()).stream()
                                .anyMatch(d -> d.kind.equals(DeliveryService.CONFIRMATION) && d.sentAt != null)));
        return booked;
    }

    private static List<Mailbox.Mail> awaitMails(String member, int count) {
        await().atMost(SENDING)
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)).size() >= count);
        return Mailbox.mails(IntakeContactStub.emailOf(member));
    }

    private static String uid(String calendar) {
        return calendar.lines().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
    }
}
