package org.iom.dna.registry.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iom.dna.registry.config.RegistryConfig;
import org.iom.dna.registry.domain.AvailabilityTemplate;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.OpeningHours;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.jboss.logging.Logger;

/**
 * Keeps every active centre's slots generated for the rolling horizon. Idempotent: a slot that
 * exists (same centre and start instant) is never created twice, so running it again, or on several
 * instances, adds only what is missing.
 */
@ApplicationScoped
public class SlotGenerationService {

    private static final Logger LOG = Logger.getLogger(SlotGenerationService.class);

    private final SlotEvents events;
    private final Period horizon;
    private final boolean generateOnStart;

    SlotGenerationService(SlotEvents events, RegistryConfig config) {
        this.events = events;
        this.horizon = config.slots().horizon();
        this.generateOnStart = config.slots().generateOnStart();
    }

    void onStart(@Observes StartupEvent start) {
        if (generateOnStart) {
            generateAll();
        }
    }

    @Scheduled(cron = "${registry.slots.cron:0 15 0 * * ?}")
    void nightly() {
        generateAll();
    }

    public void generateAll() {
        List<String> codes = QuarkusTransaction.requiringNew()
                .call(() -> Centre.active().stream().map(c -> c.code).toList());
        int created = 0;
        for (String code : codes) {
            created += QuarkusTransaction.requiringNew().call(() -> generate(code, null, null));
        }
        LOG.infof("slot generation: %d new slot(s) across %d active centre(s)", created, codes.size());
    }

    /**
     * Generates one centre's missing slots from {@code from} (default: today at the centre) to
     * {@code to} (default: the end of the horizon), both inclusive.
     *
     * @return how many slots were created
     */
    @Transactional
    public int generate(String centreCode, LocalDate from, LocalDate to) {
        Centre centre = Centre.findById(centreCode);
        if (centre == null || centre.status != CentreStatus.ACTIVE) {
            return 0;
        }
        LocalDate first = from != null ? from : LocalDate.now(centre.zoneId());
        LocalDate last = to != null ? to : first.plus(horizon);
        List<Closure> closures = Closure.affecting(centre, first, last);
        Set<Instant> existing = withdrawClosedAndCollect(centre, first, last, closures);
        int created = 0;
        for (SlotGenerator.PlannedSlot planned : plan(centre, first, last, closures)) {
            // add, not contains: two overlapping templates plan the same start once, not twice.
            if (existing.add(planned.startsAt().toInstant())) {
                open(centre, planned);
                created++;
            }
        }
        return created;
    }

    /** The slots the centre's working week, templates and closures call for between two days. */
    private static List<SlotGenerator.PlannedSlot> plan(
            Centre centre, LocalDate first, LocalDate last, List<Closure> closures) {
        Map<DayOfWeek, SlotGenerator.Hours> week = OpeningHours.forCentre(centre.code).stream()
                .collect(Collectors.toMap(OpeningHours::dayOfWeek, h -> new SlotGenerator.Hours(h.opens, h.closes)));
        List<SlotGenerator.Rule> rules = AvailabilityTemplate.forCentre(centre.code).stream()
                .map(t -> new SlotGenerator.Rule(
                        t.weekday(), t.starts, t.ends, t.slotMinutes, t.capacity, t.validFrom, t.validTo))
                .toList();
        return SlotGenerator.plan(
                centre.zoneId(), week, rules, day -> closures.stream().anyMatch(c -> c.covers(day)), first, last);
    }

    /**
     * Withdraws existing slots on days closed since they were made (also holiday data added by a
     * migration), and returns when the existing slots start, so that none is made twice.
     */
    private Set<Instant> withdrawClosedAndCollect(
            Centre centre, LocalDate first, LocalDate last, List<Closure> closures) {
        Set<Instant> existing = new HashSet<>();
        for (Slot slot : Slot.between(centre.code, first, last)) {
            existing.add(slot.startsAt);
            if (closures.stream().anyMatch(c -> c.covers(slot.localDate))) {
                events.withdraw(slot, "CLOSURE");
            }
        }
        return existing;
    }

    private void open(Centre centre, SlotGenerator.PlannedSlot planned) {
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.centreCode = centre.code;
        slot.localDate = planned.localDate();
        slot.localStart = planned.localStart();
        slot.localEnd = planned.localEnd();
        slot.startsAt = planned.startsAt().toInstant();
        slot.endsAt = planned.endsAt().toInstant();
        slot.capacity = planned.capacity();
        slot.status = SlotStatus.OPEN;
        slot.persist();
        events.opened(centre, slot);
    }
}
