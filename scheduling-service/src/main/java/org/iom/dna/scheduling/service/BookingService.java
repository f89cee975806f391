package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.FamilyDeadlineAtRiskV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.metrics.Counting;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentMember;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.CaseMember;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.CentreReplica;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.SlotReplica;
import org.iom.dna.scheduling.domain.WaitReason;
import org.jboss.logging.Logger;

/**
 * Makes and unmakes appointments: the scheduler's own bookings of waiting families, and bookings or moves that
 * country-office staff make by hand. Capacity is guarded by the database through {@link Seats}; locks are taken
 * family first, then slots in id order, as everywhere in this service.
 */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);

    /** A booking by hand: a centre and a local day, optionally beyond capacity, then with a reason. */
    public record HandBooking(String centreCode, LocalDate localDate, boolean beyondCapacity, String reason) {}

    /**
     * Sampling of an ad-hoc case outside the centres: the centre whose staff go, where, and when (local time at the
     * centre). The whole family is seen together.
     */
    public record AdHocBooking(String centreCode, String location, LocalDate localDate, LocalTime localStart) {}

    /** How long an ad-hoc session is planned for each member. */
    static final Duration AD_HOC_PER_MEMBER = Duration.ofMinutes(30);

    private final EntityManager em;
    private final Outbox outbox;
    private final Seats seats;
    private final LeadTimes leadTimes;
    private final HeldDays heldDays;
    private final Counting counting;
    private final SchedulingConfig.Confirmation confirmation;

    BookingService(
            EntityManager em,
            Outbox outbox,
            Seats seats,
            LeadTimes leadTimes,
            HeldDays heldDays,
            Counting counting,
            SchedulingConfig config) {
        this.em = em;
        this.confirmation = config.confirmation();
        this.outbox = outbox;
        this.counting = counting;
        this.seats = seats;
        this.leadTimes = leadTimes;
        this.heldDays = heldDays;
    }

    /** No family can be booked sooner than this from now. */
    public Duration shortestLeadTime() {
        return leadTimes.shortest();
    }

    /**
     * @return the new appointment, or empty when no feasible day exists yet (the family keeps waiting) or the family is
     *     not the scheduler's to book (closed, or an ad-hoc case)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Appointment> tryBook(UUID requestId) {
        FamilyCase family = em.find(FamilyCase.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        // Ad-hoc cases are sampled where staff arrange it (bookAdHoc), never in a centre's own slots.
        if (family == null || family.status != CaseStatus.WAITING || family.adHoc) {
            return Optional.empty();
        }
        Earliest earliestAt = earliestDays(family);
        Instant earliest = earliestAt.soonest();
        Needs needs = Needs.of(family.pendingMembers());
        List<SlotReplica> open = SlotReplica.candidates(family.country, earliest, family.deadline).stream()
                .filter(earliestAt::allows)
                .toList();
        List<SlotReplica> equipped = needs.withFacilities(open);
        List<SlotReplica> suitable = needs.withInterpreters(equipped, em);
        List<SlotReplica> candidates = heldDays.withoutDayKeptForOthers(family, suitable);
        List<FamilyMatcher.Member> members = matcherMembers(family);
        Optional<FamilyMatcher.Match> match =
                FamilyMatcher.match(members, openSlots(candidates, false), family.preferredCentre);
        if (match.isEmpty()) {
            boolean fitsOnKeptDay = candidates.size() < suitable.size()
                    && FamilyMatcher.match(members, openSlots(suitable, false), family.preferredCentre)
                            .isPresent();
            family.waitReason = fitsOnKeptDay
                    ? WaitReason.DAY_KEPT_FOR_ANOTHER_FAMILY
                    : whyNoDay(family, earliest, open, equipped, suitable);
            if (family.waitReason == WaitReason.NO_DAY_FITS_FAMILY) {
                heldDays.keepDayFor(family, members, suitable, earliest);
            } else {
                HeldDays.release(family);
            }
            waitlistOnce(family);
            flagDeadlineAtRisk(family);
            return Optional.empty();
        }
        return Optional.of(
                book(family, match.get(), candidates, List.of(), cancelledBefore(requestId), null, null, null));
    }

    /** The family's last appointment if it was cancelled: a new booking replaces it. */
    static UUID cancelledBefore(UUID requestId) {
        return Appointment.latestOf(requestId)
                .filter(a -> a.status == AppointmentStatus.CANCELLED)
                .map(a -> a.id)
                .orElse(null);
    }

    /**
     * Country-office staff book a family into a centre on a day of their choice, or move it there. Within capacity
     * unless {@code beyondCapacity} (then a reason is required and kept with the appointment). The deadline and
     * the rules of the day (one centre, consecutive places, minors with their adult) still hold; the travel lead
     * time does not, since staff have arranged the day with the family.
     *
     * @throws NotFound if scheduling has no such family
     * @throws Conflict if the case is closed, or the day has no room and no override was asked for
     * @throws InvalidRequest if the day is past or after the deadline, or an override has no reason
     */
    @Transactional
    public Appointment bookByHand(UUID requestId, HandBooking booking, String actor) {
        FamilyCase family = lockFamily(requestId);
        requireOpen(family);
        if (booking.beyondCapacity()
                && (booking.reason() == null || booking.reason().isBlank())) {
            throw InvalidRequest.of("$.reason", "is required to book beyond capacity");
        }
        if (booking.localDate().isAfter(family.deadline)) {
            throw InvalidRequest.of("$.localDate", "is after the case's deadline " + family.deadline);
        }
        List<SlotReplica> day = SlotReplica.list(
                "centreCode = ?1 and localDate = ?2 and status = 'OPEN' and not adHoc and startsAt > ?3 order by startsAt",
                booking.centreCode(),
                booking.localDate(),
                Instant.now());
        if (day.isEmpty()) {
            throw new Conflict(
                    "no-open-slot",
                    "No open slot that day",
                    "no open slot at " + booking.centreCode() + " on " + booking.localDate()
                            + " (a past day, a closed one, or none published)",
                    null);
        }
        if (booking.localDate().isBefore(LocalDate.now(ZoneId.of(day.get(0).zone)))) {
            throw InvalidRequest.of("$.localDate", "is in the past");
        }
        Needs needs = Needs.of(family.pendingMembers());
        if (needs.withFacilities(day).isEmpty()) {
            throw new Conflict(
                    "no-facility",
                    "The centre lacks what a member needs",
                    "the family needs " + String.join(", ", needs.facilities()) + ", which " + booking.centreCode()
                            + " does not offer according to the registry",
                    null);
        }
        if (needs.withInterpreters(day, em).isEmpty()) {
            throw new Conflict(
                    "no-interpreter",
                    "No interpreter for the family at this centre that day",
                    "no interpreter at " + booking.centreCode() + " on " + booking.localDate() + " speaks "
                            + String.join(", ", needs.languages())
                            + "; add the language to the centre, or to the day's interpreter roster, in the registry"
                            + " once one is arranged",
                    null);
        }
        Optional<Appointment> live = Appointment.liveFor(requestId);
        Optional<FamilyMatcher.Match> withinCapacity =
                FamilyMatcher.match(matcherMembers(family), openSlots(day, false), booking.centreCode());
        boolean overflow = withinCapacity.isEmpty() && booking.beyondCapacity();
        FamilyMatcher.Match match = withinCapacity
                .or(() -> overflow
                        ? FamilyMatcher.match(matcherMembers(family), openSlots(day, true), booking.centreCode())
                        : Optional.empty())
                .orElseThrow(() -> new Conflict(
                        "no-room",
                        "No room for the family that day",
                        "no room for the family's " + family.pendingMembers().size() + " member(s) at "
                                + booking.centreCode() + " on " + booking.localDate()
                                + "; book beyond capacity with a reason to override",
                        null));
        live.ifPresent(old -> unbook(old, "MOVED"));
        try {
            return book(
                    family,
                    match,
                    day,
                    live.map(BookingService::slotsOf).orElse(List.of()),
                    live.map(a -> a.id).orElse(null),
                    actor,
                    overflow ? booking.reason() : null,
                    null);
        } catch (Seats.CapacityTaken e) {
            throw new Conflict(
                    "slot-taken",
                    "The day filled up while booking",
                    "another booking took the places at " + booking.centreCode() + " on " + booking.localDate()
                            + " meanwhile; nothing was changed: read the day again and retry",
                    null);
        }
    }

    /**
     * MHAC staff (of the centre) or a country office book an ad-hoc case (one the IND asked to be sampled outside
     * the centres) at a location and time they arranged: a slot of its own is created for the family, never offered
     * to anyone else. A family already booked is moved.
     *
     * @throws NotFound if there is no such family, or the caller may not act for the centre
     * @throws Conflict if the case is not an ad-hoc case, is closed, or the registry has not described the centre
     * @throws InvalidRequest if the time is past, after the deadline, or the centre is in another country
     */
    @Transactional
    public Appointment bookAdHoc(UUID requestId, AdHocBooking booking, String actor, CentreAccess access) {
        access.require(booking.centreCode());
        FamilyCase family = lockFamily(requestId);
        if (!family.adHoc) {
            throw new Conflict(
                    "not-ad-hoc",
                    "Not an ad-hoc case",
                    "the IND asked for this family at a centre: book it into the centre's slots",
                    null);
        }
        requireOpen(family);
        CentreReplica centre = CentreReplica.findById(booking.centreCode());
        if (centre == null) {
            throw new Conflict(
                    "centre-unknown",
                    "The centre is not known yet",
                    "the registry has not described " + booking.centreCode() + " to the scheduler yet",
                    null);
        }
        if (!centre.country.equals(family.country)) {
            throw InvalidRequest.of("$.centreCode", "is not in the case's country " + family.country);
        }
        ZoneId zone = ZoneId.of(centre.zone);
        Instant startsAt =
                booking.localDate().atTime(booking.localStart()).atZone(zone).toInstant();
        if (!startsAt.isAfter(Instant.now())) {
            throw InvalidRequest.of("$.localDate", "with $.localStart is in the past at the centre");
        }
        if (booking.localDate().isAfter(family.deadline)) {
            throw InvalidRequest.of("$.localDate", "is after the case's deadline " + family.deadline);
        }
        SlotReplica slot = adHocSlot(family, centre, booking, startsAt);
        FamilyMatcher.Match match = FamilyMatcher.match(
                        matcherMembers(family), openSlots(List.of(slot), false), centre.code)
                .orElseThrow(() -> new IllegalStateException("a slot sized for the family does not hold it"));
        Optional<Appointment> live = Appointment.liveFor(requestId);
        live.ifPresent(old -> unbook(old, "MOVED"));
        Appointment appointment = book(
                family,
                match,
                List.of(slot),
                live.map(BookingService::slotsOf).orElse(List.of()),
                live.map(a -> a.id).orElse(null),
                actor,
                null,
                booking.location());
        return appointment;
    }

    /** Locks the family (the first lock of every change, before any slot). @throws NotFound if there is none */
    private FamilyCase lockFamily(UUID requestId) {
        FamilyCase family = em.find(FamilyCase.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (family == null) {
            throw new NotFound("family " + requestId);
        }
        return family;
    }

    /** @throws Conflict if the case is cancelled or finished: nothing is booked for it any more */
    private static void requireOpen(FamilyCase family) {
        if (family.status == CaseStatus.CANCELLED || family.status == CaseStatus.COMPLETED) {
            throw new Conflict(
                    "case-closed",
                    "The case is closed",
                    "the case is " + family.status.name().toLowerCase() + "; nothing to book",
                    null);
        }
    }

    /** One slot, sized and timed for the whole family, that only this case will use. */
    private SlotReplica adHocSlot(FamilyCase family, CentreReplica centre, AdHocBooking booking, Instant startsAt) {
        int members = family.pendingMembers().size();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into slot (id, centre_code, country, zone, local_date, local_start, starts_at,"
                        + " ends_at, capacity, booked, status, ad_hoc) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0,"
                        + " 'OPEN', true)")
                .setParameter(1, id)
                .setParameter(2, centre.code)
                .setParameter(3, centre.country)
                .setParameter(4, centre.zone)
                .setParameter(5, booking.localDate())
                .setParameter(6, booking.localStart())
                .setParameter(7, startsAt)
                .setParameter(8, startsAt.plus(AD_HOC_PER_MEMBER.multipliedBy(members)))
                .setParameter(9, members)
                .executeUpdate();
        return SlotReplica.findById(id);
    }

    /**
     * The appointment no longer stands: its places go back to the slots and everyone is told why.
     *
     * @param reason {@code REQUEST_CANCELLED}, {@code MOVED}, {@code SLOT_CHANGED}, {@code SLOT_WITHDRAWN}, ...
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Appointment appointment, String reason) {
        seats.release(slotsOf(appointment));
        unbook(appointment, reason);
    }

    /** Cancels without giving the places back: the caller does, together with what it takes instead. */
    void unbook(Appointment appointment, String reason) {
        appointment.status = AppointmentStatus.CANCELLED;
        Instant now = Instant.now();
        outbox.publish(
                Topics.APPOINTMENTS,
                appointment.requestId.toString(),
                AppointmentCancelledV1.TYPE,
                new AppointmentCancelledV1(appointment.id, appointment.requestId, reason, now));
    }

    /** @param released places of the appointment the family moves away from, given back in the same pass */
    private Appointment book(
            FamilyCase family,
            FamilyMatcher.Match match,
            List<SlotReplica> candidates,
            List<UUID> released,
            UUID replaces,
            String bookedBy,
            String overrideReason,
            String location) {
        seats.move(released, match.placements().stream().map(p -> p.slot().id()).toList(), overrideReason != null);
        return record(family, match, candidates, replaces, bookedBy, overrideReason, location);
    }

    /**
     * Records a booking whose places the caller has already taken: the appointment, the family's new status and the
     * event. The booking is tentative unless it is {@link #confirmsAtOnce confirmed at once}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Appointment record(
            FamilyCase family,
            FamilyMatcher.Match match,
            List<SlotReplica> candidates,
            UUID replaces,
            String bookedBy,
            String overrideReason,
            String location) {
        Map<UUID, SlotReplica> slots = candidates.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Appointment appointment = appointment(family, match, slots);
        appointment.replaces = replaces;
        appointment.bookedBy = bookedBy;
        appointment.overrideReason = overrideReason;
        appointment.location = location;
        Instant firstStart = appointment.members.stream()
                .map(m -> m.startsAt)
                .min(Instant::compareTo)
                .orElseThrow();
        appointment.confirmBy = firstStart
                .minus(leadTimes.forFamilyAt(family.country, family.pendingMembers(), appointment.centreCode))
                .minus(confirmation.margin());
        if (confirmsAtOnce(family, appointment)) {
            appointment.confirmedAt = appointment.bookedAt;
        }
        appointment.persist();
        family.status = CaseStatus.BOOKED;
        family.waitReason = null;
        HeldDays.release(family);
        family.updatedAt = appointment.bookedAt;
        outbox.publish(Topics.APPOINTMENTS, family.requestId.toString(), AppointmentBookedV1.TYPE, booked(appointment));
        LOG.infof(
                "request %s booked at %s on %s%s%s",
                family.requestId,
                appointment.centreCode,
                appointment.localDate,
                replaces == null ? "" : " (moved)",
                appointment.tentative() ? " (tentative)" : "");
        counting.afterCommit(
                "dna.bookings",
                "Families booked, by sampling country; a move (a family booked again) counted apart",
                "country",
                family.country,
                "kind",
                replaces == null ? "first" : "move");
        return appointment;
    }

    /**
     * Whether a new booking is the family's for good at once: when there is no time left to re-plan it, when staff
     * arranged it (by hand, or an ad-hoc case), for the most urgent priorities, and for a family already told of an
     * earlier day (moved from it, or booked again after a no-show): it must hear of the change now, not later.
     */
    private boolean confirmsAtOnce(FamilyCase family, Appointment appointment) {
        return !appointment.confirmBy.isAfter(appointment.bookedAt)
                || appointment.bookedBy != null
                || appointment.location != null
                || confirmation.atOnce().contains(family.priority)
                // Told of an earlier day (moved from it, or booked again after a no-show or a partly attended day):
                // the family hears of the new one now.
                || Appointment.count("requestId = ?1 and confirmedAt is not null", family.requestId) > 0;
    }

    /**
     * Makes a tentative booking the family's for good and tells everyone; the caller holds the family's lock.
     *
     * @return false when the appointment is no longer tentative (confirmed, moved or cancelled meanwhile)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean confirm(Appointment appointment) {
        if (!appointment.tentative()) {
            return false;
        }
        appointment.confirmedAt = Instant.now();
        outbox.publish(
                Topics.APPOINTMENTS,
                appointment.requestId.toString(),
                AppointmentConfirmedV1.TYPE,
                new AppointmentConfirmedV1(
                        appointment.id, appointment.requestId, appointment.confirmedAt, booked(appointment)));
        LOG.infof(
                "request %s confirmed at %s on %s",
                appointment.requestId, appointment.centreCode, appointment.localDate);
        return true;
    }

    private static List<UUID> slotsOf(Appointment appointment) {
        return appointment.members.stream().map(m -> m.slotId).toList();
    }

    /**
     * When the family can be seen at a centre: from now, the lead time of the slowest member still to be sampled,
     * which is shorter at a centre in a member's own city.
     *
     * @param elsewhere at a centre in none of the members' cities
     * @param atLocalCentres at each centre in the city of one of the members
     */
    record Earliest(Instant elsewhere, Map<String, Instant> atLocalCentres) {

        Instant soonest() {
            return atLocalCentres.values().stream().reduce(elsewhere, (a, b) -> a.isBefore(b) ? a : b);
        }

        boolean allows(SlotReplica slot) {
            return !slot.startsAt.isBefore(atLocalCentres.getOrDefault(slot.centreCode, elsewhere));
        }
    }

    Earliest earliestDays(FamilyCase family) {
        Instant now = Instant.now();
        List<CaseMember> pending = family.pendingMembers();
        Map<String, Instant> local = pending.stream()
                .map(m -> m.localCentre)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .collect(Collectors.toMap(
                        centre -> centre, centre -> now.plus(leadTimes.forFamilyAt(family.country, pending, centre))));
        return new Earliest(now.plus(leadTimes.forFamilyAt(family.country, pending, null)), local);
    }

    static List<FamilyMatcher.Member> matcherMembers(FamilyCase family) {
        return family.pendingMembers().stream()
                .map(m -> new FamilyMatcher.Member(m.memberRef(), m.minor, m.accompaniedBy))
                .toList();
    }

    /** @param beyondCapacity every slot counts as having room for the whole family (an override by staff) */
    static List<FamilyMatcher.OpenSlot> openSlots(List<SlotReplica> candidates, boolean beyondCapacity) {
        return candidates.stream()
                .map(s -> new FamilyMatcher.OpenSlot(
                        s.id,
                        s.centreCode,
                        s.localDate,
                        s.startsAt,
                        s.endsAt,
                        beyondCapacity ? Integer.MAX_VALUE : s.capacity - s.booked))
                .toList();
    }

    private static WaitReason whyNoDay(
            FamilyCase family,
            Instant earliest,
            List<SlotReplica> open,
            List<SlotReplica> equipped,
            List<SlotReplica> withInterpreters) {
        if (earliest.atZone(ZoneOffset.UTC).toLocalDate().isAfter(family.deadline)) {
            return WaitReason.LEAD_TIME_PASSES_DEADLINE;
        }
        if (open.isEmpty()) {
            return WaitReason.NO_OPEN_SLOT;
        }
        if (equipped.isEmpty()) {
            return WaitReason.NO_FACILITY;
        }
        return withInterpreters.isEmpty() ? WaitReason.NO_INTERPRETER : WaitReason.NO_DAY_FITS_FAMILY;
    }

    /**
     * The IND learns once, early, that a waiting family may miss its deadline: at once when its members cannot
     * travel in time, otherwise when the deadline comes within the notice period.
     */
    private void flagDeadlineAtRisk(FamilyCase family) {
        boolean near = heldDays.nearDeadline(family);
        if (family.deadlineAtRiskSince != null
                || !(near || family.waitReason == WaitReason.LEAD_TIME_PASSES_DEADLINE)) {
            return;
        }
        family.deadlineAtRiskSince = Instant.now();
        outbox.publish(
                Topics.APPOINTMENTS,
                family.requestId.toString(),
                FamilyDeadlineAtRiskV1.TYPE,
                new FamilyDeadlineAtRiskV1(
                        family.requestId, family.deadline, family.waitReason.name(), family.deadlineAtRiskSince));
    }

    /** The IND learns once that the family waits; later passes that still find no day say nothing. */
    private void waitlistOnce(FamilyCase family) {
        if (family.waitlistedAt == null) {
            family.waitlistedAt = Instant.now();
            LOG.infof("request %s waits: %s", family.requestId, family.waitReason);
            outbox.publish(
                    Topics.APPOINTMENTS,
                    family.requestId.toString(),
                    FamilyWaitlistedV1.TYPE,
                    new FamilyWaitlistedV1(
                            family.requestId,
                            family.waitlistedAt,
                            family.pendingMembers().stream()
                                    .map(CaseMember::memberRef)
                                    .toList()));
        }
    }

    private static Appointment appointment(FamilyCase family, FamilyMatcher.Match match, Map<UUID, SlotReplica> slots) {
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.requestId = family.requestId;
        appointment.centreCode = match.centreCode();
        appointment.zone = slots.get(match.placements().get(0).slot().id()).zone;
        appointment.localDate = match.localDate();
        appointment.sequence = (int) Appointment.count("requestId", family.requestId);
        appointment.status = AppointmentStatus.BOOKED;
        appointment.bookedAt = Instant.now();
        for (FamilyMatcher.Placement placement : match.placements()) {
            SlotReplica slot = slots.get(placement.slot().id());
            AppointmentMember member = new AppointmentMember();
            member.key.memberRef = placement.memberRef();
            member.appointment = appointment;
            member.slotId = slot.id;
            member.startsAt = slot.startsAt;
            member.localStart = slot.localStart;
            appointment.members.add(member);
        }
        return appointment;
    }

    private static AppointmentBookedV1 booked(Appointment a) {
        return new AppointmentBookedV1(
                a.id,
                a.requestId,
                a.centreCode,
                a.zone,
                a.localDate,
                a.sequence,
                a.bookedAt,
                a.members.stream()
                        .map(m -> new AppointmentBookedV1.BookedMember(
                                m.key.memberRef, m.slotId, m.startsAt, m.localStart))
                        .toList(),
                a.replaces,
                a.location,
                a.tentative());
    }
}
