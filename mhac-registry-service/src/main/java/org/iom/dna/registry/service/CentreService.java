package org.iom.dna.registry.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.PreconditionFailed;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.registry.config.RegistryConfig;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Facility;
import org.iom.dna.registry.domain.OpeningHours;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.jboss.logging.Logger;

/**
 * Country offices open, change, suspend and close centres. A centre that stops being ACTIVE has its
 * future slots withdrawn, so the scheduler moves the families booked there.
 */
@ApplicationScoped
public class CentreService {

    private static final Logger LOG = Logger.getLogger(CentreService.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final SlotEvents slotEvents;
    private final java.time.Duration reAnnounceAfter;

    CentreService(EntityManager em, Outbox outbox, SlotEvents slotEvents, RegistryConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.slotEvents = slotEvents;
        this.reAnnounceAfter = config.centres().reAnnounceAfter();
    }

    public record Day(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {}

    public record Details(
            String name,
            String country,
            String city,
            boolean cityAssumed,
            String address,
            String zone,
            List<String> languages,
            List<Facility> facilities,
            CentreStatus status,
            List<Day> workingWeek,
            String dayListEmail) {}

    /** Whether a centre has this code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String code) {
        return Centre.findById(code) != null;
    }

    /** A centre's code starts with its country, e.g. ET-ADD. */
    private static void requireCountryPrefix(String code, Details details) {
        if (!code.startsWith(details.country() + "-")) {
            throw InvalidRequest.of("$.country", "must match the centre code's prefix");
        }
    }

    /** Every centre, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Centre> all() {
        return Centre.<Centre>listAll().stream()
                .sorted((a, b) -> a.code.compareTo(b.code))
                .toList();
    }

    /** @throws org.iom.dna.platform.domain.NotFound if there is no such centre */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Centre get(String code) {
        return Centre.require(code);
    }

    @Transactional
    public Centre create(String code, Details details) {
        requireCountryPrefix(code, details);
        if (Centre.findById(code) != null) {
            throw new Conflict(
                    "centre-exists",
                    "The centre code is taken",
                    "centre " + code + " exists already",
                    java.net.URI.create("/api/v1/centres/" + code));
        }
        Centre centre = new Centre();
        centre.code = code;
        apply(centre, details);
        centre.persist();
        replaceWorkingWeek(code, details.workingWeek());
        publish(centre);
        em.flush();
        return centre;
    }

    @Transactional
    public Centre update(String code, int expectedVersion, Details details) {
        requireCountryPrefix(code, details);
        Centre centre = Centre.require(code);
        if (centre.version != expectedVersion) {
            throw PreconditionFailed.stale(
                    "The centre changed since you read it",
                    "read the centre again and repeat the change against its current version");
        }
        if (!centre.country.equals(details.country())) {
            throw new InvalidRequest(List.of(
                    new Violation("$.country", "a centre cannot move to another country; create a new centre")));
        }
        if (!centre.zone.equals(details.zone())
                && Slot.count("centreCode = ?1 and startsAt > ?2", code, Instant.now()) > 0) {
            throw new Conflict(
                    "zone-in-use",
                    "The centre has future slots in its current zone",
                    "suspend the centre (withdrawing its slots) before correcting its time zone",
                    null);
        }
        CentreStatus before = centre.status;
        apply(centre, details);
        replaceWorkingWeek(code, details.workingWeek());
        List<Slot> future = Slot.list("centreCode = ?1 and startsAt > ?2", code, Instant.now());
        if (centre.status != CentreStatus.ACTIVE) {
            future.forEach(slot -> slotEvents.withdraw(slot, "CENTRE_NOT_ACTIVE"));
        } else {
            if (before != CentreStatus.ACTIVE) {
                reopenAfterReactivation(centre, future);
            }
            withdrawOutsideWorkingWeek(details.workingWeek(), future);
        }
        publish(centre);
        em.flush();
        return centre;
    }

    /** Slots withdrawn because the centre stopped working open again, unless a closure covers their day. */
    private void reopenAfterReactivation(Centre centre, List<Slot> future) {
        for (Slot slot : future) {
            if (slot.status == SlotStatus.WITHDRAWN && "CENTRE_NOT_ACTIVE".equals(slot.withdrawnReason)) {
                boolean closed = Closure.affecting(centre, slot.localDate, slot.localDate).stream()
                        .anyMatch(c -> c.covers(slot.localDate));
                if (closed) {
                    slot.withdrawnReason = "CLOSURE";
                } else {
                    slot.status = SlotStatus.OPEN;
                    slot.withdrawnReason = null;
                    slotEvents.opened(centre, slot);
                }
            }
        }
    }

    /**
     * A shorter working week (e.g. a new weekend rule) withdraws the future slots that now fall outside it. Ad-hoc
     * slots are left alone: staff add them outside the usual week on purpose (an extra Saturday session).
     */
    private void withdrawOutsideWorkingWeek(List<Day> week, List<Slot> future) {
        for (Slot slot : future) {
            if (slot.adHoc) {
                continue;
            }
            boolean inside = week.stream()
                    .anyMatch(d -> d.dayOfWeek() == slot.localDate.getDayOfWeek()
                            && !slot.localStart.isBefore(d.opens())
                            && !slot.localEnd.isAfter(d.closes()));
            if (!inside) {
                slotEvents.withdraw(slot, "CALENDAR_CHANGED");
            }
        }
    }

    private static void apply(Centre centre, Details d) {
        centre.name = d.name();
        centre.country = d.country();
        centre.city = d.city();
        centre.cityAssumed = d.cityAssumed();
        centre.address = d.address();
        centre.zone = d.zone();
        centre.languages = String.join(",", d.languages() == null ? List.of() : d.languages());
        centre.facilities = Facility.join(d.facilities());
        centre.status = d.status();
        centre.dayListEmail = d.dayListEmail();
    }

    private void replaceWorkingWeek(String code, List<Day> week) {
        OpeningHours.delete("key.centreCode", code);
        em.flush();
        for (Day day : week) {
            OpeningHours hours = new OpeningHours();
            hours.key = new OpeningHours.Key();
            hours.key.centreCode = code;
            hours.key.dayOfWeek = (short) day.dayOfWeek().getValue();
            hours.opens = day.opens();
            hours.closes = day.closes();
            hours.persist();
        }
    }

    private void publish(Centre c) {
        outbox.publish(
                Topics.SLOTS,
                c.code,
                CentreChangedV1.TYPE,
                new CentreChangedV1(
                        c.code,
                        c.name,
                        c.country,
                        c.city,
                        c.zone,
                        c.status.name(),
                        Instant.now(),
                        languagesOf(c),
                        c.facilityList().stream().map(Facility::name).toList()));
        em.createNativeQuery("update centre set announced_at = ?1 where code = ?2")
                .setParameter(1, Instant.now())
                .setParameter(2, c.code)
                .executeUpdate();
    }

    void onStart(@Observes StartupEvent start) {
        reAnnounce();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reAnnounce() {
        int announced = announceStale();
        if (announced > 0) {
            LOG.infof("announced %d centre(s) not announced for %s", announced, reAnnounceAfter);
        }
    }

    private static List<String> languagesOf(Centre c) {
        return c.languages == null || c.languages.isBlank() ? List.of() : List.of(c.languages.split(","));
    }

    /**
     * Centres never announced (those seeded by a migration, or changed by one, which clears announcedAt) or last
     * announced longer ago than {@code registry.centres.re-announce-after}: so the scheduler and intake know every
     * centre's city, languages, facilities and status even when they start reading the topic after the centre's
     * last change has left it.
     *
     * @return how many were announced
     */
    @Transactional
    public int announceStale() {
        List<Centre> stale = Centre.list(
                "announcedAt is null or announcedAt < ?1", Instant.now().minus(reAnnounceAfter));
        stale.forEach(this::publish);
        return stale.size();
    }
}
