package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A family's booking: one centre, one local day, a slot per member. */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    @Column(nullable = false)
    public String zone;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    /** iCalendar SEQUENCE: grows with every reschedule. */
    @Column(nullable = false)
    public int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @OneToMany(mappedBy = "appointment", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<AppointmentMember> members = new ArrayList<>();

    public static Optional<Appointment> liveFor(UUID requestId) {
        return find("requestId = ?1 and status = ?2", requestId, AppointmentStatus.BOOKED)
                .firstResultOptional();
    }
}
