package org.iom.dna.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.platform.rest.ProblemException;

/**
 * Days on which a centre, or a whole country, does not sample. A new closure withdraws the slots it
 * covers, each with an event, so the scheduler moves the families booked into them. Removing a
 * closure reopens the slots it had withdrawn, unless another closure still covers them.
 */
@ApplicationScoped
public class ClosureService {

    private final SlotEvents events;

    ClosureService(SlotEvents events) {
        this.events = events;
    }

    public record Created(Closure closure, int slotsWithdrawn) {
    }

    @Transactional
    public Created create(Closure closure) {
        if (closure.centreCode != null && Centre.findById(closure.centreCode) == null) {
            throw ProblemException.notFound("centre " + closure.centreCode);
        }
        closure.id = UUID.randomUUID();
        closure.persist();
        int withdrawn = 0;
        for (Slot slot : affectedSlots(closure)) {
            if (events.withdraw(slot, "CLOSURE")) {
                withdrawn++;
            }
        }
        return new Created(closure, withdrawn);
    }

    @Transactional
    public boolean delete(UUID id) {
        Closure closure = Closure.findById(id);
        if (closure == null) {
            return false;
        }
        closure.delete();
        for (Slot slot : affectedSlots(closure)) {
            if (slot.status == SlotStatus.WITHDRAWN && "CLOSURE".equals(slot.withdrawnReason)
                    && slot.startsAt.isAfter(java.time.Instant.now())) {
                Centre centre = Centre.findById(slot.centreCode);
                boolean stillClosed = Closure.affecting(centre, slot.localDate, slot.localDate).stream()
                        .anyMatch(c -> c.covers(slot.localDate));
                if (!stillClosed) {
                    slot.status = SlotStatus.OPEN;
                    slot.withdrawnReason = null;
                    events.opened(centre, slot);
                }
            }
        }
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Closure> list(String country, String centreCode, LocalDate from, LocalDate to) {
        StringBuilder query = new StringBuilder("lastDay >= :from and firstDay <= :to");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>(java.util.Map.of("from", from, "to", to));
        if (country != null) {
            query.append(" and (country = :country or centreCode in (select c.code from Centre c where c.country = :country))");
            parameters.put("country", country);
        }
        if (centreCode != null) {
            // A centre is closed by its own closures and by those of its whole country.
            query.append(" and (centreCode = :centre or country = (select c.country from Centre c where c.code = :centre))");
            parameters.put("centre", centreCode);
        }
        return Closure.list(query + " order by firstDay, id", parameters);
    }

    private static List<Slot> affectedSlots(Closure closure) {
        if (closure.centreCode != null) {
            return Slot.list("centreCode = ?1 and localDate >= ?2 and localDate <= ?3",
                    closure.centreCode, closure.firstDay, closure.lastDay);
        }
        return Slot.list("centreCode in (select c.code from Centre c where c.country = ?1)"
                + " and localDate >= ?2 and localDate <= ?3", closure.country, closure.firstDay, closure.lastDay);
    }
}
