package org.iom.dna.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.jboss.logging.Logger;

/**
 * Confirms tentative bookings when their time comes ({@link Appointment#confirmBy}): from then on the re-planning
 * leaves them where they are, and the family is told.
 */
@ApplicationScoped
public class ConfirmationService {

    private static final Logger LOG = Logger.getLogger(ConfirmationService.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final BookingService booking;

    ConfirmationService(EntityManager em, BookingService booking) {
        this.em = em;
        this.booking = booking;
    }

    @Scheduled(
            every = "${scheduling.confirmation.interval:1m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void confirmDueBookings() {
        try {
            int confirmed;
            do {
                confirmed = QuarkusTransaction.requiringNew().call(() -> confirmDue(Instant.now(), BATCH));
            } while (confirmed == BATCH);
        } catch (RuntimeException e) {
            // The database is away: the same bookings are due at the next tick.
            LOG.warnf(
                    "confirming due bookings failed (will retry): %s",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Confirms up to {@code limit} tentative bookings due by {@code now}, each under its family's lock (the first lock
     * of every change here), so that a re-planning run cannot move one while it is being confirmed.
     *
     * @return how many were confirmed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int confirmDue(Instant now, int limit) {
        List<UUID> families = em.createQuery(
                        "select a.requestId from Appointment a where a.status = 'BOOKED' and a.confirmedAt is null"
                                + " and a.confirmBy <= ?1 order by a.requestId",
                        UUID.class)
                .setParameter(1, now)
                .setMaxResults(limit)
                .getResultList();
        int confirmed = 0;
        for (UUID requestId : families) {
            em.find(FamilyCase.class, requestId, LockModeType.PESSIMISTIC_WRITE);
            Appointment live = Appointment.liveFor(requestId).orElse(null);
            if (live != null) {
                em.refresh(live);
                if (!live.confirmBy.isAfter(now) && booking.confirm(live)) {
                    confirmed++;
                }
            }
        }
        return confirmed;
    }
}
