package org.iom.dna.registry.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.registry.domain.AvailabilityTemplate;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.service.CentreService;
import org.iom.dna.registry.service.SlotGenerationService;
import org.iom.dna.registry.service.TemplateService;

/**
 * Test data of the registry's own: centres with fresh codes (in a country of their own where closures of a
 * whole country must not reach other tests), their templates and slots, and the outbox rows they produced.
 */
@ApplicationScoped
public class Fixtures {

    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(16, 30);

    private final CentreService centres;
    private final TemplateService templates;
    private final SlotGenerationService generation;
    private final ObjectMapper json;

    Fixtures(CentreService centres, TemplateService templates, SlotGenerationService generation, ObjectMapper json) {
        this.centres = centres;
        this.templates = templates;
        this.generation = generation;
        this.json = json;
    }

    /** A working week with the same hours on every given day. */
    public static List<CentreService.Day> week(LocalTime opens, LocalTime closes, DayOfWeek... days) {
        return Arrays.stream(days)
                .map(d -> new CentreService.Day(d, opens, closes))
                .toList();
    }

    /** Monday to Friday, 08:00 to 16:30. */
    public static List<CentreService.Day> mondayToFriday() {
        return week(
                OPENS,
                CLOSES,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY);
    }

    public static CentreService.Details details(
            String country, String zone, CentreStatus status, List<CentreService.Day> week) {
        return new CentreService.Details(
                "IOM MHAC test " + country,
                country,
                "Testville",
                false,
                null,
                zone,
                List.of("en"),
                List.of(),
                status,
                week,
                null);
    }

    /** A two-letter country no centre is in yet. */
    public String freeCountry() {
        return tx(() -> {
            String country;
            do {
                country = "" + letter() + letter();
            } while (Centre.count("country", country) > 0);
            return country;
        });
    }

    /**
     * A centre code no centre has yet and no outbox row is keyed by, in the country. Tests that record
     * events for a code without creating its centre leave such rows behind in the shared database, and
     * a later run drawing the same code would count them as its own.
     */
    public String freeCode(String country) {
        return tx(() -> {
            String code;
            do {
                code = country + "-" + letter() + letter() + letter();
            } while (Centre.findById(code) != null || OutboxEvent.count("key", code) > 0);
            return code;
        });
    }

    /** An active centre, alone in a country of its own, so no seeded or other test's closure reaches it. */
    public String centre(String zone, List<CentreService.Day> week) {
        return centreIn(freeCountry(), zone, week);
    }

    /** An active centre in the country. */
    public String centreIn(String country, String zone, List<CentreService.Day> week) {
        String code = freeCode(country);
        centres.create(code, details(country, zone, CentreStatus.ACTIVE, week));
        return code;
    }

    /** A weekly rule valid from today on. */
    public AvailabilityTemplate template(
            String centre, DayOfWeek day, LocalTime starts, LocalTime ends, int minutes, int capacity) {
        AvailabilityTemplate t = new AvailabilityTemplate();
        t.centreCode = centre;
        t.dayOfWeek = (short) day.getValue();
        t.starts = starts;
        t.ends = ends;
        t.slotMinutes = minutes;
        t.capacity = capacity;
        t.validFrom = LocalDate.of(2026, 1, 1);
        return templates.add(t);
    }

    /** Generates the centre's slots of the days, and returns them. */
    public List<Slot> generate(String centre, LocalDate from, LocalDate to) {
        generation.generate(centre, from, to);
        return slots(centre, from, to);
    }

    public List<Slot> slots(String centre, LocalDate from, LocalDate to) {
        return tx(() -> Slot.between(centre, from, to));
    }

    public Slot slot(UUID id) {
        return tx(() -> Slot.findById(id));
    }

    public Centre centreNamed(String code) {
        return tx(() -> Centre.findById(code));
    }

    /** A closure stored as a migration would store it: no slot is touched. */
    public Closure storeClosure(String centreCode, String country, LocalDate first, LocalDate last) {
        return tx(() -> {
            Closure c = new Closure();
            c.id = UUID.randomUUID();
            c.centreCode = centreCode;
            c.country = country;
            c.firstDay = first;
            c.lastDay = last;
            c.reason = "PUBLIC_HOLIDAY";
            c.persist();
            return c;
        });
    }

    public Closure closure(String centreCode, String country, LocalDate first, LocalDate last, String reason) {
        Closure c = new Closure();
        c.centreCode = centreCode;
        c.country = country;
        c.firstDay = first;
        c.lastDay = last;
        c.reason = reason;
        return c;
    }

    /** Every outbox row with this key, oldest first. */
    public List<OutboxEvent> events(String key) {
        return tx(() -> OutboxEvent.<OutboxEvent>list("key = ?1 order by position", key));
    }

    /** The payloads of the key's outbox rows of one type, oldest first. */
    public <T> List<T> events(String key, String type, Class<T> payload) {
        return events(key).stream()
                .filter(e -> e.type.equals(type))
                .map(e -> read(e.payload, payload))
                .toList();
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body, written by the application's own mapper. */
    public String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    private static char letter() {
        return (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    }
}
