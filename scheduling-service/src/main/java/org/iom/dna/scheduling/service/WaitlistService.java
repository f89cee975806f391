package org.iom.dna.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.jboss.logging.Logger;

/**
 * Serves waiting families in priority order whenever something changed that could let them in (a
 * new family, new or larger slots), and at least every half minute for changes made by other
 * instances.
 */
@ApplicationScoped
public class WaitlistService {

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);
    private static final long FULL_PASS_SECONDS = 30;

    private final BookingService booking;
    /** Families tried per pass, beyond the untried ones: bounds the work of one pass. */
    private final int passSize;

    private final AtomicBoolean changed = new AtomicBoolean(true);
    private volatile Instant lastPass = Instant.EPOCH;

    private final TransactionSynchronizationRegistry transactions;

    WaitlistService(BookingService booking, SchedulingConfig config, TransactionSynchronizationRegistry transactions) {
        this.booking = booking;
        this.transactions = transactions;
        this.passSize = config.waitlist().passSize();
    }

    /**
     * Something that may let a waiting family in has happened. Inside a transaction the flag is raised again once
     * it has committed: a pass that started in between would not yet see the change and would clear the flag,
     * leaving the family to wait for the next full pass.
     */
    public void capacityOrDemandChanged() {
        changed.set(true);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        changed.set(true);
                    }
                }
            });
        }
    }

    @Scheduled(
            every = "${scheduling.waitlist.interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void serve() {
        boolean due = lastPass.plusSeconds(FULL_PASS_SECONDS).isBefore(Instant.now());
        if (!changed.getAndSet(false) && !due) {
            return;
        }
        lastPass = Instant.now();
        try {
            pass();
        } catch (RuntimeException e) {
            // The database is away: keep the flag, so the families are tried as soon as it returns.
            changed.set(true);
            LOG.warnf("waitlist pass failed (will retry): %s", e.getClass().getSimpleName());
        }
    }

    private void pass() {
        // New families first: a waitlist of families that cannot be booked must not hide them.
        List<UUID> untried = QuarkusTransaction.requiringNew().call(() -> FamilyCase.untried(passSize));
        Instant earliest = Instant.now().plus(booking.shortestLeadTime());
        List<UUID> servable = QuarkusTransaction.requiringNew().call(() -> FamilyCase.servable(earliest, passSize));
        Set<UUID> waiting = new LinkedHashSet<>(untried);
        waiting.addAll(servable);
        int booked = 0;
        for (UUID requestId : waiting) {
            try {
                if (booking.tryBook(requestId).isPresent()) {
                    booked++;
                }
            } catch (Seats.CapacityTaken e) {
                changed.set(true); // lost a race for a slot: try this family again on the next pass
            } catch (RuntimeException e) {
                LOG.warnf(
                        "booking request %s failed: %s", requestId, e.getClass().getSimpleName());
                changed.set(true);
            }
        }
        if (booked > 0) {
            LOG.infof("waitlist pass: booked %d of %d waiting famil(ies)", booked, waiting.size());
        }
        // A full page means more may be waiting: go round again at the next tick, not the next full pass.
        if (untried.size() == passSize || (servable.size() == passSize && booked > 0)) {
            changed.set(true);
        }
    }
}
