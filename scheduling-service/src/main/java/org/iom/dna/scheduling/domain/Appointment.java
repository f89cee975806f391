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

    /** The appointment this one moves the family from, if any. */
    public UUID replaces;

    /** The staff member who booked by hand; null when the scheduler booked. */
    @Column(name = "booked_by")
    public String bookedBy;

    /** Why staff booked beyond a slot's capacity; null for a booking within capacity. */
    @Column(name = "override_reason")
    public String overrideReason;

    /** Where sampling takes place when it is not at the centre (an ad-hoc case); null at the centre. */
    public String location;

    /** When a tentative booking is to be confirmed at the latest; null for one confirmed when it was made. */
    @Column(name = "confirm_by")
    public Instant confirmBy;

    /** When the booking became the family's for good (and the family was told); null while it is tentative. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** When the day's list was closed: attendance is final from then on. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @OneToMany(mappedBy = "appointment", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<AppointmentMember> members = new ArrayList<>();

    /** Held for the family, but may still move when the country is re-planned; the family knows nothing of it yet. */
    public boolean tentative() {
        return status == AppointmentStatus.BOOKED && confirmedAt == null;
    }

    public Optional<AppointmentMember> member(String memberRef) {
        return members.stream().filter(m -> m.key.memberRef.equals(memberRef)).findFirst();
    }

    /** A family's appointments, oldest first: its history of bookings, moves and attended days. */
    public static List<Appointment> historyOf(UUID requestId) {
        return list("requestId = ?1 order by bookedAt, sequence", requestId);
    }

    /** The family's latest appointment, whatever became of it. */
    public static Optional<Appointment> latestOf(UUID requestId) {
        return find("requestId = ?1 order by bookedAt desc, sequence desc", requestId)
                .firstResultOptional();
    }

    public static Optional<Appointment> liveFor(UUID requestId) {
        return find("requestId = ?1 and status = ?2", requestId, AppointmentStatus.BOOKED)
                .firstResultOptional();
    }
}
