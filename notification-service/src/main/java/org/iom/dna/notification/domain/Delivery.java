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

/**
 * One message to one family member on one channel, and what became of it. Every attempt is
 * counted: families who cannot be reached must be escalated, not forgotten.
 */
@Entity
@Table(name = "delivery")
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

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    @Column(nullable = false)
    public String zone;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "local_start", nullable = false)
    public LocalTime localStart;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

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

    public static List<Delivery> forRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, memberRef", requestId);
    }
}
