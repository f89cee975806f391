package org.iom.dna.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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
import org.iom.dna.platform.transactions.AfterCommit;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries as soon as they are stored (and, as a safety net, whatever a poll finds due): fetches the member's contact details from intake just before sending (they are never
 * stored here), writes the message in the member's language, hands it to the delivery's channel, and records the
 * outcome ({@link DeliveryOutcomes}). Rows are claimed with SKIP LOCKED under a lease, so several instances never
 * send the same message at once. Up to {@code notification.dispatch-concurrency} deliveries are sent at
 * once, at most {@code notification.in-flight-per-channel} of them on one channel.
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

    private final AfterCommit afterCommit;
    private final int concurrency;
    private final Map<Channel, Semaphore> inFlight = new EnumMap<>(Channel.class);
    /** One dispatch loop at a time in this instance; a wake-up that finds it running asks it to go round again. */
    private final ReentrantLock running = new ReentrantLock();

    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(daemon("delivery-dispatch"));
    private final ExecutorService senders;

    DeliveryDispatcher(
            EntityManager em,
            @RestClient IntakeContactClient intake,
            Channels channels,
            NoticeWriter writer,
            DeliveryOutcomes outcomes,
            OutageBackoff backoff,
            AfterCommit afterCommit,
            NotificationConfig config) {
        this.em = em;
        this.intake = intake;
        this.channels = channels;
        this.writer = writer;
        this.outcomes = outcomes;
        this.backoff = backoff;
        this.maxPerDay = config.maxMessagesPerMemberPerDay();
        this.afterCommit = afterCommit;
        this.concurrency = config.dispatchConcurrency();
        for (Channel channel : Channel.values()) {
            inFlight.put(channel, new Semaphore(config.inFlightPerChannel()));
        }
        this.senders = Executors.newFixedThreadPool(concurrency, daemon("delivery-sender"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** New deliveries are due: send them once the transaction that stored them has committed. */
    public void wakeUpAfterCommit() {
        afterCommit.once(DeliveryDispatcher.class, () -> wakeUps.execute(this::dispatchDue));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        wakeUps.shutdownNow();
        senders.shutdown();
    }

    @Scheduled(
            every = "${notification.dispatch-interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        again.set(true);
        while (again.get()) {
            if (!running.tryLock()) {
                return; // the running loop goes round again
            }
            try {
                again.set(false);
                List<UUID> claimed;
                do {
                    claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
                    sendAll(claimed);
                } while (!claimed.isEmpty());
            } finally {
                running.unlock();
            }
        }
    }

    /** Sends a claimed batch concurrently and returns when every one has been sent and recorded. */
    private void sendAll(List<UUID> claimed) {
        List<Future<?>> sending = new ArrayList<>(claimed.size());
        for (UUID id : claimed) {
            sending.add(senders.submit(() -> deliver(id)));
        }
        for (Future<?> f : sending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // The database went away while recording: the lease runs out and the delivery is tried again.
                LOG.warnf(
                        "a delivery could not be recorded (tried again when its lease ends): %s",
                        e.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
                                + " and next_attempt_at <= now() order by next_attempt_at limit ?1 for update skip locked",
                        Delivery.class)
                .setParameter(1, 2 * concurrency)
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
        deliver(id, null);
    }

    /**
     * @param known the member's contact details when they were just read for the same message on another channel (the
     *     member had no address there): used instead of asking intake again
     */
    private void deliver(UUID id, MemberContact known) {
        Delivery delivery = backoff.inTransaction(() -> Delivery.<Delivery>findById(id));
        Attempt attempt = attemptOrPutOff(delivery, known);
        // A message the provider took must be recorded as SENT, or it goes again when the lease ends.
        Optional<UUID> next = backoff.inTransaction(attempt.record()::get);
        if (next.isPresent()) {
            deliver(next.get(), attempt.contact());
        }
    }

    /**
     * What an attempt came to: how to record it (in a transaction of its own; it answers the delivery to try next at
     * once, already under lease, when the member had no address on this channel), and the contact details it read.
     */
    private record Attempt(java.util.function.Supplier<Optional<UUID>> record, MemberContact contact) {
        static Attempt of(Runnable record) {
            return new Attempt(
                    () -> {
                        record.run();
                        return Optional.empty();
                    },
                    null);
        }
    }

    private Attempt attemptOrPutOff(Delivery delivery, MemberContact known) {
        try {
            return attempt(delivery, known);
        } catch (RuntimeException e) {
            // A fault of ours (a template, a message that cannot be encoded): never the family's. The message waits,
            // and the log tells operators which delivery to look at.
            LOG.errorf(e, "delivery %s could not be written or sent", delivery.id);
            return Attempt.of(() -> outcomes.postponed(
                    delivery.id, "internal error (" + e.getClass().getSimpleName() + ")", null));
        }
    }

    /** Tries the delivery; returns how to record what happened. */
    private Attempt attempt(Delivery delivery, MemberContact known) {
        if (delivery.status != DeliveryStatus.PENDING) {
            return Attempt.of(() -> {});
        }
        Optional<Instant> capped = backoff.inTransaction(() -> capReachedUntil(delivery));
        if (capped.isPresent()) {
            return Attempt.of(() -> outcomes.heldBack(delivery.id, capped.get()));
        }
        MemberContact read = known;
        if (read == null) {
            try {
                read = intake.contact(delivery.requestId, delivery.memberRef, purpose(delivery));
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 404) {
                    return Attempt.of(() -> outcomes.gone(delivery.id, "intake knows no such member"));
                }
                intakeAway = true;
                return Attempt.of(() ->
                        outcomes.postponed(delivery.id, "intake answered " + status, Delivery.WAITING_FOR_INTAKE));
            } catch (ProcessingException e) {
                intakeAway = true;
                return Attempt.of(
                        () -> outcomes.postponed(delivery.id, "intake unreachable", Delivery.WAITING_FOR_INTAKE));
            }
        }
        MemberContact contact = read;
        if (intakeAway) {
            intakeAway = false;
            backoff.inTransaction(() -> outcomes.dueAgainAfterOutage(Delivery.WAITING_FOR_INTAKE));
        }
        Optional<ChannelSender> sender = channels.sender(delivery.channel);
        Optional<NoticeWriter.Recipient> recipient = sender.flatMap(s -> s.recipient(contact));
        if (recipient.isEmpty()) {
            Optional<Channel> next = channels.nextReachable(delivery.channel, contact);
            return new Attempt(
                    () -> outcomes.noChannel(delivery.id, next, Instant.now().plus(LEASE)), contact);
        }
        Notice notice = writer.write(delivery, contact, recipient.get());
        SendOutcome outcome = sendBounded(sender.get(), delivery, notice, recipient.get());
        if (outcome instanceof SendOutcome.Unavailable) {
            providersAway.add(delivery.channel);
        } else if (providersAway.remove(delivery.channel)) {
            backoff.inTransaction(() -> outcomes.dueAgainAfterOutage(delivery.channel.name()));
        }
        if (outcome instanceof SendOutcome.Accepted accepted) {
            return Attempt.of(() -> outcomes.sent(delivery.id, accepted.providerRef()));
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return Attempt.of(() -> outcomes.rejected(delivery.id, rejected.reason()));
        }
        return Attempt.of(() ->
                outcomes.postponed(delivery.id, ((SendOutcome.Unavailable) outcome).reason(), delivery.channel.name()));
    }

    /** Sends with at most {@code in-flight-per-channel} sends on the delivery's channel at once. */
    private SendOutcome sendBounded(
            ChannelSender sender, Delivery delivery, Notice notice, NoticeWriter.Recipient recipient) {
        Semaphore channel = inFlight.get(delivery.channel);
        channel.acquireUninterruptibly();
        try {
            return sender.send(delivery, notice, recipient);
        } finally {
            channel.release();
        }
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
