package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The one place that changes how many people a slot holds. Each change is a conditional update, so the database,
 * not this class, guards capacity across instances. Slots are always changed in id order: together with "family
 * first" (the family's row is locked before any slot) that is the single lock order of the service.
 */
@ApplicationScoped
public class Seats {

    /** A slot filled up (or closed) between reading and booking; the transaction rolls back and is tried again. */
    public static class CapacityTaken extends RuntimeException {
        CapacityTaken() {
            super("a slot filled up while booking", null, false, false);
        }
    }

    /**
     * The order slots (and families) are locked in: PostgreSQL's order of uuid values (their bytes, unsigned), which
     * is the order of their canonical text. Not {@link UUID#compareTo}, which compares signed numbers: locking in Java
     * order here and in SQL {@code order by id} elsewhere would take the same locks in two orders.
     */
    public static final Comparator<UUID> LOCK_ORDER = Comparator.comparing(UUID::toString);

    private final EntityManager em;

    Seats(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes one place per entry of {@code slotIds} (a slot named twice gives two places).
     *
     * @param beyondCapacity staff booking by hand with an override: the slot must be open, but may overflow
     * @throws CapacityTaken when a slot has no room left (or is no longer open)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(Collection<UUID> slotIds, boolean beyondCapacity) {
        move(List.of(), slotIds, beyondCapacity);
    }

    /**
     * Gives places back. A slot that holds fewer people than are released means the books are wrong: that is a
     * bug to see, not a number to clamp, so it fails the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Collection<UUID> slotIds) {
        move(slotIds, List.of(), false);
    }

    /**
     * Gives back the places of {@code from} and takes those of {@code to} in one pass over the slots in id order,
     * so a move keeps the lock order too (releasing first and taking after would not).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Collection<UUID> from, Collection<UUID> to, boolean beyondCapacity) {
        Map<UUID, Integer> delta = new TreeMap<>(LOCK_ORDER);
        from.forEach(id -> delta.merge(id, -1, Integer::sum));
        to.forEach(id -> delta.merge(id, 1, Integer::sum));
        delta.forEach((slotId, people) -> {
            if (people > 0) {
                add(slotId, people, beyondCapacity);
            } else if (people < 0) {
                remove(slotId, -people);
            }
        });
    }

    /** Locks slots in id order before a change that will touch them in another order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<UUID> slotIds) {
        if (!slotIds.isEmpty()) {
            em.createNativeQuery("select id from slot where id in (?1) order by id for update")
                    .setParameter(1, new TreeSet<>(slotIds))
                    .getResultList();
        }
    }

    private void add(UUID slotId, int people, boolean beyondCapacity) {
        String roomCheck = beyondCapacity ? "" : " and booked + ?1 <= capacity";
        int updated = em.createNativeQuery(
                        "update slot set booked = booked + ?1 where id = ?2 and status = 'OPEN'" + roomCheck)
                .setParameter(1, people)
                .setParameter(2, slotId)
                .executeUpdate();
        if (updated == 0) {
            throw new CapacityTaken();
        }
    }

    private void remove(UUID slotId, int people) {
        int updated = em.createNativeQuery("update slot set booked = booked - ?1 where id = ?2 and booked >= ?1")
                .setParameter(1, people)
                .setParameter(2, slotId)
                .executeUpdate();
        if (updated == 0) {
            throw new IllegalStateException("slot " + slotId + " holds fewer than the " + people
                    + " places being released: its count is wrong");
        }
    }
}
