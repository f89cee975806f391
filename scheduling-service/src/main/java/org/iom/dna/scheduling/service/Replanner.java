package org.iom.dna.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Centre;
import org.iom.dna.optimiser.model.CentreDay;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Member;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.Objective;
import org.iom.dna.optimiser.solve.LeastChange;
import org.iom.dna.optimiser.solve.MipSolver;
import org.iom.dna.optimiser.solve.SolveOptions;
import org.iom.dna.optimiser.solve.SolveResult;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.CaseMember;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.OptimiserRun;
import org.iom.dna.scheduling.domain.OptimiserRunChange;
import org.iom.dna.scheduling.domain.SlotReplica;
import org.jboss.logging.Logger;

/**
 * Re-plans a country's tentative bookings and waiting families together with the exact optimiser
 * ({@code scheduling-optimiser}), confirmed appointments fixed: a family booked early on a day that others need more
 * is moved to another of its days, and families that found no day may get one.
 *
 * <p>A run reads a snapshot, solves it without holding a lock, then applies the plan in one transaction: it locks the
 * planned families (in id order, the service's first lock), leaves out those that changed meanwhile (booked online,
 * confirmed, cancelled), locks the slots (in id order) and places each family again on its planned day with the
 * places that are free <em>now</em>. So an online booking made while the solver ran is never overbooked: a family
 * whose planned day filled up meanwhile keeps its tentative day (or keeps waiting). Places are taken through
 * {@link Seats}, whose conditional updates guard capacity whatever this class computes.
 */
@ApplicationScoped
public class Replanner {

    private static final Logger LOG = Logger.getLogger(Replanner.class);
    /** How long runs stay readable: a scheduled run every 15 minutes writes about 3,000 a month per country. */
    private static final Duration RUNS_KEPT = Duration.ofDays(30);

    private final EntityManager em;
    private final BookingService booking;
    private final Seats seats;
    private final SchedulingConfig.Replan config;
    private volatile MipSolver solver;

    Replanner(EntityManager em, BookingService booking, Seats seats, SchedulingConfig config) {
        this.em = em;
        this.booking = booking;
        this.seats = seats;
        this.config = config.replan();
    }

    /** A family as the snapshot saw it. */
    record Planned(
            UUID requestId,
            int pendingMembers,
            UUID tentativeId,
            String fromCentre,
            LocalDate fromDate,
            short priorityRank,
            LocalDate deadline,
            Instant receivedAt,
            Set<UUID> candidateSlots,
            boolean anyDay) {}

    /** @param slots the open slots of each centre-day in the horizon */
    record Snapshot(
            Instance instance, Solution current, Map<UUID, Planned> families, Map<CentreDay, List<UUID>> slots) {}

