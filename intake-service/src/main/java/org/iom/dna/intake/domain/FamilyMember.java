package org.iom.dna.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One person of the family to be sampled. The columns hold scheduling facts only; everything that
 * identifies or reaches the person is in {@code personalData}, encrypted.
 */
@Entity
@Table(name = "family_member")
// Only changed columns are written: an erasure's bulk update of the references is never undone by a row that
// another transaction loaded before it.
@DynamicUpdate
public class FamilyMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    public SamplingRequest request;

    @Column(nullable = false)
    public int position;

    @Column(name = "person_ref", nullable = false)
    public String personRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relationship relationship;

    @Column(name = "age_on_deadline", nullable = false)
    public int ageOnDeadline;

    @Column(nullable = false)
    public boolean minor;

    @Column(name = "accompanied_by")
    public String accompaniedBy;

    @Column(nullable = false)
    public String language;

    @Column(name = "needs_interpreter", nullable = false)
    public boolean needsInterpreter;

    @Column(name = "needs_accessibility", nullable = false)
    public boolean needsAccessibility;

    @Column(name = "needs_medical", nullable = false)
    public boolean needsMedical;

    /** A minor who comes with an appointed guardian or escort rather than a family member. */
    @Column(name = "has_guardian", nullable = false)
    public boolean hasGuardian;

    @Column(name = "current_country", nullable = false)
    public String currentCountry;

    /**
     * The centre in the city where the member lived at submission, if intake knew one there (a shorter lead
     * time applies at it); null otherwise. A centre code, not personal data: the city itself stays sealed.
     */
    @Column(name = "local_centre")
    public String localCentre;

    /** AES-GCM ciphertext of {@code PersonalData} as JSON; null once the case is erased. */
    @Column(name = "personal_data")
    public byte[] personalData;

    @Column(name = "pii_key_id")
    public String piiKeyId;

    /** Keyed hashes of the member's phone and WhatsApp numbers, for lookups; null without such a number. */
    @Column(name = "phone_index")
    public String phoneIndex;

    @Column(name = "whatsapp_index")
    public String whatsappIndex;

    /** The key the indexes were made under; null until they are made. */
    @Column(name = "lookup_key_id")
    public String lookupKeyId;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "centre_code")
    public String centreCode;

    public String zone;

    @Column(name = "local_date")
    public LocalDate localDate;

    @Column(name = "local_time")
    public LocalTime localTime;

    @Column(name = "starts_at")
    public Instant startsAt;

    /** False while scheduling may still move the appointment (the family has not been told of it yet). */
    @Column(name = "appointment_confirmed", nullable = false)
    public boolean appointmentConfirmed = true;

    /** Attendance outcome recorded by the MHAC, or null before the appointment. */
    public String outcome;

    @Column(nullable = false)
    public boolean unreachable;

    /** Sets the lookup indexes of the member's numbers (keyed hashes made by the caller). */
    public void indexContact(String keyId, String phone, String whatsapp) {
        lookupKeyId = keyId;
        phoneIndex = phone;
        whatsappIndex = whatsapp;
    }
}
