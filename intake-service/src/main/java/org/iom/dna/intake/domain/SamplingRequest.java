package org.iom.dna.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.events.Priority;

/** A family case the IND asked IOM to sample. */
@Entity
@Table(name = "sampling_request")
public class SamplingRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ind_reference", nullable = false)
    public String indReference;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(nullable = false)
    public LocalDate deadline;

    /** ISO 3166-1 alpha-2: one of the sampling countries, or where an ad-hoc location is. */
    @Column(nullable = false)
    public String country;

    @Column(name = "ad_hoc", nullable = false)
    public boolean adHoc;

    @Column(name = "ad_hoc_city")
    public String adHocCity;

    @Column(name = "preferred_centre")
    public String preferredCentre;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** AES-GCM ciphertext of {@link CaseNotes} as JSON, or null when there is nothing to keep. */
    @Column(name = "private_data")
    public byte[] privateData;

    @Column(name = "pii_key_id")
    public String piiKeyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public CancellationReason cancelReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When scheduling reported that the case may miss its deadline, and why. */
    @Column(name = "deadline_at_risk_since")
    public Instant deadlineAtRiskSince;

    @Column(name = "deadline_at_risk_reason")
    public String deadlineAtRiskReason;

    /** When the case's personal data was erased, and why (RETENTION or IND_REQUEST); null while it is kept. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erasure_reason")
    public String erasureReason;

    @Version
    public int version;

    /** Always read with the case: a family is at most 20 people and every view shows them. */
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    public List<FamilyMember> members = new ArrayList<>();

    /** Moves the case to a new status and records the step in its history; no-op if already there. */
    public void transitionTo(RequestStatus to, String cause) {
        if (status == to) {
            return;
        }
        StatusTransition step = StatusTransition.record(id, status, to, Instant.now(), cause);
        status = to;
        updatedAt = step.at;
    }

    /** Sampling, or a final state, fixes the case: amendments and cancellation are refused. */
    public boolean isFixed() {
        return switch (status) {
            case PARTIALLY_SAMPLED, SAMPLED, CANCELLED, EXPIRED -> true;
            default -> false;
        };
    }

    public static Optional<SamplingRequest> findByIndReference(String indReference) {
        return find("indReference", indReference).firstResultOptional();
    }
}
