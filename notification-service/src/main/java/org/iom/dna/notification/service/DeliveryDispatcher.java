package org.iom.dna.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.events.Topics;
import org.iom.dna.notification.client.IntakeContactClient;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.AttemptOutcome;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.platform.messaging.OutageBackoff;
import org.iom.dna.platform.messaging.Outbox;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: fetches the member's contact details from intake, sends, records the
 * attempt. Failures are retried with growing pauses up to {@code notification.max-attempts}. Rows are
 * claimed with SKIP LOCKED under a lease, so several instances never send the same message at once.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** Long enough for one intake call and one SMTP send, with their timeouts. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private final EntityManager em;
    private final IntakeContactClient intake;
    private final Mailer mailer;
    private final Template confirmation;
    private final int maxAttempts;
    private final Outbox outbox;
    private final OutageBackoff backoff;
    private final Optional<Duration> pauseAfterSend;

    DeliveryDispatcher(
            EntityManager em,
            Outbox outbox,
            OutageBackoff backoff,
            @RestClient IntakeContactClient intake,
            Mailer mailer,
            @Location("appointmentConfirmation.txt") Template confirmation,
            NotificationConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.backoff = backoff;
        this.intake = intake;
        this.mailer = mailer;
        this.confirmation = confirmation;
        this.maxAttempts = config.maxAttempts();
        this.pauseAfterSend = config.fault().pauseAfterSend();
    }

    @Scheduled(
            every = "${notification.dispatch-interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        List<UUID> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
            claimed.forEach(this::deliver);
        } while (!claimed.isEmpty());
    }

    /**
     * Claims due deliveries for a lease, in a short transaction: other instances skip them, and if this
     * process dies while sending they fall due again when the lease runs out. No transaction stays open
     * while intake or the mail server is called.
     */
    @SuppressWarnings("unchecked")
    List<UUID> claimDue() {
        List<Delivery> due = em.createNativeQuery(
                        "select * from delivery where status = 'PENDING'"
                                + " and next_attempt_at <= now() order by next_attempt_at limit 20 for update skip locked",
                        Delivery.class)
                .getResultList();
        Instant leaseEnds = Instant.now().plus(LEASE);
        for (Delivery delivery : due) {
            delivery.attempts++;
            delivery.nextAttemptAt = leaseEnds;
        }
        return due.stream().map(d -> d.id).toList();
    }

    private void deliver(UUID id) {
        Delivery delivery = backoff.inTransaction(() -> Delivery.<Delivery>findById(id));
        Outcome outcome = send(delivery);
        // A message the mail server took must be recorded as SENT, or it goes again when the lease ends.
        backoff.inTransaction(() -> {
            record(id, outcome);
            return null;
        });
    }

    private record Outcome(DeliveryStatus status, String error) {}

    private Outcome send(Delivery delivery) {
        try {
            MemberContact contact = intake.contact(delivery.requestId, delivery.memberRef, "appointment-confirmation");
            if (contact.email() == null || contact.email().isBlank()) {
                return new Outcome(DeliveryStatus.NO_CHANNEL, null);
            }
            String body = confirmation
                    .data("contact", contact)
                    .data("delivery", delivery)
                    .data("localDate", DATE.format(delivery.localDate))
                    .data("localTime", delivery.localStart.toString())
                    .render();
            // SMTP has no idempotency: a crash between the server's acceptance and recording SENT makes the
            // lease run out and the message go again. The same Message-ID lets mail systems and clients
            // treat the second copy as the same message.
            mailer.send(Mail.withText(contact.email(), "Your DNA sampling appointment on " + delivery.localDate, body)
                    .addHeader("Message-ID", messageId(delivery)));
            pauseAfterSend.ifPresent(DeliveryDispatcher::injectedPause);
            return new Outcome(DeliveryStatus.SENT, null);
        } catch (WebApplicationException e) {
            return new Outcome(
                    DeliveryStatus.FAILED, "intake answered " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            return new Outcome(DeliveryStatus.FAILED, e.getClass().getSimpleName());
        }
    }

    private static void injectedPause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One Message-ID per delivery (one message, member, channel and appointment version). */
    static String messageId(Delivery delivery) {
        return "<" + delivery.id + "@dna-sampling.iom.example>";
    }

    private void record(UUID id, Outcome outcome) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        switch (outcome.status()) {
            case SENT -> {
                delivery.sentAt = Instant.now();
                delivery.lastError = null;
                settle(delivery, DeliveryStatus.SENT);
                report(delivery, AttemptOutcome.SENT);
            }
            case NO_CHANNEL -> {
                settle(delivery, DeliveryStatus.NO_CHANNEL);
                report(delivery, AttemptOutcome.NO_CHANNEL);
            }
            default -> failed(delivery, outcome.error());
        }
    }

    /** A delivery cancelled while it was being sent keeps CANCELLED; the attempt is still reported. */
    private static void settle(Delivery delivery, DeliveryStatus status) {
        if (delivery.status == DeliveryStatus.PENDING) {
            delivery.status = status;
        }
    }

    private void failed(Delivery delivery, String reason) {
        delivery.lastError = reason;
        if (delivery.status != DeliveryStatus.PENDING) {
            report(delivery, AttemptOutcome.FAILED);
        } else if (delivery.attempts >= maxAttempts) {
            delivery.status = DeliveryStatus.FAILED;
            LOG.warnf("delivery %s failed for good after %d attempts: %s", delivery.id, delivery.attempts, reason);
            report(delivery, AttemptOutcome.GAVE_UP);
            outbox.publish(
                    Topics.DELIVERIES,
                    delivery.requestId.toString(),
                    MemberUnreachableV1.TYPE,
                    new MemberUnreachableV1(delivery.requestId, delivery.memberRef, delivery.attempts, Instant.now()));
        } else {
            delivery.nextAttemptAt = Instant.now().plus(Duration.ofSeconds(5L << delivery.attempts));
            LOG.infof("delivery %s attempt %d failed (%s), retrying", delivery.id, delivery.attempts, reason);
            report(delivery, AttemptOutcome.FAILED);
        }
    }

    /** Every attempt is reported: the IND and staff see in intake's history how hard IOM tried. */
    private void report(Delivery delivery, AttemptOutcome outcome) {
        outbox.publish(
                Topics.DELIVERIES,
                delivery.requestId.toString(),
                ContactAttemptRecordedV1.TYPE,
                new ContactAttemptRecordedV1(
                        delivery.id,
                        delivery.requestId,
                        delivery.memberRef,
                        delivery.kind,
                        delivery.channel.name(),
                        delivery.attempts,
                        outcome.name(),
                        Instant.now()));
    }
}
