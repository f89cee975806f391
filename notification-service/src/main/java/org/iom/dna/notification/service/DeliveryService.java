package org.iom.dna.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.notification.channel.Channels;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.message.NoticeKind;
import org.iom.dna.platform.domain.InvalidRequest;

/**
 * Turns appointment events into pending deliveries, one per message and member on the first channel (the
 * dispatcher falls back to the next ones). Sending happens later, in {@link DeliveryDispatcher}, so that a provider
 * or intake being down delays a message but never loses it.
 *
 * <ul>
 *   <li>A booking is confirmed to each member, and reminded of before the day ({@code notification.reminders}). A
 *       tentative booking is told only once it is confirmed (its confirmation carries the booking again): until then
 *       it may move, and a cancelled or moved tentative booking was never told, so nothing is said of it.
 *   <li>A booking that replaces an appointment the member was told of is announced as a move: one notice with the
 *       new time, and no notice of the old appointment's cancellation.
 *   <li>A cancellation is announced to the members who were told of the appointment, after a short grace in which
 *       a replacing booking turns it into a move; messages about the appointment not yet sent are dropped.
 *   <li>A family that waits for a date and has heard nothing from IOM yet is told that it waits and will be sent
 *       one (a family whose appointment was cancelled was told so by the cancellation notice).
 * </ul>
 */
@ApplicationScoped
public class DeliveryService {

    public static final String CONFIRMATION = NoticeKind.APPOINTMENT_CONFIRMATION.name();
    public static final String MOVED = NoticeKind.APPOINTMENT_MOVED.name();
    public static final String CANCELLED = NoticeKind.APPOINTMENT_CANCELLED.name();
    public static final String WAITLISTED = NoticeKind.FAMILY_WAITLISTED.name();

    private final Channels channels;
    private final List<Duration> reminders;
    private final Duration cancellationGrace;

    private final DeliveryDispatcher dispatcher;

    DeliveryService(Channels channels, NotificationConfig config, DeliveryDispatcher dispatcher) {
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.reminders = config.reminders();
        this.cancellationGrace = config.cancellationGrace();
    }

    /**
     * Every delivery for one sampling request, oldest first.
     *
     * @throws InvalidRequest without a request id
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> forRequest(UUID requestId) {
        if (requestId == null) {
            throw InvalidRequest.of("requestId", "must be given");
        }
        return Delivery.forRequest(requestId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentCancelled(AppointmentCancelledV1 cancelled) {
        dropUnsent(cancelled.appointmentId());
        Instant due = Instant.now().plus(cancellationGrace);
        for (Delivery told : toldOf(cancelled.appointmentId()).values()) {
            persist(told.another(CANCELLED, channels.first(), due));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void familyWaitlisted(FamilyWaitlistedV1 waitlisted) {
        tellWaiting(waitlisted, null);
    }

    /**
     * A family that has heard nothing from IOM yet is told that it waits and will be sent a date.
     *
     * @param tentative the day held for it tentatively, whose date it is told to expect; null when none is held
     */
    private void tellWaiting(FamilyWaitlistedV1 waitlisted, AppointmentBookedV1 tentative) {
        if (waitlisted.memberRefs() == null || Delivery.count("requestId", waitlisted.requestId()) > 0) {
            return;
        }
        // One waiting spell of the family: the same event again names the same spell, and adds nothing.
        UUID spell = UUID.nameUUIDFromBytes(("waitlisted:" + waitlisted.requestId() + ":" + waitlisted.waitlistedAt())
                .getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        for (String memberRef : waitlisted.memberRefs()) {
            Delivery d = new Delivery();
            d.requestId = waitlisted.requestId();
            d.memberRef = memberRef;
            d.appointmentId = spell;
            d.sequence = 0;
            if (tentative != null) {
                d.zone = tentative.zone();
                d.localDate = tentative.localDate();
                d.startsAt = tentative.members().stream()
                        .map(AppointmentBookedV1.BookedMember::startsAt)
                        .min(Instant::compareTo)
                        .orElse(null);
            }
            persist(d.another(WAITLISTED, channels.first(), now));
        }
    }

    /**
     * A booking the family is to be told of. A tentative one is not, until its confirmation brings it again; a family
     * that has heard nothing yet is told meanwhile that it will be sent a date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentBooked(AppointmentBookedV1 booked) {
        if (booked.tentative()) {
            // Not told where and when yet: like a waiting family, it hears that a date will be sent, and which day
            // to expect.
            tellWaiting(
                    new FamilyWaitlistedV1(
                            booked.requestId(),
                            booked.bookedAt(),
                            booked.members().stream()
                                    .map(AppointmentBookedV1.BookedMember::memberRef)
                                    .toList()),
                    booked);
            return;
        }
        // A date is found: a notice that the family waits, not sent yet, would only confuse.
        Delivery.update(
                "status = ?1 where requestId = ?2 and kind = ?3 and status = ?4",
                DeliveryStatus.CANCELLED,
                booked.requestId(),
                WAITLISTED,
                DeliveryStatus.PENDING);
        Set<String> toldOfPrevious = Set.of();
        if (booked.replaces() != null) {
            toldOfPrevious = toldOf(booked.replaces()).keySet();
            dropUnsent(booked.replaces()); // the pending cancellation notice among them: the move says it all
        }
        Instant now = Instant.now();
        for (AppointmentBookedV1.BookedMember member : booked.members()) {
            String kind = toldOfPrevious.contains(member.memberRef()) ? MOVED : CONFIRMATION;
            persist(delivery(booked, member, kind, now));
            for (Duration before : reminders) {
                Instant due = member.startsAt().minus(before);
                if (due.isAfter(now)) {
                    persist(delivery(booked, member, NoticeKind.reminder(before.toHours()), due));
                }
            }
        }
    }

    /** Messages about an appointment that no longer stands are not sent. */
    private static void dropUnsent(UUID appointmentId) {
        Delivery.update(
                "status = ?1 where appointmentId = ?2 and status = ?3",
                DeliveryStatus.CANCELLED,
                appointmentId,
                DeliveryStatus.PENDING);
    }

    /** Per member who received a message about the appointment (on any channel), one such delivery. */
    private static Map<String, Delivery> toldOf(UUID appointmentId) {
        return Delivery.forAppointment(appointmentId).stream()
                .filter(d -> d.status == DeliveryStatus.SENT && !CANCELLED.equals(d.kind))
                .collect(Collectors.toMap(d -> d.memberRef, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    private Delivery delivery(
            AppointmentBookedV1 booked, AppointmentBookedV1.BookedMember member, String kind, Instant due) {
        Delivery d = new Delivery();
        d.requestId = booked.requestId();
        d.memberRef = member.memberRef();
        d.appointmentId = booked.appointmentId();
        d.sequence = booked.sequence();
        d.centreCode = booked.centreCode();
        d.zone = booked.zone();
        d.localDate = booked.localDate();
        d.localStart = member.localStart();
        d.startsAt = member.startsAt();
        d.location = booked.location();
        return d.another(kind, channels.first(), due);
    }

    /** Stores a delivery; one that is due now is sent as soon as the transaction commits, not at the next poll. */
    private void persist(Delivery d) {
        d.persist();
        if (!d.nextAttemptAt.isAfter(Instant.now())) {
            dispatcher.wakeUpAfterCommit();
        }
    }
}