    @Scheduled(
            every = "${scheduling.replan.interval:15m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replanEveryCountry() {
        List<String> countries;
        try {
            countries = QuarkusTransaction.requiringNew()
                    .call(() -> em.createQuery(
                                    "select distinct f.country from FamilyCase f where f.adHoc = false and"
                                            + " (f.status = 'WAITING' or f.requestId in (select a.requestId from"
                                            + " Appointment a where a.status = 'BOOKED' and a.confirmedAt is null))"
                                            + " order by f.country",
                                    String.class)
                            .getResultList());
        } catch (RuntimeException e) {
            LOG.warnf("re-planning skipped (will retry): %s", e.getClass().getSimpleName());
            return;
        }
        for (String country : countries) {
            try {
                replan(country, OptimiserRun.Trigger.SCHEDULE, null);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "re-planning %s skipped (will retry): %s",
                        country, e.getClass().getSimpleName());
            }
        }
        try {
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            OptimiserRun.delete("startedAt < ?1", Instant.now().minus(RUNS_KEPT)));
        } catch (RuntimeException e) {
            LOG.debugf("old runs not removed this time: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Re-plans one country now and records the run, whatever its outcome.
     *
     * @return the run, or null for a scheduled run when another is under way for the country
     * @throws Conflict for a run on demand when another is under way for the country
     */
    public OptimiserRun replan(String country, OptimiserRun.Trigger trigger, String requestedBy) {
        // Two solves and the apply: ample, and it runs out by itself should this instance die.
        Instant heldUntil = Instant.now()
                .plus(config.timeLimit().multipliedBy(3))
                .plusSeconds(300)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!QuarkusTransaction.requiringNew().call(() -> takeLease(country, heldUntil))) {
            if (trigger == OptimiserRun.Trigger.ON_DEMAND) {
                throw new Conflict(
                        "run-under-way",
                        "A run of this country is under way",
                        "another re-planning run of " + country + " has not finished; read its result from the list"
                                + " of runs when it has",
                        null);
            }
            return null;
        }
        try {
            return run(country, trigger, requestedBy);
        } finally {
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "delete from optimiser_lease where country = ?1 and held_until = ?2")
                                .setParameter(1, country)
                                .setParameter(2, heldUntil)
                                .executeUpdate());
            } catch (RuntimeException e) {
                LOG.debugf(
                        "lease of %s left to run out: %s", country, e.getClass().getSimpleName());
            }
        }
    }

    /** Takes the country's lease unless another instance holds one that has not run out. */
    private boolean takeLease(String country, Instant heldUntil) {
        return !em.createNativeQuery("insert into optimiser_lease (country, held_until) values (?1, ?2)"
                        + " on conflict (country) do update set held_until = excluded.held_until"
                        + " where optimiser_lease.held_until < now() returning country")
                .setParameter(1, country)
                .setParameter(2, heldUntil)
                .getResultList()
                .isEmpty();
    }

    private OptimiserRun run(String country, OptimiserRun.Trigger trigger, String requestedBy) {
        OptimiserRun run = new OptimiserRun();
        run.id = UUID.randomUUID();
        run.country = country;
        run.trigger = trigger;
        run.requestedBy = requestedBy;
        run.startedAt = Instant.now();
        try {
            Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> snapshot(country));
            run.families = snapshot.families().size();
            if (snapshot.families().isEmpty()) {
                run.outcome = OptimiserRun.Outcome.NOTHING_TO_PLAN;
            } else {
                SolveResult result = solve(snapshot.instance(), snapshot.current());
                // A tentative family keeps its day rather than lose it: one the plan leaves out stays where it is,
                // and the others are planned again around it.
                Set<String> dropped = droppedHeldFamilies(snapshot, result.solution());
                if (!dropped.isEmpty()) {
                    Instance around = pinned(snapshot, dropped);
                    SolveResult again = solve(around, without(snapshot.current(), dropped));
                    List<Assignment> kept = new ArrayList<>(again.solution().assignments());
                    snapshot.current().assignments().stream()
                            .filter(a -> dropped.contains(a.family()))
                            .forEach(kept::add);
                    result = new SolveResult(
                            again.solver(),
                            new Solution(snapshot.instance().name(), kept),
                            Objective.score(
                                            snapshot.instance(),
                                            new Solution(snapshot.instance().name(), kept))
                                    .objective(),
                            java.util.OptionalLong.empty(),
                            false,
                            result.time().plus(again.time()),
                            again.status() + "; " + dropped.size() + " tentative famil(ies) kept on their day");
                }
                run.objectiveBefore =
                        Objective.score(snapshot.instance(), snapshot.current()).objective();
                run.bestBound = result.bound().isPresent() ? result.bound().getAsLong() : null;
                run.optimal = result.optimal();
                run.solveMillis = result.time().toMillis();
                run.solverStatus = abbreviate(result.status(), 500);
                // Of the plans as good as the solver's, the one that moves the fewest families.
                Solution plan = LeastChange.closestTo(snapshot.instance(), result.solution(), snapshot.current());
                Solution applied = QuarkusTransaction.requiringNew().call(() -> apply(snapshot, plan, run));
                run.objectiveAfter =
                        Objective.score(snapshot.instance(), applied).objective();
                run.outcome = OptimiserRun.Outcome.APPLIED;
            }
        } catch (RuntimeException e) {
            run.outcome = OptimiserRun.Outcome.FAILED;
            run.changes.clear();
            run.moved = 0;
            run.newlyBooked = 0;
            run.stillWaiting = 0;
            run.objectiveAfter = null;
            run.detail = abbreviate("nothing changed: " + e.getClass().getSimpleName(), 500);
            LOG.warnf("re-planning %s failed, nothing changed: %s", country, e.toString());
        }
        run.finishedAt = Instant.now();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.persist(run));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "re-planning %s: its record could not be written: %s",
                    country, e.getClass().getSimpleName());
        }
        LOG.infof(
                "re-planned %s (%s): %d famil(ies), %d moved, %d booked, %d waiting; objective %s -> %s",
                country,
                run.outcome,
                run.families,
                run.moved,
                run.newlyBooked,
                run.stillWaiting,
                run.objectiveBefore,
                run.objectiveAfter);
        return run;
    }

    private SolveResult solve(Instance instance, Solution start) {
        return solver().solve(instance, new SolveOptions(config.timeLimit(), config.threads(), false), start);
    }

    /** The tentatively booked families that the plan leaves without a day. */
    private static Set<String> droppedHeldFamilies(Snapshot snapshot, Solution plan) {
        Set<String> planned =
                plan.assignments().stream().map(Assignment::family).collect(Collectors.toSet());
        return snapshot.current().assignments().stream()
                .map(Assignment::family)
                .filter(id -> !planned.contains(id))
                .collect(Collectors.toSet());
    }

    /** The problem without {@code fixed} families, their places taken off the centre-days they hold. */
    private static Instance pinned(Snapshot snapshot, Set<String> fixed) {
        Instance instance = snapshot.instance();
        Map<String, Family> families = instance.familiesById();
        Map<String, Map<LocalDate, Integer>> capacity = new LinkedHashMap<>();
        instance.centres().forEach(c -> capacity.put(c.code(), new HashMap<>(c.capacity())));
        snapshot.current().assignments().stream()
                .filter(a -> fixed.contains(a.family()))
                .forEach(a -> capacity.get(a.centre())
                        .merge(a.day(), -families.get(a.family()).size(), Integer::sum));
        return new Instance(
                instance.name(),
                instance.firstDay(),
                instance.days(),
                instance.centres().stream()
                        .map(c -> new Centre(c.code(), c.country(), c.languages(), capacity.get(c.code())))
                        .toList(),
                instance.families().stream()
                        .filter(f -> !fixed.contains(f.id()))
                        .toList());
    }

    private static Solution without(Solution solution, Set<String> families) {
        return new Solution(
                solution.instance(),
                solution.assignments().stream()
                        .filter(a -> !families.contains(a.family()))
                        .toList());
    }

    private MipSolver solver() {
        if (solver == null) {
            synchronized (this) {
                if (solver == null) {
                    solver = new MipSolver(); // loads the native libraries once
                }
            }
        }
        return solver;
    }

    /** The country's problem as the optimiser reads it: free places, tentative and waiting families, their days. */
    Snapshot snapshot(String country) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate horizonEnd = today.plusDays(config.horizon().toDays());
        List<SlotReplica> slots = SlotReplica.list(
                "country = ?1 and status = 'OPEN' and adHoc = false and startsAt > ?2 and localDate <= ?3"
                        + " order by startsAt",
                country,
                now,
                horizonEnd);
        List<Appointment> tentative = em.createQuery(
                        "select a from Appointment a, FamilyCase f where f.requestId = a.requestId and f.country = ?1"
                                + " and f.adHoc = false and f.status = 'BOOKED' and a.status = 'BOOKED'"
                                + " and a.confirmedAt is null and a.confirmBy > ?2 and a.localDate <= ?3",
                        Appointment.class)
                .setParameter(1, country)
                .setParameter(2, now)
                // A day held beyond the horizon stays as it is: the plan has no capacity to move it to or keep it on.
                .setParameter(3, horizonEnd)
                .getResultList();
        List<FamilyCase> waiting = FamilyCase.list(
                "status = ?1 and adHoc = false and country = ?2 and deadline >= ?3",
                CaseStatus.WAITING,
                country,
                today);
        Map<UUID, Integer> given = new HashMap<>();
        tentative.forEach(a -> a.members.forEach(m -> given.merge(m.slotId, 1, Integer::sum)));
        Map<String, Map<LocalDate, Integer>> capacity = new LinkedHashMap<>();
        for (SlotReplica slot : slots) {
            int free = slot.capacity - slot.booked + given.getOrDefault(slot.id, 0);
            if (free > 0) {
                capacity.computeIfAbsent(slot.centreCode, c -> new HashMap<>())
                        .merge(slot.localDate, free, Integer::sum);
            }
        }
        Map<UUID, Appointment> tentativeOf =
                tentative.stream().collect(Collectors.toMap(a -> a.requestId, Function.identity(), (a, b) -> a));
        List<FamilyCase> families = new ArrayList<>();
        tentativeOf.keySet().forEach(id -> families.add(em.find(FamilyCase.class, id)));
        families.addAll(waiting);
        Map<UUID, Planned> planned = new LinkedHashMap<>();
        List<Family> problem = new ArrayList<>();
        for (FamilyCase family : families) {
            List<CaseMember> pending = family.pendingMembers();
            if (pending.isEmpty()) {
                continue;
            }
            BookingService.Earliest earliest = booking.earliestDays(family);
            Needs needs = Needs.of(pending);
            List<SlotReplica> own = slots.stream()
                    .filter(earliest::allows)
                    .filter(s -> !s.localDate.isAfter(family.deadline))
                    .toList();
            // Days kept for a family close to its deadline are not left out: the plan weighs every family at once.
            List<SlotReplica> candidates = needs.withInterpreters(needs.withFacilities(own), em);
            Set<CentreDay> allowed = candidates.stream()
                    .map(s -> new CentreDay(s.centreCode, s.localDate))
                    .collect(Collectors.toCollection(HashSet::new));
            Appointment current = tentativeOf.get(family.requestId);
            LocalDate earliestDay = earliest.soonest().atZone(ZoneOffset.UTC).toLocalDate();
            for (CentreDay day : allowed) {
                earliestDay = day.day().isBefore(earliestDay) ? day.day() : earliestDay;
            }
            if (current != null) {
                // The day it holds stays allowed (it was when it was booked), so the plan can always keep it.
                allowed.add(new CentreDay(current.centreCode, current.localDate));
                earliestDay = current.localDate.isBefore(earliestDay) ? current.localDate : earliestDay;
            }
            problem.add(new Family(
                    family.requestId.toString(),
                    country,
                    Priority.valueOf(family.priority.name()),
                    family.receivedAt.atZone(ZoneOffset.UTC).toLocalDate(),
                    earliestDay,
                    family.deadline,
                    family.preferredCentre,
                    null,
                    false, // interpreters are in "allowed": rosters vary by day, which the format does not describe
                    pending.stream()
                            .map(m -> new Member(m.memberRef(), m.minor, m.accompaniedBy))
                            .toList(),
                    allowed));
            Set<UUID> candidateSlots = candidates.stream().map(s -> s.id).collect(Collectors.toSet());
            if (current != null) {
                current.members.forEach(m -> candidateSlots.add(m.slotId));
            }
            planned.put(
                    family.requestId,
                    new Planned(
                            family.requestId,
                            pending.size(),
                            current == null ? null : current.id,
                            current == null ? null : current.centreCode,
                            current == null ? null : current.localDate,
                            family.priorityRank,
                            family.deadline,
                            family.receivedAt,
                            candidateSlots,
                            !allowed.isEmpty()));
        }
        List<Centre> centres = capacity.entrySet().stream()
                .map(e -> new Centre(e.getKey(), country, List.of(), e.getValue()))
                .toList();
        LocalDate firstDay = today.minusDays(1);
        Instance instance = new Instance(
                "replan-" + country + "-" + now,
                firstDay,
                (int) Duration.between(firstDay.atStartOfDay(), horizonEnd.atStartOfDay())
                                .toDays()
                        + 1,
                centres,
                problem);
        Solution current = new Solution(
                instance.name(),
                tentative.stream()
                        .filter(a -> planned.containsKey(a.requestId))
                        .map(a -> new Assignment(a.requestId.toString(), a.centreCode, a.localDate))
                        .toList());
        Map<CentreDay, List<UUID>> slotsByDay = new HashMap<>();
        slots.forEach(slot -> slotsByDay
                .computeIfAbsent(new CentreDay(slot.centreCode, slot.localDate), d -> new ArrayList<>())
                .add(slot.id));
        return new Snapshot(instance, current, planned, slotsByDay);
    }

    /** What the apply step decided for one family. */
    private record Placed(FamilyCase family, Planned planned, FamilyMatcher.Match match) {}

    /**
     * Applies the plan with the places free now, under the locks described on the class.
     *
     * @return the plan as applied, for the run's objective
     */
    Solution apply(Snapshot snapshot, Solution plan, OptimiserRun run) {
        Map<UUID, Planned> families = snapshot.families();
        List<FamilyCase> locked = em.createQuery(
                        "select f from FamilyCase f where f.requestId in ?1 order by f.requestId", FamilyCase.class)
                .setParameter(1, new TreeSet<>(families.keySet()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<UUID, Appointment> held = new HashMap<>();
        List<FamilyCase> unchanged = new ArrayList<>();
        for (FamilyCase family : locked) {
            Planned p = families.get(family.requestId);
            Appointment live = Appointment.liveFor(family.requestId).orElse(null);
            boolean same = family.pendingMembers().size() == p.pendingMembers()
                    && (p.tentativeId() == null
                            ? family.status == CaseStatus.WAITING && live == null
                            : live != null
                                    && live.id.equals(p.tentativeId())
                                    && live.tentative()
                                    && live.confirmBy.isAfter(Instant.now()));
            if (same) {
                unchanged.add(family);
                if (live != null) {
                    held.put(family.requestId, live);
                }
            }
        }
        // Only the slots the plan may use and those the families hold: online booking elsewhere in the country goes on.
        Set<CentreDay> planned = plan.assignments().stream()
                .map(a -> new CentreDay(a.centre(), a.day()))
                .collect(Collectors.toSet());
        Set<UUID> slotIds = new HashSet<>();
        planned.forEach(day -> slotIds.addAll(snapshot.slots().getOrDefault(day, List.of())));
        held.values().forEach(a -> a.members.forEach(m -> slotIds.add(m.slotId)));
        List<SlotReplica> slots = slotIds.isEmpty()
                ? List.of()
                : SlotReplica.<SlotReplica>find("id in ?1 order by id", slotIds)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .list();
        Map<UUID, Integer> free = new HashMap<>();
        Map<CentreDay, List<SlotReplica>> byDay = new HashMap<>();
        for (SlotReplica slot : slots) {
            free.put(slot.id, "OPEN".equals(slot.status) ? slot.capacity - slot.booked : 0);
            byDay.computeIfAbsent(new CentreDay(slot.centreCode, slot.localDate), d -> new ArrayList<>())
                    .add(slot);
        }
        held.values().forEach(a -> a.members.forEach(m -> free.merge(m.slotId, 1, Integer::sum)));
        Map<String, Assignment> target =
                plan.assignments().stream().collect(Collectors.toMap(Assignment::family, Function.identity()));
        unchanged.sort(Comparator.comparing((FamilyCase f) -> -f.priorityRank)
                .thenComparing(f -> f.deadline)
                .thenComparing(f -> f.receivedAt)
                .thenComparing(f -> f.requestId));

        // A tentative family keeps its day unless the plan moves it and its new day still has room; one that would
        // lose its day because others took its places is kept where it is, and the placing starts again.
        Set<UUID> keep = new HashSet<>();
        Map<UUID, Placed> placed;
        Map<UUID, String> waitsBecause;
        int withoutAnyDay;
        while (true) {
            Map<UUID, Integer> room = new HashMap<>(free);
            placed = new LinkedHashMap<>();
            waitsBecause = new LinkedHashMap<>();
            withoutAnyDay = 0;
            for (FamilyCase family : unchanged) {
                Appointment a = held.get(family.requestId);
                Assignment to = target.get(family.requestId.toString());
                if (a != null
                        && (keep.contains(family.requestId)
                                || to == null
                                || (to.centre().equals(a.centreCode) && to.day().equals(a.localDate)))) {
                    a.members.forEach(m -> room.merge(m.slotId, -1, Integer::sum));
                    keep.add(family.requestId);
                }
            }
            UUID lost = null;
            for (FamilyCase family : unchanged) {
                if (keep.contains(family.requestId)) {
                    continue;
                }
                Planned p = families.get(family.requestId);
                Assignment to = target.get(family.requestId.toString());
                if (to == null && !p.anyDay()) {
                    // No centre-day it could be given at all: the waitlist's reason says why; not listed per run.
                    withoutAnyDay++;
                    continue;
                }
                if (to == null) {
                    waitsBecause.put(family.requestId, "no day for the family in the best plan found");
                    continue;
                }
                List<FamilyMatcher.OpenSlot> open =
                        byDay.getOrDefault(new CentreDay(to.centre(), to.day()), List.of()).stream()
                                .filter(s -> p.candidateSlots().contains(s.id))
                                .map(s -> new FamilyMatcher.OpenSlot(
                                        s.id,
                                        s.centreCode,
                                        s.localDate,
                                        s.startsAt,
                                        s.endsAt,
                                        room.getOrDefault(s.id, 0)))
                                .toList();
                var match = FamilyMatcher.match(BookingService.matcherMembers(family), open, to.centre());
                if (match.isPresent()) {
                    match.get().placements().forEach(pl -> room.merge(pl.slot().id(), -1, Integer::sum));
                    placed.put(family.requestId, new Placed(family, p, match.get()));
                } else if (held.containsKey(family.requestId)) {
                    lost = family.requestId;
                    break;
                } else {
                    waitsBecause.put(
                            family.requestId,
                            "the planned day " + to.centre() + " " + to.day() + " has no run of places left for it");
                }
            }
            if (lost == null) {
                break;
            }
            keep.add(lost);
        }

        List<UUID> released = new ArrayList<>();
        List<UUID> taken = new ArrayList<>();
        placed.values().forEach(pl -> {
            Appointment old = held.get(pl.family().requestId);
            if (old != null) {
                old.members.forEach(m -> released.add(m.slotId));
            }
            pl.match().placements().forEach(x -> taken.add(x.slot().id()));
        });
        seats.move(released, taken, false);

        List<Assignment> applied = new ArrayList<>();
        keep.forEach(id -> {
            Appointment a = held.get(id);
            applied.add(new Assignment(id.toString(), a.centreCode, a.localDate));
        });
        for (Placed pl : placed.values()) {
            FamilyCase family = pl.family();
            Appointment old = held.get(family.requestId);
            List<SlotReplica> day =
                    byDay.get(new CentreDay(pl.match().centreCode(), pl.match().localDate()));
            OptimiserRunChange change;
            if (old != null) {
                booking.unbook(old, "REPLANNED");
                booking.record(family, pl.match(), day, old.id, null, null, null);
                change = OptimiserRunChange.of(run, family.requestId, OptimiserRunChange.Change.MOVED);
                change.fromCentre = old.centreCode;
                change.fromDate = old.localDate;
                run.moved++;
            } else {
                booking.record(
                        family, pl.match(), day, BookingService.cancelledBefore(family.requestId), null, null, null);
                change = OptimiserRunChange.of(run, family.requestId, OptimiserRunChange.Change.BOOKED);
                run.newlyBooked++;
            }
            change.toCentre = pl.match().centreCode();
            change.toDate = pl.match().localDate();
            run.changes.add(change);
            applied.add(new Assignment(
                    family.requestId.toString(),
                    pl.match().centreCode(),
                    pl.match().localDate()));
        }
        waitsBecause.forEach((id, reason) -> {
            OptimiserRunChange change = OptimiserRunChange.of(run, id, OptimiserRunChange.Change.WAITING);
            change.reason = abbreviate(reason, 200);
            run.changes.add(change);
        });
        run.stillWaiting = waitsBecause.size() + withoutAnyDay;
        List<String> details = new ArrayList<>();
        if (withoutAnyDay > 0) {
            details.add(withoutAnyDay + " waiting famil(ies) had no centre-day they could be given (see the waitlist's"
                    + " reasons) and are not listed");
        }
        int leftOut = families.size() - unchanged.size();
        if (leftOut > 0) {
            details.add(leftOut + " famil(ies) changed while the plan was being made and were left as they were");
        }
        run.detail = details.isEmpty() ? null : abbreviate(String.join("; ", details), 500);
        return new Solution(snapshot.instance().name(), applied);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
