package org.iom.dna.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;

/**
 * Days on which a centre, or a whole country, does not sample. Whenever closures change, the slots
 * of the days concerned are brought in line: a slot a closure covers is withdrawn (with an event, so
 * the scheduler moves the families booked into it); a future slot that a closure had withdrawn and no
 * closure covers any more opens again.
 */
@ApplicationScoped
public class ClosureService {

    private final EntityManager em;
    private final SlotEvents events;

    ClosureService(EntityManager em, SlotEvents events) {
        this.em = em;
        this.events = events;
    }

    /** @param slotsWithdrawn how many slots the change withdrew */
    public record Result(Closure closure, int slotsWithdrawn) {}

    @Transactional
    public Result create(Closure closure) {
        checkRules(closure);
        requireCentre(closure);
        closure.id = UUID.randomUUID();
        closure.persist();
        em.flush();
        return new Result(closure, reconcile(affectedSlots(closure)));
    }

    /** Closures are planned within this century; dates far outside it are typing errors (or probes). */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    /** A closure covers a centre or a whole country, and at least one day, within this century. */
    private static void checkRules(Closure closure) {
        List<Violation> errors = new ArrayList<>();
        if (closure.firstDay.isBefore(EARLIEST) || closure.firstDay.isAfter(LATEST)) {
            errors.add(new Violation("$.firstDay", "must be between " + EARLIEST + " and " + LATEST));
        }
        if (closure.lastDay.isBefore(EARLIEST) || closure.lastDay.isAfter(LATEST)) {
            errors.add(new Violation("$.lastDay", "must be between " + EARLIEST + " and " + LATEST));
        }
        if ((closure.centreCode == null) == (closure.country == null)) {
            errors.add(new Violation("$.centreCode", "give either centreCode or country"));
        }
        if (closure.lastDay.isBefore(closure.firstDay)) {
            errors.add(new Violation("$.lastDay", "must not be before firstDay"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** Moves or corrects a closure, e.g. when a lunar holiday's date is announced. */
    @Transactional
    public Optional<Result> replace(UUID id, Closure replacement) {
        Closure closure = Closure.findById(id);
        if (closure == null) {
            return Optional.empty();
        }
        checkRules(replacement);
        requireCentre(replacement);
        List<Slot> before = affectedSlots(closure);
        closure.centreCode = replacement.centreCode;
        closure.country = replacement.country;
        closure.firstDay = replacement.firstDay;
        closure.lastDay = replacement.lastDay;
        closure.reason = replacement.reason;
        closure.description = replacement.description;
        closure.estimated = replacement.estimated;
        em.flush();
        List<Slot> slots = new ArrayList<>(before);
        affectedSlots(closure).stream().filter(s -> !before.contains(s)).forEach(slots::add);
        return Optional.of(new Result(closure, reconcile(slots)));
    }

    @Transactional
    public boolean delete(UUID id) {
        Closure closure = Closure.findById(id);
        if (closure == null) {
            return false;
        }
        List<Slot> slots = affectedSlots(closure);
        closure.delete();
        em.flush();
        reconcile(slots);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Closure> list(String country, String centreCode, LocalDate from, LocalDate to) {
        StringBuilder query = new StringBuilder("lastDay >= :from and firstDay <= :to");
        Map<String, Object> parameters = new HashMap<>(Map.of("from", from, "to", to));
        if (country != null) {
            query.append(
                    " and (country = :country or centreCode in (select c.code from Centre c where c.country = :country))");
            parameters.put("country", country);
        }
        if (centreCode != null) {
            // A centre is closed by its own closures and by those of its whole country.
            query.append(
                    " and (centreCode = :centre or country = (select c.country from Centre c where c.code = :centre))");
            parameters.put("centre", centreCode);
        }
        return Closure.list(query + " order by firstDay, id", parameters);
    }

    /** @return how many slots were withdrawn */
    private int reconcile(List<Slot> slots) {
        int withdrawn = 0;
        Map<String, Centre> centres = new HashMap<>();
        for (Slot slot : slots) {
            Centre centre = centres.computeIfAbsent(slot.centreCode, code -> Centre.findById(code));
            boolean closed = Closure.affecting(centre, slot.localDate, slot.localDate).stream()
                    .anyMatch(c -> c.covers(slot.localDate));
            if (closed) {
                withdrawn += events.withdraw(slot, "CLOSURE") ? 1 : 0;
            } else if (slot.status == SlotStatus.WITHDRAWN
                    && "CLOSURE".equals(slot.withdrawnReason)
                    && centre.status == CentreStatus.ACTIVE
                    && slot.startsAt.isAfter(Instant.now())) {
                slot.status = SlotStatus.OPEN;
                slot.withdrawnReason = null;
                events.opened(centre, slot);
            }
        }
        return withdrawn;
    }

    private static void requireCentre(Closure closure) {
        if (closure.centreCode != null && Centre.findById(closure.centreCode) == null) {
            throw new NotFound("centre " + closure.centreCode);
        }
    }

    private static List<Slot> affectedSlots(Closure closure) {
        if (closure.centreCode != null) {
            return Slot.list(
                    "centreCode = ?1 and localDate >= ?2 and localDate <= ?3",
                    closure.centreCode,
                    closure.firstDay,
                    closure.lastDay);
        }
        return Slot.list(
                "centreCode in (select c.code from Centre c where c.country = ?1)"
                        + " and localDate >= ?2 and localDate <= ?3",
                closure.country,
                closure.firstDay,
                closure.lastDay);
    }
}
