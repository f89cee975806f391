package org.iom.dna.notification.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.iom.dna.notification.support.PublishedEvents;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher sends each due message once, to the address intake gives just before sending, and
 * reports every attempt. It runs on its schedule during these tests; some tests also run it themselves.
 */
@QuarkusTest
class DeliveryDispatcherTest {

    private static final Duration SENDING = Duration.ofSeconds(20);

    @Inject
    DeliveryService deliveries;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void shouldSendTheConfirmationWhenTheMemberHasAnAddress() {
        String member = Bookings.member("M");

        Delivery sent = awaitSettled(book(member));

        assertThat(sent.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).hasSize(1);
    }

    @Test
    void shouldRecordWhenTheMessageWasSent() {
        Delivery sent = awaitSettled(book(Bookings.member("M")));

        assertThat(sent.sentAt).isNotNull();
        assertThat(sent.lastError).isNull();
        assertThat(sent.attempts).isEqualTo(1);
    }

    @Test
    void shouldWriteTheAppointmentsDayTimeAndCentreInTheMessage() {
        String member = Bookings.member("M");
        book(Bookings.booked(UUID.randomUUID(), member));
        awaitMessages(member);

        Mailbox.Mail mail = Mailbox.mails(IntakeContactStub.emailOf(member)).get(0);

        assertThat(mail.subject()).startsWith("Your DNA sampling appointment on ");
        assertThat(mail.text())
                .contains("Dear " + IntakeContactStub.GIVEN_NAME + ",")
                .contains("Centre " + Bookings.CENTRE)
                .contains("08:30 (East Africa Time)");
    }

    @Test
    void shouldInviteTheMemberToTheAppointmentInTheirCalendar() {
        String member = Bookings.member("M");
        book(Bookings.booked(UUID.randomUUID(), member));
        awaitMessages(member);

        Mailbox.Mail mail = Mailbox.mails(IntakeContactStub.emailOf(member)).get(0);

        assertThat(mail.calendar())
                .contains("METHOD:REQUEST")
                .contains("DTSTART;TZID=" + Bookings.ZONE + ":")
                .contains("T083000");
    }

    @Test
    void shouldGiveEachDeliveryItsOwnMessageId() {
        String first = Bookings.member("M");
        String second = Bookings.member("M");
        AppointmentBookedV1 booked = book(first, second);
        awaitSettled(booked);

        for (Delivery delivery : forRequest(booked.requestId()).stream()
                .filter(d -> d.channel == Channel.EMAIL)
                .toList()) {
            assertThat(awaitMessages(delivery.memberRef).get(0))
                    .contains("Message-ID: <" + delivery.id + ".1@dna-sampling.iom.example>");
        }
    }

    @Test
    void shouldReportASentAttempt() {
        AppointmentBookedV1 booked = book(Bookings.member("M"));
        Delivery sent = awaitSettled(booked);

        List<ContactAttemptRecordedV1> attempts = attempts(booked.requestId());

        assertThat(attempts).hasSize(1);
        ContactAttemptRecordedV1 attempt = attempts.get(0);
        assertThat(attempt.deliveryId()).isEqualTo(sent.id);
        assertThat(attempt.memberRef()).isEqualTo(sent.memberRef);
        assertThat(attempt.kind()).isEqualTo(DeliveryService.CONFIRMATION);
        assertThat(attempt.channel()).isEqualTo("EMAIL");
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(attempt.outcome()).isEqualTo("SENT");
    }

