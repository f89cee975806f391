package org.iom.dna.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One message to one family member on one channel, and what became of it. Every attempt is
 * counted: families who cannot be reached must be escalated, not forgotten.
 */
@Entity
@Table(name = "delivery")
// Only changed columns are written: an erasure's bulk update of the references is never undone by a row that
// another transaction loaded before it.
@DynamicUpdate
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "member_ref", nullable = false)
    public String memberRef;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "centre_code")
    public String centreCode;

    /** The centre's zone; null (as are centre, date and times) for a family told it waits for a date. */
    public String zone;

    @Column(name = "local_date")
    public LocalDate localDate;

    @Column(name = "local_start")
    public LocalTime localStart;

    @Column(name = "starts_at")
    public Instant startsAt;

    /** Where an ad-hoc appointment takes place (outside a centre), or null at the centre. */
    public String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** What went wrong, in words that hold no personal data. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The delivery on the previous channel that this one falls back from, or null for the first channel. */
    @Column(name = "fallback_of")
    public UUID fallbackOf;

    /** Times an outage (intake or the provider unavailable) put this delivery off; not contact attempts. */
    @Column(name = "outage_retries", nullable = false)
    public int outageRetries;

    /** What an outage put this delivery off for: {@link #WAITING_FOR_INTAKE} or its channel's provider; else null. */
    @Column(name = "waiting_for")
    public String waitingFor;

    public static final String WAITING_FOR_INTAKE = "INTAKE";

    /** The provider's name for the message: the SMSC's message id, or the mail's Message-ID. */
    @Column(name = "provider_ref")
    public String providerRef;

    /** What the provider's delivery receipt said, when one came: DELIVERED or UNDELIVERABLE. */
    public String receipt;

    @Column(name = "receipt_at")
    public Instant receiptAt;

    /** A new pending delivery to the same member about the same appointment: another message, or another channel. */
    public Delivery another(String kind, Channel channel, Instant due) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.kind = kind;
        d.channel = channel;
        d.requestId = requestId;
        d.memberRef = memberRef;
        d.appointmentId = appointmentId;
        d.sequence = sequence;
        d.centreCode = centreCode;
        d.zone = zone;
        d.localDate = localDate;
        d.localStart = localStart;
        d.startsAt = startsAt;
        d.location = location;
        d.status = DeliveryStatus.PENDING;
        d.nextAttemptAt = due;
        d.createdAt = Instant.now();
        return d;
    }

    public static List<Delivery> forRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, memberRef", requestId);
    }

    /** Every delivery of one message to one member, on whichever channels it was tried. */
    public static List<Delivery> ofMessage(UUID appointmentId, String kind, String memberRef) {
        return list(
                "appointmentId = ?1 and kind = ?2 and memberRef = ?3 order by createdAt",
                appointmentId,
                kind,
                memberRef);
    }

    public static List<Delivery> forAppointment(UUID appointmentId) {
        return list("appointmentId = ?1 order by createdAt, memberRef", appointmentId);
    }
}
