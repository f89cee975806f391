package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "case_member")
public class CaseMember extends PanacheEntityBase {

    @EmbeddedId
    public Key key = new Key();

    @MapsId("requestId")
    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    public FamilyCase familyCase;

    @Column(nullable = false)
    public int position;

    @Column(name = "age_on_deadline", nullable = false)
    public int ageOnDeadline;

    @Column(nullable = false)
    public boolean minor;

    @Column(name = "accompanied_by")
    public String accompaniedBy;

    @Column(name = "current_country", nullable = false)
    public String currentCountry;

    /** The centre in the city where the member lives, if any: the same-city lead time applies there. */
    @Column(name = "local_centre")
    public String localCentre;

    /** BCP 47 tag of the member's language: the interpreter MHAC staff need. */
    public String language;

    @Column(name = "needs_interpreter", nullable = false)
    public boolean needsInterpreter;

    @Column(name = "needs_accessibility", nullable = false)
    public boolean needsAccessibility;

    @Column(name = "needs_medical_care", nullable = false)
    public boolean needsMedicalCare;

    /** The member needs no further appointment: sampled, refused, or identity not confirmed. */
    @Column(nullable = false)
    public boolean done;

    public String memberRef() {
        return key.memberRef;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "request_id")
        public UUID requestId;

        @Column(name = "member_ref")
        public String memberRef;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(k.requestId, requestId)
                    && Objects.equals(k.memberRef, memberRef);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, memberRef);
        }
    }
}
