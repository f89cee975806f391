package org.iom.dna.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of a case's status history, with what caused it. */
@Entity
@Table(name = "status_transition")
public class StatusTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public RequestStatus to;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String cause;

    public static StatusTransition record(
            UUID requestId, RequestStatus from, RequestStatus to, Instant at, String cause) {
        StatusTransition step = new StatusTransition();
        step.requestId = requestId;
        step.from = from;
        step.to = to;
        step.at = at;
        step.cause = cause;
        step.persist();
        return step;
    }

    public static List<StatusTransition> forRequest(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
