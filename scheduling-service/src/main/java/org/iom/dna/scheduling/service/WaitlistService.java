package org.iom.dna.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.iom.dna.platform.transactions.AfterCommit;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.jboss.logging.Logger;

/**
 * Books families as they arrive (the online path: on the consumer's thread, right after the event's
 * transaction commits), and serves the waitlist in priority order when capacity changed: only the
 * countries whose slots changed, unless a change may concern any family (a cancellation, a no-show).
 * At least every half minute a full pass also catches changes made by other instances and families
 * whose arrival was not followed by a booking attempt (the process stopped in between).
 */
@ApplicationScoped
public class WaitlistService {

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);
    private static final long FULL_PASS_SECONDS = 30;

    private final BookingService booking;
    /** Families tried per pass, beyond the untried ones: bounds the work of one pass. */
    private final int passSize;

    /** Countries whose capacity changed since the last pass; {@link #ANY} for a change that may concern any family. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    private static final String ANY = "*";
    /** Families whose arrival committed and who have not been tried yet. */
    private final Queue<UUID> arrivals = new ConcurrentLinkedQueue<>();

    private volatile Instant lastPass = Instant.EPOCH;

    private final AfterCommit afterCommit;

    WaitlistService(BookingService booking, SchedulingConfig config, AfterCommit afterCommit) {
        this.booking = booking;
        this.afterCommit = afterCommit;
        this.passSize = config.waitlist().passSize();
        changed.add(ANY); // families left untried by a previous run of the process
    }

    /** Something that may let any waiting family in has happened (places given back, a family waiting again). */
    public void capacityOrDemandChanged() {
        afterCommit.run(() -> changed.add(ANY));
    }

    /** A country's capacity changed (a slot opened or grew, a centre's languages changed). */
    public void capacityChanged(String country) {
        afterCommit.run(() -> changed.add(country));
    }

    /** A new family has arrived: once its transaction has committed, {@link #bookArrivals()} tries to book it. */
    public void familyArrived(UUID requestId) {
        afterCommit.run(() -> arrivals.add(requestId));
    }

    /**
     * The online path: tries to book each family that has arrived, on the caller's thread (the consumer's, right
     * after the event's transaction). A family that could not be tried (a lost race for a place, the database away)
     * is left to the next pass, which tries families that were never tried.
     */
    public void bookArrivals() {
        UUID requestId;
        while ((requestId = arrivals.poll()) != null) {
            tryBook(requestId);
        }
    }

    @Scheduled(
            every = "${scheduling.waitlist.interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void serve() {
        bookArrivals();
        boolean due = lastPass.plusSeconds(FULL_PASS_SECONDS).isBefore(Instant.now());
        if (changed.isEmpty() && !due) {
            return;
        }
        Set<String> countries = new HashSet<>(changed);
        changed.removeAll(countries);
        if (due) {
            countries.add(ANY);
        }
        lastPass = Instant.now();
        try {
            pass(countries.contains(ANY) ? null : countries);
        } catch (RuntimeException e) {
            // The database is away: keep the change, so the families are tried as soon as it returns.
            changed.addAll(countries);
            LOG.warnf("waitlist pass failed (will retry): %s", e.getClass().getSimpleName());
        }
    }

    /** @param countries the countries whose waiting families to serve; null for every family, untried ones first */
    private void pass(Set<String> countries) {
        String scope = countries == null ? ANY : null;
        // New families first: a waitlist of families that cannot be booked must not hide them.
        List<UUID> untried = countries == null
                ? QuarkusTransaction.requiringNew().call(() -> FamilyCase.untried(passSize))
                : List.of();
        Instant earliest = Instant.now().plus(booking.shortestLeadTime());
        List<UUID> servable =
                QuarkusTransaction.requiringNew().call(() -> FamilyCase.servable(earliest, countries, passSize));
        Set<UUID> waiting = new LinkedHashSet<>(untried);
        waiting.addAll(servable);
        int booked = 0;
        for (UUID requestId : waiting) {
            if (tryBook(requestId)) {
                booked++;
            }
        }
        if (booked > 0) {
            LOG.infof("waitlist pass: booked %d of %d waiting famil(ies)", booked, waiting.size());
        }
        // A full page means more may be waiting: go round again at the next tick, not the next full pass.
        if (untried.size() == passSize || (servable.size() == passSize && booked > 0)) {
            if (countries == null) {
                changed.add(ANY);
            } else {
                changed.addAll(countries);
            }
        }
    }

    /** @return whether the family was booked; a failure leaves it for a later pass */
    private boolean tryBook(UUID requestId) {
        try {
            return booking.tryBook(requestId).isPresent();
        } catch (Seats.CapacityTaken e) {
            changed.add(ANY); // lost a race for a slot: try this family again on the next pass
        } catch (RuntimeException e) {
            LOG.warnf("booking request %s failed: %s", requestId, e.getClass().getSimpleName());
            changed.add(ANY);
        }
        return false;
    }
}
