package org.iom.dna.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** Waiting families tried per country and pass, beyond the untried ones: bounds the work of one pass. */
    private final int passSize;

    /** Countries whose capacity changed since the last pass; {@link #ANY} for a change that may concern any family. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    private static final String ANY = "*";
    /** Families whose arrival committed and who have not been tried yet. */
    private final Queue<UUID> arrivals = new ConcurrentLinkedQueue<>();

    private volatile Instant lastPass = Instant.EPOCH;

    /** Per country, the family after which the next pass goes on trying families behind the head of the queue. */
    private final Map<String, FamilyCase.QueuePosition> stretchStart = new ConcurrentHashMap<>();

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

    /**
     * Serves each country's queue: its head (the most urgent families, offered every place first) and the next
     * stretch behind where the previous pass of that country stopped. So every waiting family is tried within a few
     * passes, however many families ahead of it cannot be booked, and one pass does bounded work per country.
     *
     * @param countries the countries whose waiting families to serve; null for every country, untried families first
     */
    private void pass(Set<String> countries) {
        // New families first: a waitlist of families that cannot be booked must not hide them.
        List<UUID> untried = countries == null
                ? QuarkusTransaction.requiringNew().call(() -> FamilyCase.untried(passSize))
                : List.of();
        Instant earliest = Instant.now().plus(booking.shortestLeadTime());
        Collection<String> scope =
                countries == null ? QuarkusTransaction.requiringNew().call(FamilyCase::waitingCountries) : countries;
        int booked = 0;
        int tried = 0;
        for (UUID requestId : untried) {
            booked += tryBook(requestId) ? 1 : 0;
        }
        for (String country : scope) {
            int before = booked;
            List<FamilyCase.QueuePosition> head = QuarkusTransaction.requiringNew()
                    .call(() -> FamilyCase.servable(country, earliest, null, headSize()));
            FamilyCase.QueuePosition resume =
                    stretchStart.getOrDefault(country, head.isEmpty() ? null : head.get(head.size() - 1));
            List<FamilyCase.QueuePosition> stretch = head.size() < headSize()
                    ? List.of()
                    : QuarkusTransaction.requiringNew()
                            .call(() -> FamilyCase.servable(country, earliest, resume, passSize - headSize()));
            Set<UUID> waiting = new LinkedHashSet<>();
            head.forEach(p -> waiting.add(p.requestId()));
            stretch.forEach(p -> waiting.add(p.requestId()));
            for (UUID requestId : waiting) {
                booked += tryBook(requestId) ? 1 : 0;
            }
            tried += waiting.size();
            if (stretch.size() == passSize - headSize()) {
                // More wait behind this stretch: carry on from there at the next tick, until the queue is done.
                stretchStart.put(country, stretch.get(stretch.size() - 1));
                changed.add(country);
            } else {
                stretchStart.remove(country);
                if (booked > before && head.size() == headSize()) {
                    changed.add(country); // places may remain for the families behind
                }
            }
        }
        if (booked > 0) {
            LOG.infof("waitlist pass: booked %d of %d waiting famil(ies)", booked, tried + untried.size());
        }
        if (untried.size() == passSize) {
            changed.add(ANY);
        }
    }

    /** The families at the head of each country's queue, tried in every pass. */
    private int headSize() {
        return Math.max(1, passSize / 2);
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