    @Test
    void shouldNeverPutTheAddressInTheReportedAttempt() {
        AppointmentBookedV1 booked = book(Bookings.member("M"));
        awaitSettled(booked);

        String payloads = QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery(
                                "select string_agg(payload, ' ') from outbox_event where aggregate_key = ?1")
                        .setParameter(1, booked.requestId().toString())
                        .getSingleResult()));

        assertThat(payloads).contains(booked.members().get(0).memberRef()).doesNotContain(IntakeContactStub.DOMAIN);
    }

    @Test
    void shouldRecordNoChannelWhenTheMemberHasNoAddress() {
        AppointmentBookedV1 booked = book(Bookings.member(IntakeContactStub.NO_MAIL));

        Delivery settled = awaitSettled(booked);

        assertThat(settled.status).isEqualTo(DeliveryStatus.NO_CHANNEL);
        assertThat(settled.sentAt).isNull();
        assertThat(attempts(booked.requestId()))
                .extracting(ContactAttemptRecordedV1::outcome)
                .containsExactly("NO_CHANNEL");
    }

    @Test
    void shouldAskIntakeWithItsOwnToken() {
        awaitSettled(book(Bookings.member("M")));

        assertThat(IntakeContactStub.AUTHORIZATIONS).isNotEmpty().allMatch(header -> header.startsWith("Bearer ey"));
    }

    @Test
    void shouldTellIntakeWhyItReadsTheContactDetails() {
        String member = Bookings.member("M");
        awaitSettled(book(member));

        assertThat(IntakeContactStub.CALLS)
                .filteredOn(call -> call.contains("/members/" + member + "/contact"))
                .isNotEmpty()
                .allMatch(call -> call.endsWith("?purpose=appointment-confirmation"));
    }

    @Test
    void shouldKeepTheMessageToSendLaterWhenIntakeIsUnreachable() {
        AppointmentBookedV1 booked = book(Bookings.member(IntakeContactStub.DOWN));

        Delivery tried = awaitTried(booked);

        assertThat(tried.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(tried.nextAttemptAt).isAfter(Instant.now());
        assertThat(tried.lastError).isEqualTo("intake answered 503");
    }

    @Test
    void shouldNotCountAnOutageOfIntakeAsAContactAttempt() {
        AppointmentBookedV1 booked = book(Bookings.member(IntakeContactStub.DOWN));

        Delivery tried = awaitTried(booked);

        assertThat(tried.attempts).isZero();
        assertThat(tried.outageRetries).isPositive();
        assertThat(attempts(booked.requestId())).isEmpty();
        assertThat(unreachable(booked.requestId())).isEmpty();
    }

    @Test
    void shouldDropTheMessageOfAMemberIntakeNoLongerKnows() {
        AppointmentBookedV1 booked = book(Bookings.member(IntakeContactStub.GONE));

        Delivery gone = awaitSettled(booked);

        assertThat(gone.status).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(attempts(booked.requestId())).isEmpty();
    }

    @Test
    void shouldTryAgainInALaterRoundWhenEveryChannelOfTheMemberFailed() {
        AppointmentBookedV1 booked = book(Bookings.member(IntakeContactStub.BAD_MAIL));

        Delivery refused = await().atMost(SENDING)
                .until(
                        () -> onChannel(booked, Channel.EMAIL),
                        d -> d != null && d.attempts == 1 && d.status == DeliveryStatus.PENDING);

        assertThat(refused.nextAttemptAt).isAfter(Instant.now().plus(Duration.ofHours(1)));
        assertThat(refused.lastError).isEqualTo("not an e-mail address");
        assertThat(unreachable(booked.requestId())).isEmpty();
    }

    @Test
    void shouldReportAFailedAttemptWhenTheMailServerRefusesTheAddress() {
        AppointmentBookedV1 booked = book(Bookings.member(IntakeContactStub.BAD_MAIL));
        await().atMost(SENDING).until(() -> attempts(booked.requestId()), a -> !a.isEmpty());

        assertThat(attempts(booked.requestId()))
                .extracting(ContactAttemptRecordedV1::outcome, ContactAttemptRecordedV1::attempt)
                .containsExactly(tuple("FAILED", 1));
    }

    @Test
    void shouldSendAMessageWhoseLeaseRanOutWhenItsDispatcherDied() {
        String member = Bookings.member("M");
        Delivery leased = pending(member, 1, Instant.now().minusSeconds(1));

        Delivery sent = await().atMost(SENDING).until(() -> find(leased.id), d -> d.status != DeliveryStatus.PENDING);

        assertThat(sent.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).hasSize(1);
    }

    @Test
    void shouldLeaveAMessageAloneWhileAnotherDispatcherHoldsItsLease() {
        String member = Bookings.member("M");
        Delivery leased = pending(member, 1, Instant.now().plus(Duration.ofMinutes(1)));

        dispatcher.dispatchDue();

        Delivery after = find(leased.id);
        assertThat(after.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(after.attempts).isEqualTo(1);
        assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).isEmpty();
    }

    @Test
    void shouldNotSendAMessageAgainOnceItWasSent() {
        String member = Bookings.member("M");
        awaitSettled(book(member));

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).hasSize(1);
    }

    @Test
    void shouldSendEachMessageOnceWhenDispatchersRunAtOnce() {
        String[] members =
                IntStream.range(0, 6).mapToObj(i -> Bookings.member("M")).toArray(String[]::new);
        AppointmentBookedV1 booked = book(members);

        List<CompletableFuture<Void>> dispatchers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dispatchers.add(CompletableFuture.runAsync(dispatcher::dispatchDue));
        }
        dispatchers.forEach(CompletableFuture::join);
        awaitSettled(booked);

        for (String member : members) {
            assertThat(Mailbox.messages(IntakeContactStub.emailOf(member)))
                    .as(member)
                    .hasSize(1);
        }
    }

    @Test
    void shouldNotSendAMessageForAnAppointmentCancelledBeforeItWent() {
        String member = Bookings.member("M");
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentBooked(booked);
            deliveries.appointmentCancelled(Bookings.cancelled(booked));
        });

        dispatcher.dispatchDue();

        assertThat(forRequest(booked.requestId())).extracting(d -> d.status).containsExactly(DeliveryStatus.CANCELLED);
        assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).isEmpty();
    }

    @Test
    void shouldSendAMessageAgainWhenStaffAskForIt() {
        String member = Bookings.member("M");
        Delivery sent = awaitSettled(book(member));

        given().auth()
                .oauth2(Tokens.user("officer"))
                .post("/api/v1/deliveries/" + sent.id + "/resend")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));

        List<String> messages = await().atMost(SENDING)
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)), m -> m.size() == 2);
        assertThat(messages.get(1)).contains("Message-ID: <" + sent.id + ".2@dna-sampling.iom.example>");
    }

    @Test
    void shouldNotSendAgainAMessageAboutACancelledAppointment() {
        String member = Bookings.member("M");
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.appointmentBooked(booked);
            deliveries.appointmentCancelled(Bookings.cancelled(booked));
        });

        given().auth()
                .oauth2(Tokens.user("officer"))
                .post("/api/v1/deliveries/" + forRequest(booked.requestId()).get(0).id + "/resend")
                .then()
                .statusCode(409);
    }

    @Test
    void shouldHoldBackAMessageOnceTheMemberHadTheDaysShare() {
        String member = Bookings.member("M");
        Delivery seventh = pending(member, 0, Instant.now().plus(Duration.ofDays(30)));
        for (int i = 0; i < 6; i++) { // six messages of the same case sent to the member in the last hour
            Delivery earlier = pending(member, 1, Instant.now().plus(Duration.ofDays(30)));
            QuarkusTransaction.requiringNew()
                    .run(() -> Delivery.update(
                            "status = ?1, sentAt = ?2, requestId = ?3 where id = ?4",
                            DeliveryStatus.SENT,
                            Instant.now().minus(Duration.ofHours(1)),
                            seventh.requestId,
                            earlier.id));
        }
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.update("nextAttemptAt = ?1 where id = ?2", Instant.now(), seventh.id));

        Delivery held = await().atMost(SENDING).until(() -> find(seventh.id), d -> d.lastError != null);

        assertThat(held.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(held.lastError).isEqualTo("daily message cap reached");
        assertThat(held.nextAttemptAt).isAfter(Instant.now().plus(Duration.ofHours(22))); // a day after the oldest
        assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).isEmpty();
    }

    private AppointmentBookedV1 book(String... members) {
        return book(Bookings.booked(UUID.randomUUID(), members));
    }

    private AppointmentBookedV1 book(AppointmentBookedV1 booked) {
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
        return booked;
    }

    /** A delivery whose first attempt a dispatcher claimed, with its lease ending at {@code leaseEnds}. */
    private Delivery pending(String member, int attempts, Instant leaseEnds) {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.kind = DeliveryService.CONFIRMATION;
        d.channel = Channel.EMAIL;
        d.requestId = booked.requestId();
        d.memberRef = member;
        d.appointmentId = booked.appointmentId();
        d.sequence = 0;
        d.centreCode = booked.centreCode();
        d.zone = booked.zone();
        d.localDate = booked.localDate();
        d.localStart = Bookings.START;
        d.startsAt = booked.members().get(0).startsAt();
        d.status = DeliveryStatus.PENDING;
        d.attempts = attempts;
        d.nextAttemptAt = leaseEnds;
        d.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(d::persist);
        return d;
    }

    private Delivery find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Delivery.class, id));
    }

    /** The confirmation's delivery on the last channel it was tried on, once none of its channels is pending. */
    private Delivery awaitSettled(AppointmentBookedV1 booked) {
        List<Delivery> settled = await().atMost(SENDING)
                .until(
                        () -> forRequest(booked.requestId()),
                        list -> !list.isEmpty() && list.stream().noneMatch(d -> d.status == DeliveryStatus.PENDING));
        return settled.get(settled.size() - 1);
    }

    /** The confirmation's first delivery once an attempt at it failed or was put off. */
    private Delivery awaitTried(AppointmentBookedV1 booked) {
        return await().atMost(SENDING)
                .until(() -> forRequest(booked.requestId()).get(0), d -> d.lastError != null);
    }

    private Delivery onChannel(AppointmentBookedV1 booked, Channel channel) {
        return forRequest(booked.requestId()).stream()
                .filter(d -> d.channel == channel)
                .findFirst()
                .orElse(null);
    }

    private static List<String> awaitMessages(String member) {
        return await().atMost(SENDING)
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)), m -> !m.isEmpty());
    }

    private List<ContactAttemptRecordedV1> attempts(UUID requestId) {
        return PublishedEvents.of(em, json, requestId, ContactAttemptRecordedV1.TYPE, ContactAttemptRecordedV1.class);
    }

    private List<MemberUnreachableV1> unreachable(UUID requestId) {
        return PublishedEvents.of(em, json, requestId, MemberUnreachableV1.TYPE, MemberUnreachableV1.class);
    }

    /**
     * The request's confirmations (not its reminders) on every channel tried, oldest first, read in a transaction of
     * its own (Awaitility polls on another thread).
     */
    private List<Delivery> forRequest(UUID requestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(requestId).stream()
                        .filter(d -> d.kind.equals(DeliveryService.CONFIRMATION))
                        .toList());
    }
}
