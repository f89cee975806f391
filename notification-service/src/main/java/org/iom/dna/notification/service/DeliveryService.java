package org.iom.dna.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.platform.domain.InvalidRequest;

/**
 * Turns appointment events into pending deliveries. Sending happens later, in
 * {@link DeliveryDispatcher}, so that a mail server or intake being down delays a message but never loses it.
 */
@ApplicationScoped
public class DeliveryService {

    public static final String CONFIRMATION = "APPOINTMENT_CONFIRMATION";

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

    /** Messages about an appointment that no longer stands are not sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentCancelled(AppointmentCancelledV1 cancelled) {
        Delivery.update(
                "status = ?1 where appointmentId = ?2 and status = ?3",
                DeliveryStatus.CANCELLED,
                cancelled.appointmentId(),
                DeliveryStatus.PENDING);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentBooked(AppointmentBookedV1 booked) {
        Instant now = Instant.now();
        for (AppointmentBookedV1.BookedMember member : booked.members()) {
            Delivery d = new Delivery();
            d.id = UUID.randomUUID();
            d.kind = CONFIRMATION;
            d.channel = Channel.EMAIL;
            d.requestId = booked.requestId();
            d.memberRef = member.memberRef();
            d.appointmentId = booked.appointmentId();
            d.sequence = booked.sequence();
            d.centreCode = booked.centreCode();
            d.zone = booked.zone();
            d.localDate = booked.localDate();
            d.localStart = member.localStart();
            d.startsAt = member.startsAt();
            d.status = DeliveryStatus.PENDING;
            d.nextAttemptAt = now;
            d.createdAt = now;
            d.persist();
        }
    }
}
