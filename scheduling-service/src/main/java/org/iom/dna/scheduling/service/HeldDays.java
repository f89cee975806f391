package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.SlotReplica;

/**
 * Protects a family that is close to its deadline and fits on no day yet. Without this a large family can wait for
 * ever: each place given back goes at once to the next smaller family that fits. So one centre-day in its window
 * (the one where it misses the fewest places) is kept for it: nobody served after it in its country is booked there,
 * and places given back on that day add up until it fits. Only the first such family of a country keeps a day, so
 * at most one centre-day per country is held back at a time; the hold ends when the family is booked, when the day
 * or its deadline passes, or when a family served before it needs the protection instead.
 */
@ApplicationScoped
class HeldDays {

    /** A centre on a local day. */
    record CentreDay(String centreCode, LocalDate localDate) {}

    private final EntityManager em;
    private final Period notice;

    HeldDays(EntityManager em, SchedulingConfig config) {
        this.em = em;
        this.notice = Period.ofDays((int) config.deadlineRiskNotice().toDays());
    }

    /** Whether the family's deadline is within the notice period: the IND is told, and its day may be kept. */
    boolean nearDeadline(FamilyCase family) {
        return !LocalDate.now(ZoneOffset.UTC).plus(notice).isBefore(family.deadline);
    }

    /** The slots that are not on the day kept for the first family in the country served before this one. */
    List<SlotReplica> withoutDayKeptForOthers(FamilyCase family, List<SlotReplica> slots) {
        return keptAhead(family)
                .map(kept -> slots.stream()
                        .filter(s -> !(s.centreCode.equals(kept.centreCode()) && s.localDate.equals(kept.localDate())))
                        .toList())
                .orElse(slots);
    }

    /**
     * The family found no day: keep one for it if it is close to its deadline and no family served before it in its
     * country has one kept already; otherwise it keeps nothing.
     *
     * @param suitable the open slots of its window that meet its needs (some with a free place)
     * @param earliest its earliest possible start
     */
    void keepDayFor(
            FamilyCase family, List<FamilyMatcher.Member> members, List<SlotReplica> suitable, Instant earliest) {
        Optional<CentreDay> day = nearDeadline(family) && keptAhead(family).isEmpty()
                ? bestDay(members, suitable, earliest)
                : Optional.empty();
        family.heldCentre = day.map(CentreDay::centreCode).orElse(null);
        family.heldDate = day.map(CentreDay::localDate).orElse(null);
    }

    /** The family is booked or leaves the waitlist: its day is free for everyone again. */
    static void release(FamilyCase family) {
        family.heldCentre = null;
        family.heldDate = null;
    }

    /**
     * Among the centre-days with a free place that meet the family's needs and lack places for it, yet could hold it
     * once every place is given back (the family fits the day's slots when all are empty: consecutive places, minors
     * with their adult), the one with the most free places; then the earliest. A day whose slots could never hold
     * the family together is never kept: keeping it would only turn others away.
     */
    private Optional<CentreDay> bestDay(
            List<FamilyMatcher.Member> members, List<SlotReplica> suitable, Instant earliest) {
        Map<CentreDay, Integer> free = new HashMap<>();
        suitable.forEach(
                s -> free.merge(new CentreDay(s.centreCode, s.localDate), s.capacity - s.booked, Integer::sum));
        int needed = members.size();
        return free.keySet().stream()
                .filter(day -> free.get(day) < needed && fitsWhenEmpty(day, members, earliest))
                .max(Comparator.comparing((CentreDay day) -> free.get(day))
                        .thenComparing(CentreDay::localDate, Comparator.reverseOrder())
                        .thenComparing(CentreDay::centreCode, Comparator.reverseOrder()));
    }

    /** Whether the family would fit on the centre-day if every place were free: consecutive places, in order. */
    private static boolean fitsWhenEmpty(CentreDay day, List<FamilyMatcher.Member> members, Instant earliest) {
        List<FamilyMatcher.OpenSlot> empty = SlotReplica.<SlotReplica>list(
                        "centreCode = ?1 and localDate = ?2 and status = 'OPEN' and not adHoc and startsAt >= ?3",
                        day.centreCode(),
                        day.localDate(),
                        earliest)
                .stream()
                .map(s -> new FamilyMatcher.OpenSlot(s.id, s.centreCode, s.localDate, s.startsAt, s.endsAt, s.capacity))
                .toList();
        return FamilyMatcher.match(members, empty, day.centreCode()).isPresent();
    }

    /** The day kept for the first waiting family of the country served before this one, if any. */
    @SuppressWarnings("unchecked")
    private Optional<CentreDay> keptAhead(FamilyCase family) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<Object[]> rows = em.createNativeQuery("select h.held_centre, h.held_date from family_case h"
                        + " where h.country = ?1 and h.status = 'WAITING' and h.held_centre is not null"
                        + " and h.held_date >= ?2 and h.deadline >= ?2 and h.request_id <> ?3"
                        + " and (h.priority_rank > ?4 or (h.priority_rank = ?4"
                        + " and (h.deadline, h.received_at, h.request_id) < (?5, ?6, ?3)))"
                        + " order by h.priority_rank desc, h.deadline, h.received_at, h.request_id limit 1")
                .setParameter(1, family.country)
                .setParameter(2, today)
                .setParameter(3, family.requestId)
                .setParameter(4, family.priorityRank)
                .setParameter(5, family.deadline)
                .setParameter(6, family.receivedAt)
                .getResultList();
        return rows.stream().findFirst().map(row -> new CentreDay((String) row[0], localDate(row[1])));
    }

    private static LocalDate localDate(Object column) {
        return column instanceof Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
