package org.iom.dna.scheduling.domain;

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

/** One attendance record or correction, as staff entered it. Rows are only ever added: the day's audit trail. */
@Entity
@Table(name = "attendance_record")
public class AttendanceRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "member_ref", nullable = false)
    public String memberRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attendance attendance;

    @Column(name = "identity_verified")
    public Boolean identityVerified;

    @Column(name = "consent_given_by")
    public String consentGivenBy;

    @Column(name = "kit_number")
    public String kitNumber;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<AttendanceRecord> of(UUID appointmentId) {
        return list("appointmentId = ?1 order by id", appointmentId);
    }
}
