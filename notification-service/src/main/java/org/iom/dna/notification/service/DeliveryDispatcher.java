package org.iom.dna.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.notification.channel.ChannelSender;
import org.iom.dna.notification.channel.Channels;
import org.iom.dna.notification.channel.SendOutcome;
import org.iom.dna.notification.client.IntakeContactClient;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.message.Notice;
import org.iom.dna.notification.message.NoticeWriter;
import org.iom.dna.platform.messaging.OutageBackoff;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: fetches the member's contact details from intake just before sending (they are never
 * stored here), writes the message in the member's language, hands it to the delivery's channel, and records the
 * outcome ({@link DeliveryOutcomes}). Rows are claimed with SKIP LOCKED under a lease, so several instances never
 * send the same message at once.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** Long enough for one intake call and one send, with their timeouts. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final EntityManager em;
    private final IntakeContactClient intake;
    private final Channels channels;
    private final NoticeWriter writer;
    private final DeliveryOutcomes outcomes;
    private final OutageBackoff backoff;
    private final int maxPerDay;
    /**
     * Whether intake, or a channel's provider, was last seen away. The first call that gets through again makes the
     * messages put off by that outage due at once, instead of each waiting out its own back-off (up to minutes).
     */
    private volatile boolean intakeAway;

    private final Set<Channel> providersAway = ConcurrentHashMap.newKeySet();

    DeliveryDispatcher(
            EntityManager em,
            @RestClient IntakeContactClient intake,
            Channels channels,
            NoticeWriter writer,
            DeliveryOutcomes outcomes,
            OutageBackoff backoff,
            NotificationConfig config) {
        this.em = em;
        this.intake = intake;
        this.channels = channels;
        this.writer = writer;
        this.outcomes = outcomes;
        this.backoff = backoff;
        this.maxPerDay = config.maxMessagesPerMemberPerDay();
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
     * Claims due deliveries for a lease, in a short transaction: other instances skip them, and if this process dies
     * while sending they fall due again when the lease runs out. No transaction stays open while intake or a
     * provider is called.
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
            delivery.nextAttemptAt = leaseEnds;
            // Under lease, a delivery waits for nothing: the end of an outage must not make it due while it is sent.
            delivery.waitingFor = null;
        }
        return due.stream().map(d -> d.id).toList();
    }

    private void deliver(UUID id) {
        Delivery delivery = backoff.inTransaction(() -> Delivery.<Delivery>findById(id));
        Runnable record = attemptOrPutOff(delivery);
        // A message the provider took must be recorded as SENT, or it goes again when the lease ends.
        backoff.inTransaction(() -> {
            record.run();
            return null;
        });
    }

    private Runnable attemptOrPutOff(Delivery delivery) {
        try {
            return attempt(delivery);
        } catch (RuntimeException e) {
            // A fault of ours (a template, a message that cannot be encoded): never the family's. The message waits,
            // and the log tells operators which delivery to look at.
            LOG.errorf(e, "delivery %s could not be written or sent", delivery.id);
            return () -> outcomes.postponed(
                    delivery.id, "internal error (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** Tries the delivery; returns how to record what happened (run in a transaction of its own). */
    private Runnable attempt(Delivery delivery) {
        if (delivery.status != DeliveryStatus.PENDING) {
            return () -> {};
        }
        Optional<Instant> capped = backoff.inTransaction(() -> capReachedUntil(delivery));
        if (capped.isPresent()) {
            return () -> outcomes.heldBack(delivery.id, capped.get());
        }
        MemberContact contact;
        try {
            contact = intake.contact(delivery.requestId, delivery.memberRef, purpose(delivery));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return () -> outcomes.gone(delivery.id, "intake knows no such member");
            }
            intakeAway = true;
            return () -> outcomes.postponed(delivery.id, "intake answered " + status, Delivery.WAITING_FOR_INTAKE);
        } catch (ProcessingException e) {
            intakeAway = true;
            return () -> outcomes.postponed(delivery.id, "intake unreachable", Delivery.WAITING_FOR_INTAKE);
        }
        if (intakeAway) {
            intakeAway = false;
            backoff.inTransaction(() -> outcomes.dueAgainAfterOutage(Delivery.WAITING_FOR_INTAKE));
        }
        Optional<ChannelSender> sender = channels.sender(delivery.channel);
        Optional<NoticeWriter.Recipient> recipient = sender.flatMap(s -> s.recipient(contact));
        if (recipient.isEmpty()) {
            return () -> outcomes.noChannel(delivery.id);
        }
        Notice notice = writer.write(delivery, contact, recipient.get());
        SendOutcome outcome = sender.get().send(delivery, notice, recipient.get());
        if (outcome instanceof SendOutcome.Unavailable) {
            providersAway.add(delivery.channel);
        } else if (providersAway.remove(delivery.channel)) {
            backoff.inTransaction(() -> outcomes.dueAgainAfterOutage(delivery.channel.name()));
        }
        if (outcome instanceof SendOutcome.Accepted accepted) {
            return () -> outcomes.sent(delivery.id, accepted.providerRef());
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return () -> outcomes.rejected(delivery.id, rejected.reason());
        }
        return () ->
                outcomes.postponed(delivery.id, ((SendOutcome.Unavailable) outcome).reason(), delivery.channel.name());
    }

    /** When the member may be sent the next message, if they had their day's share already. */
    private Optional<Instant> capReachedUntil(Delivery delivery) {
        List<Instant> lastDay = Delivery.<Delivery>find(
                        "requestId = ?1 and memberRef = ?2 and sentAt > ?3 order by sentAt",
                        delivery.requestId,
                        delivery.memberRef,
                        Instant.now().minus(Duration.ofDays(1)))
                .stream()
                .map(d -> d.sentAt)
                .toList();
        return lastDay.size() < maxPerDay
                ? Optional.empty()
                : Optional.of(lastDay.get(lastDay.size() - maxPerDay).plus(Duration.ofDays(1)));
    }

    /** Why intake is asked for the contact details, as its audit records it, e.g. {@code appointment-confirmation}. */
    static String purpose(Delivery delivery) {
        return delivery.kind.toLowerCase().replace('_', '-');
    }
}
