package org.iom.dna.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SamplingCountry country;

    @Column(name = "preferred_centre")
    public String preferredCentre;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "note_ciphertext")
    public byte[] noteCiphertext;

    @Column(name = "pii_key_id")
    public String piiKeyId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<FamilyMember> members = new ArrayList<>();

    public static Optional<SamplingRequest> findByIndReference(String indReference) {
        return find("indReference", indReference).firstResultOptional();
    }
}
