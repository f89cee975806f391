package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.SlotReplica;

/**
 * Slots that change under booked families: staff cut capacity or block a slot, a closure or a
 * centre's suspension withdraws it. Every family that no longer fits is unbooked whole and goes back
 * to the front of its priority on the waitlist, which books it again, whole, on the next pass. The
 * newest bookings move first, so families booked earlier keep their day.
 */
@ApplicationScoped
public class RescheduleService {

    private final EntityManager em;
    private final BookingService booking;
    private final Seats seats;
    private final WaitlistService waitlist;

    RescheduleService(EntityManager em, BookingService booking, Seats seats, WaitlistService waitlist) {
        this.em = em;
        this.booking = booking;
        this.seats = seats;
        this.waitlist = waitlist;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void slotChanged(SlotChangedV1 event) {
        lockFamiliesBookedInto(event.slotId());
        em.createNativeQuery("update slot set capacity = ?1, status = ?2 where id = ?3")
                .setParameter(1, event.capacity())
                .setParameter(2, event.status())
                .setParameter(3, event.slotId())
                .executeUpdate();
        moveFamiliesThatNoLongerFit(event.slotId(), "SLOT_CHANGED");
        waitlist.capacityOrDemandChanged();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void slotWithdrawn(SlotWithdrawnV1 event) {
        lockFamiliesBookedInto(event.slotId());
        em.createNativeQuery("update slot set status = 'WITHDRAWN' where id = ?1")
                .setParameter(1, event.slotId())
                .executeUpdate();
        moveFamiliesThatNoLongerFit(event.slotId(), "SLOT_WITHDRAWN");
    }

    /**
     * Families first, in id order, then every slot this change may touch (the changed one and the other slots of
     * the families booked into it) in id order: the order booking and cancellation lock in too, so that
     * concurrent changes wait for each other instead of deadlocking.
     */
    private void lockFamiliesBookedInto(UUID slotId) {
        List<UUID> families = em.createQuery(
                        "select distinct a.requestId from Appointment a join a.members m"
                                + " where m.slotId = :slot and a.status = :booked",
                        UUID.class)
                .setParameter("slot", slotId)
                .setParameter("booked", AppointmentStatus.BOOKED)
                .getResultList();
        families.stream()
                .sorted(Seats.LOCK_ORDER)
                .forEach(id -> em.find(FamilyCase.class, id, LockModeType.PESSIMISTIC_WRITE));
        Set<UUID> slots = new TreeSet<>();
        slots.add(slotId);
        families.forEach(id -> Appointment.liveFor(id).ifPresent(a -> a.members.forEach(m -> slots.add(m.slotId))));
        seats.lock(slots);
    }

    private void moveFamiliesThatNoLongerFit(UUID slotId, String reason) {
        SlotReplica slot = em.find(SlotReplica.class, slotId, LockModeType.PESSIMISTIC_WRITE);
        if (slot == null) {
            return;
        }
        em.refresh(slot);
        if (!slot.startsAt.isAfter(Instant.now())) {
            return; // the day is past or under way: attendance, not rescheduling, decides
        }
        List<Appointment> booked = em.createQuery(
                        "select a from Appointment a where a.status = :booked and exists (select 1 from"
                                + " AppointmentMember m where m.appointment = a and m.slotId = :slot)"
                                // Tentative bookings (never told) give way first, then the latest booked.
                                + " order by case when a.confirmedAt is null then 0 else 1 end, a.bookedAt desc",
                        Appointment.class)
                .setParameter("slot", slotId)
                .setParameter("booked", AppointmentStatus.BOOKED)
                .getResultList();
        int room = "OPEN".equals(slot.status) ? slot.capacity : 0;
        int seated = slot.booked;
        for (Appointment appointment : booked) {
            if (seated <= room) {
                break;
            }
            seated -= (int) appointment.members.stream()
                    .filter(m -> m.slotId.equals(slotId))
                    .count();
            unbook(appointment, reason);
        }
    }

    private void unbook(Appointment appointment, String reason) {
        booking.cancel(appointment, reason);
        FamilyCase family = em.find(FamilyCase.class, appointment.requestId, LockModeType.PESSIMISTIC_WRITE);
        family.status = CaseStatus.WAITING;
        family.waitlistedAt = null;
        family.updatedAt = Instant.now();
        waitlist.capacityOrDemandChanged();
    }
}
