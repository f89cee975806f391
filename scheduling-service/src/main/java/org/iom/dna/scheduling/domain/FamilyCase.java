package org.iom.dna.scheduling.domain;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.Priority;

/** The shape of a family case as scheduling needs it: no names, no contacts. */
@Entity
@Table(name = "family_case")
public class FamilyCase extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String country;

    @Column(name = "ad_hoc", nullable = false)
    public boolean adHoc;

    @Column(name = "preferred_centre")
    public String preferredCentre;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "priority_rank", nullable = false)
    public short priorityRank;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "waitlisted_at")
    public Instant waitlistedAt;

    /** Why no day was found on the last try; null once booked. */
    @Enumerated(EnumType.STRING)
    @Column(name = "wait_reason")
    public WaitReason waitReason;

    /** When the IND was told the deadline is at risk (once per case). */
    @Column(name = "deadline_at_risk_since")
    public Instant deadlineAtRiskSince;

    /**
     * A centre-day whose free places are kept for this family (close to its deadline, fitting nowhere yet): nobody
     * served after it is booked there. Null when nothing is kept; cleared when it is booked.
     */
    @Column(name = "held_centre")
    public String heldCentre;

    @Column(name = "held_date")
    public LocalDate heldDate;

    /** Appointments at which a member did not come (an excused absence does not count). */
    @Column(name = "missed_appointments", nullable = false)
    public int missedAppointments;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "familyCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<CaseMember> members = new ArrayList<>();

    /** References and state only (no personal data is held here): for logs and test failures. */
    @Override
    public String toString() {
        return "FamilyCase[" + requestId + " " + country + " " + status + " waitlistedAt=" + waitlistedAt
                + " waitReason=" + waitReason + " kept=" + heldCentre + "/" + heldDate + " missed=" + missedAppointments
                + "]";
    }

    /** The members who still have to be sampled: everyone at first, fewer after a partly attended day. */
    public List<CaseMember> pendingMembers() {
        return members.stream().filter(m -> !m.done).toList();
    }

    /**
     * Waiting families in the order they are served: priority, then deadline, then arrival. Families
     * whose deadline has passed can never be booked and are left out, so they cannot crowd out the rest.
     */
    public static List<UUID> waitlist(int limit) {
        return waitlist(null, limit);
    }

    /** The same, for one sampling country only when {@code country} is given. */
    public static List<UUID> waitlist(String country, int limit) {
        String inCountry = country == null ? "" : " and country = ?3";
        var query = find(
                "status = ?1 and adHoc = false and deadline >= ?2" + inCountry
                        + " order by priorityRank desc, deadline, receivedAt",
                country == null
                        ? new Object[] {
                            CaseStatus.WAITING,
                            LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
                        }
                        : new Object[] {
                            CaseStatus.WAITING,
                            LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1),
                            country
                        });
        return query.page(0, limit).<FamilyCase>list().stream()
                .map(c -> c.requestId)
                .toList();
    }

    /**
     * Families never tried yet, in serving order. Each pass tries them before the long-waiting ones,
     * so a new family gets its first decision (booked, or told it waits) however long the waitlist is.
     */
    public static List<UUID> untried(int limit) {
        return find(
                        "status = ?1 and adHoc = false and waitlistedAt is null and deadline >= ?2"
                                + " order by priorityRank desc, deadline, receivedAt",
                        CaseStatus.WAITING,
                        LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))
                .page(0, limit)
                .<FamilyCase>list()
                .stream()
                .map(c -> c.requestId)
                .toList();
    }

    /** Where a waiting family stands in its country's queue: the serving order's sort key. */
    public record QueuePosition(UUID requestId, short priorityRank, LocalDate deadline, Instant receivedAt) {}

    /** The sampling countries that have waiting families the scheduler books (not ad-hoc, deadline not passed). */
    public static List<String> waitingCountries() {
        return getEntityManager()
                .createQuery(
                        "select distinct f.country from FamilyCase f where f.status = ?1 and f.adHoc = false"
                                + " and f.deadline >= ?2",
                        String.class)
                .setParameter(1, CaseStatus.WAITING)
                .setParameter(2, LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))
                .getResultList();
    }

    /**
     * A stretch of one country's waiting families, in serving order (priority, deadline, arrival), if the country
     * has a slot with a free place between {@code earliest} and their deadline. Families of a country without
     * capacity cannot be booked now, so they are left out instead of filling every pass.
     *
     * @param after the stretch starts behind this family; null for the head of the queue
     */
    @SuppressWarnings("unchecked")
    public static List<QueuePosition> servable(String country, Instant earliest, QueuePosition after, int limit) {
        var query = getEntityManager()
                .createNativeQuery("select f.request_id, f.priority_rank, f.deadline, f.received_at from family_case f"
                        + " where f.status = 'WAITING' and not f.ad_hoc and f.deadline >= ?1 and f.country = ?4"
                        + (after == null
                                ? ""
                                : " and (f.priority_rank < ?5 or (f.priority_rank = ?5"
                                        + " and (f.deadline, f.received_at, f.request_id) > (?6, ?7, ?8)))")
                        + " and exists (select 1 from slot s where s.country = f.country and s.status = 'OPEN'"
                        + " and not s.ad_hoc and s.booked < s.capacity and s.starts_at >= ?2"
                        + " and s.local_date <= f.deadline)"
                        + " order by f.priority_rank desc, f.deadline, f.received_at, f.request_id limit ?3")
                .setParameter(1, LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))
                .setParameter(2, earliest)
                .setParameter(3, limit)
                .setParameter(4, country);
        if (after != null) {
            query.setParameter(5, after.priorityRank())
                    .setParameter(6, after.deadline())
                    .setParameter(7, after.receivedAt())
                    .setParameter(8, after.requestId());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new QueuePosition(
                        (UUID) row[0],
                        ((Number) row[1]).shortValue(),
                        row[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[2],
                        instant(row[3])))
                .toList();
    }

    private static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return column instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) column;
    }
}
