package org.iom.dna.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt to reach a member, as notification-service reported it. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "person_ref", nullable = false)
    public String personRef;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public Instant at;

    public static List<ContactAttempt> forRequest(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }
}
