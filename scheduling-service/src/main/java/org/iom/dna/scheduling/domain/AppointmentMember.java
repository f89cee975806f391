package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "appointment_member")
public class AppointmentMember extends PanacheEntityBase {

    @EmbeddedId
    public Key key = new Key();

    @MapsId("appointmentId")
    @ManyToOne(optional = false)
    @JoinColumn(name = "appointment_id")
    public Appointment appointment;

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "local_start", nullable = false)
    public LocalTime localStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attendance attendance = Attendance.BOOKED;

    @Column(name = "identity_verified")
    public Boolean identityVerified;

    @Column(name = "consent_given_by")
    public String consentGivenBy;

    @Column(name = "kit_number")
    public String kitNumber;

    public String memberRef() {
        return key.memberRef;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "appointment_id")
        public UUID appointmentId;

        @Column(name = "member_ref")
        public String memberRef;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(k.appointmentId, appointmentId)
                    && Objects.equals(k.memberRef, memberRef);
        }

        @Override
        public int hashCode() {
            return Objects.hash(appointmentId, memberRef);
        }
    }
}
