package org.iom.dna.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.PreconditionFailed;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;

/**
 * What MHAC staff do with their slots: add one by hand, change capacity, block or unblock a slot or a
 * whole day. Writes to one slot carry the version the caller last saw; a stale one is refused (412).
 */
@ApplicationScoped
public class SlotService {

    private final EntityManager em;
    private final SlotEvents events;

    SlotService(EntityManager em, SlotEvents events) {
        this.em = em;
        this.events = events;
    }

    /** Longest range of days one listing may cover. */
    public static final int MAX_DAYS = 62;

    /**
     * A centre's slots between two local dates, inclusive, earliest first; by default the coming week.
     *
     * @throws InvalidRequest if the range is reversed or longer than {@link #MAX_DAYS}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Slot> between(Centre centre, LocalDate from, LocalDate to) {
        LocalDate first = from != null ? from : LocalDate.now(centre.zoneId());
        LocalDate last = to != null ? to : first.plusDays(6);
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw invalid("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
        return Slot.between(centre.code, first, last);
    }

    /** What partners may see of a centre's coming weeks: every slot but the withdrawn ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Slot> published(Centre centre, int weeks) {
        LocalDate today = LocalDate.now(centre.zoneId());
        return Slot.between(centre.code, today, today.plusWeeks(weeks)).stream()
                .filter(s -> s.status != SlotStatus.WITHDRAWN)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slot find(String centreCode, UUID id) {
        Slot slot = Slot.findById(id);
        if (slot == null || !slot.centreCode.equals(centreCode)) {
            throw new NotFound("slot");
        }
        return slot;
    }

    @Transactional
    public Slot addAdHoc(String centreCode, LocalDate day, LocalTime start, int minutes, int capacity) {
        Centre centre = Centre.require(centreCode);
        ZonedDateTime startsAt = SlotGenerator.at(centre.zoneId(), day.atTime(start))
                .orElseThrow(() ->
                        invalid("$.localStart", "does not exist on that day in " + centre.zone + " (clocks skip it)"));
        ZonedDateTime endsAt = SlotGenerator.at(
                        centre.zoneId(), day.atTime(start).plusMinutes(minutes))
                .orElseThrow(() -> invalid("$.minutes", "the slot would end at a time the clocks skip"));
        if (!startsAt.toInstant().isAfter(Instant.now())) {
            throw invalid("$.localDate", "the slot must start in the future");
        }
        if (Closure.affecting(centre, day, day).stream().anyMatch(c -> c.covers(day))) {
            throw new Conflict(
                    "closed-day",
                    "The centre is closed that day",
                    "a closure covers " + day + "; remove it first",
                    null);
        }
        if (Slot.count("centreCode = ?1 and startsAt = ?2", centreCode, startsAt.toInstant()) > 0) {
            throw new Conflict(
                    "slot-exists", "A slot already starts then", "change the existing slot's capacity instead", null);
        }
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.centreCode = centreCode;
        slot.localDate = day;
        slot.localStart = start;
        slot.localEnd = endsAt.toLocalTime();
        slot.startsAt = startsAt.toInstant();
        slot.endsAt = endsAt.toInstant();
        slot.capacity = capacity;
        slot.status = SlotStatus.OPEN;
        slot.adHoc = true;
        slot.persist();
        events.opened(centre, slot);
        em.flush();
        return slot;
    }

    /**
     * @param expectedVersion the version the caller read (from the ETag)
     * @param capacity the new capacity, or null to keep it
     * @param status OPEN or BLOCKED, or null to keep it
     */
    @Transactional
    public Slot change(String centreCode, UUID id, int expectedVersion, Integer capacity, SlotStatus status) {
        Slot slot = find(centreCode, id);
        if (slot.version != expectedVersion) {
            throw PreconditionFailed.stale(
                    "The slot changed since you read it",
                    "read the slot again and repeat the change against its current version");
        }
        if (slot.status == SlotStatus.WITHDRAWN) {
            throw new Conflict(
                    "slot-withdrawn", "The slot is withdrawn", "a closure or the centre's status withdrew it", null);
        }
        if (status == SlotStatus.WITHDRAWN) {
            throw invalid("$.status", "must be OPEN or BLOCKED; add a closure to withdraw slots");
        }
        boolean changed = (capacity != null && capacity != slot.capacity) || (status != null && status != slot.status);
        if (changed) {
            if (capacity != null) {
                slot.capacity = capacity;
            }
            if (status != null) {
                slot.status = status;
            }
            events.changed(slot);
            em.flush();
        }
        return slot;
    }

    /** Blocks or unblocks every slot of one local day; returns how many slots changed. */
    @Transactional
    public int setDayBlocked(String centreCode, LocalDate day, boolean blocked) {
        SlotStatus from = blocked ? SlotStatus.OPEN : SlotStatus.BLOCKED;
        List<Slot> slots = Slot.list("centreCode = ?1 and localDate = ?2 and status = ?3", centreCode, day, from);
        for (Slot slot : slots) {
            slot.status = blocked ? SlotStatus.BLOCKED : SlotStatus.OPEN;
            events.changed(slot);
        }
        return slots.size();
    }

    private static InvalidRequest invalid(String path, String message) {
        return InvalidRequest.of(path, message);
    }
}
