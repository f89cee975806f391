package org.iom.dna.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.events.Topics;
import org.iom.dna.notification.channel.Channels;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.AttemptOutcome;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.webhook.WebhookService;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.metrics.Counting;
import org.jboss.logging.Logger;

/**
 * Records what became of each try to reach a member, and decides what comes next: the next channel after a
 * definite failure, a later round when every channel failed, the member reported unreachable after the last
 * round; a pause with back-off (and no contact attempt counted) after an outage. Every contact attempt is
 * published, so intake's history shows how hard IOM tried.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final Counting counting;
    private final EntityManager em;
    private final Outbox outbox;
    private final Channels channels;
    private final NotificationConfig config;
    private final WebhookService webhooks;
    private final ObjectMapper json;

    DeliveryOutcomes(
            EntityManager em,
            Outbox outbox,
            Channels channels,
            NotificationConfig config,
            WebhookService webhooks,
            ObjectMapper json,
            Counting counting) {
        this.counting = counting;
        this.em = em;
        this.outbox = outbox;
        this.channels = channels;
        this.config = config;
        this.webhooks = webhooks;
        this.json = json;
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events are records Jackson writes", e);
        }
    }

    /** The provider took the message. A delivery cancelled while it was being sent keeps CANCELLED. */
    @Transactional
    public void sent(UUID id, String providerRef) {
        Delivery d = locked(id);
        d.attempts++;
        d.sentAt = Instant.now();
        d.providerRef = providerRef;
        d.lastError = null;
        settle(d, DeliveryStatus.SENT);
        report(d, AttemptOutcome.SENT);
    }

    /** The provider refused the recipient: a contact attempt failed; the next channel is tried. */
    @Transactional
    public void rejected(UUID id, String reason) {
        Delivery d = locked(id);
        d.attempts++;
        d.lastError = reason;
        boolean pending = d.status == DeliveryStatus.PENDING;
        settle(d, DeliveryStatus.FAILED);
        report(d, AttemptOutcome.FAILED);
        if (pending) {
            fallBack(d);
        }
    }

    /**
     * The member has no address on this channel: nothing to report yet, the message goes next on the next channel
     * they have an address on (or the round ends when none is left).
     *
     * @param leasedUntil the lease for the caller, who sends the next delivery at once
     * @return the delivery to send next, claimed for the caller until {@code leasedUntil}
     */
    @Transactional
    public Optional<UUID> noChannel(UUID id, Optional<Channel> nextReachable, Instant leasedUntil) {
        Delivery d = locked(id);
        if (d.status != DeliveryStatus.PENDING) {
            return Optional.empty();
        }
        d.status = DeliveryStatus.NO_CHANNEL;
        if (nextReachable.isEmpty()) {
            endRound(d);
            return Optional.empty();
        }
        Delivery next = fallBackTo(d, nextReachable.get());
        // Claimed for the caller, which sends it at once with the contact details it has just read.
        next.nextAttemptAt = leasedUntil;
        return Optional.of(next.id);
    }

    /**
     * Intake or the provider is unavailable: the message waits (doubling pauses up to {@code
     * notification.outage-backoff-max}, with jitter so that many messages do not return at once) and no contact
     * attempt is counted: an outage on our side never makes a family unreachable.
     *
     * @param waitingFor what is away: {@link Delivery#WAITING_FOR_INTAKE} or the channel's name; null for a fault of
     *     ours that no one's return will mend
     */
    @Transactional
    public void postponed(UUID id, String reason, String waitingFor) {
        Delivery d = locked(id);
        d.outageRetries++;
        d.lastError = reason;
        d.waitingFor = waitingFor;
        d.nextAttemptAt = Instant.now().plus(outagePause(d.outageRetries));
        LOG.infof("delivery %s put off (%s), outage retry %d", d.id, reason, d.outageRetries);
    }

    /**
     * An outage is over: the messages waiting for {@code waitingFor} (intake, or a channel's provider) are due now.
     *
     * @return how many were made due
     */
    @Transactional
    public int dueAgainAfterOutage(String waitingFor) {
        Instant now = Instant.now();
        int due = Delivery.update(
                "nextAttemptAt = ?1, waitingFor = null where status = ?2 and waitingFor = ?3 and nextAttemptAt > ?1",
                now,
                DeliveryStatus.PENDING,
                waitingFor);
        if (due > 0) {
            LOG.infof("%s is back: %d delivery(ies) put off by the outage are due now", waitingFor, due);
        }
        return due;
    }

    /** Held back by the daily cap until {@code until}: not an attempt, not an outage. */
    @Transactional
    public void heldBack(UUID id, Instant until) {
        Delivery d = locked(id);
        d.nextAttemptAt = until;
        d.lastError = "daily message cap reached";
        LOG.infof("delivery %s held back by the daily cap until %s", d.id, until);
    }

    /**
     * Sends a delivery again (staff asked for it): pending at once, on the same channel.
     *
     * @throws NotFound for an unknown delivery
     * @throws Conflict when the appointment no longer stands or the delivery is still pending
     */
    @Transactional
    public Delivery resend(UUID id) {
        Delivery d = Optional.ofNullable(locked(id)).orElseThrow(() -> new NotFound("delivery " + id));
        if (d.status == DeliveryStatus.CANCELLED || d.status == DeliveryStatus.PENDING) {
            throw new Conflict(
                    d.status == DeliveryStatus.CANCELLED ? "appointment-gone" : "still-pending",
                    d.status == DeliveryStatus.CANCELLED ? "The appointment no longer stands" : "Not sent yet",
                    d.status == DeliveryStatus.CANCELLED
                            ? "The message is about an appointment that was cancelled or moved."
                            : "The message is still waiting to go; it is sent without being asked.",
                    null);
        }
        d.status = DeliveryStatus.PENDING;
        d.nextAttemptAt = Instant.now();
        d.lastError = null;
        d.receipt = null;
        d.receiptAt = null;
        return d;
    }

    /** Intake no longer knows the member (the request was withdrawn or erased): there is no one to tell. */
    @Transactional
    public void gone(UUID id, String reason) {
        Delivery d = locked(id);
        d.lastError = reason;
        settle(d, DeliveryStatus.CANCELLED);
    }

    /**
     * A provider's delivery receipt for the message it called {@code providerRef}. An undeliverable message
     * failed after all, and the next channel is tried. Repeated receipts change nothing.
     */
    @Transactional
    public void receipt(String providerRef, boolean delivered) {
        receipt(List.of(Channel.SMS, Channel.PROXY), providerRef, delivered);
    }

    /** A receipt from the provider of {@code channel} (WhatsApp's status webhook). */
    @Transactional
    public void receipt(Channel channel, String providerRef, boolean delivered) {
        receipt(List.of(channel), providerRef, delivered);
    }

    private void receipt(List<Channel> channels, String providerRef, boolean delivered) {
        Optional<Delivery> found = Delivery.<Delivery>find("channel in ?1 and providerRef = ?2", channels, providerRef)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (found.isEmpty()) {
            LOG.infof("delivery receipt for unknown message %s: ignored", providerRef);
            return;
        }
        Delivery d = found.get();
        if (d.receipt != null) {
            return;
        }
        d.receipt = delivered ? "DELIVERED" : "UNDELIVERABLE";
        d.receiptAt = Instant.now();
        report(d, delivered ? AttemptOutcome.DELIVERED : AttemptOutcome.UNDELIVERED);
        if (!delivered && d.status == DeliveryStatus.SENT) {
            d.status = DeliveryStatus.FAILED;
            d.lastError = "undeliverable (" + d.channel + " receipt)";
            fallBack(d);
        }
    }

    /**
     * Messages a provider took but never confirmed (no delivery receipt since {@code sentBefore}) did not arrive as
     * far as anyone can tell: each counts as undelivered and the next channel is tried. A batch at a time.
     *
     * @return how many were given up on
     */
    @Transactional
    public int receiptsOverdue(Instant sentBefore) {
        List<Delivery> overdue = Delivery.<Delivery>find(
                        "channel in ?1 and status = ?2 and receipt is null and sentAt < ?3",
                        List.of(Channel.SMS, Channel.WHATSAPP, Channel.PROXY),
                        DeliveryStatus.SENT,
                        sentBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, 100)
                .list();
        for (Delivery d : overdue) {
            d.status = DeliveryStatus.FAILED;
            d.lastError = "no delivery receipt";
            report(d, AttemptOutcome.UNDELIVERED);
            fallBack(d);
        }
        if (!overdue.isEmpty()) {
            LOG.infof("%d message(s) had no delivery receipt in time: trying the next channel", overdue.size());
        }
        return overdue.size();
    }

    Duration outagePause(int retries) {
        return Pauses.after(retries, config.outageBackoff(), config.outageBackoffMax());
    }

    /** Tries the same message on the next channel, or ends the round when this was the last one. */
    private void fallBack(Delivery d) {
        Optional<Channel> next = channels.after(d.channel);
        if (next.isPresent()) {
            fallBackTo(d, next.get());
            return;
        }
        endRound(d);
    }

    /** The message goes next on {@code next}: its delivery of an earlier round again, or a new one; due now. */
    private Delivery fallBackTo(Delivery d, Channel next) {
        Optional<Delivery> earlier = Delivery.<Delivery>find(
                        "appointmentId = ?1 and sequence = ?2 and memberRef = ?3 and channel = ?4 and kind = ?5",
                        d.appointmentId,
                        d.sequence,
                        d.memberRef,
                        next,
                        d.kind)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (earlier.isPresent()) { // a later round: the channel's delivery is tried again
            earlier.get().status = DeliveryStatus.PENDING;
            earlier.get().nextAttemptAt = Instant.now();
            return earlier.get();
        }
        Delivery fallback = d.another(d.kind, next, Instant.now());
        fallback.fallbackOf = d.id;
        fallback.persist();
        return fallback;
    }

    /**
     * Every channel was tried. If none had an address the member cannot be contacted at all (reported once);
     * otherwise the round failed: another round after a pause, or, after the last, the member is reported
     * unreachable.
     */
    private void endRound(Delivery last) {
        List<Delivery> chain = Delivery.ofMessage(last.appointmentId, last.kind, last.memberRef).stream()
                .filter(d -> d.sequence == last.sequence)
                .toList();
        Optional<Delivery> firstFailed = chain.stream()
                .filter(d -> d.status == DeliveryStatus.FAILED)
                .min(Comparator.comparing(d -> d.createdAt));
        if (firstFailed.isEmpty()) {
            LOG.warnf("member of request %s has no channel at all: delivery %s not sent", last.requestId, last.id);
            report(last, AttemptOutcome.NO_CHANNEL);
            return;
        }
        Delivery first = firstFailed.get();
        int rounds = first.attempts;
        if (rounds >= config.maxAttempts()) {
            LOG.warnf("delivery %s failed on every channel in %d rounds: member reported unreachable", last.id, rounds);
            report(last, AttemptOutcome.GAVE_UP);
            MemberUnreachableV1 unreachable =
                    new MemberUnreachableV1(last.requestId, last.memberRef, rounds, Instant.now());
            outbox.publish(Topics.DELIVERIES, last.requestId.toString(), MemberUnreachableV1.TYPE, unreachable);
            webhooks.enqueue(
                    "member-unreachable-" + last.id, MemberUnreachableV1.TYPE, last.requestId, write(unreachable));
            return;
        }
        first.status = DeliveryStatus.PENDING;
        first.nextAttemptAt = Instant.now().plus(config.retryPause().multipliedBy(rounds));
        LOG.infof(
                "delivery %s failed on every channel (round %d): trying again at %s",
                first.id, rounds, first.nextAttemptAt);
    }

    private Delivery locked(UUID id) {
        return em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void settle(Delivery delivery, DeliveryStatus status) {
        if (delivery.status == DeliveryStatus.PENDING) {
            delivery.status = status;
        }
    }

    /** Every attempt is reported: the IND and staff see in intake's history how hard IOM tried. */
    private void report(Delivery delivery, AttemptOutcome outcome) {
        counting.afterCommit(
                "dna.contact.attempts",
                "Attempts to reach a family member, by channel and outcome",
                "channel",
                delivery.channel.name(),
                "outcome",
                outcome.name());
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
                        Math.max(1, delivery.attempts),
                        outcome.name(),
                        Instant.now()));
    }
}
