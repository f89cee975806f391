package org.iom.dna.scheduling.testdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;

/**
 * The events intake and the registry send, built from the contracts in {@code events/}. Every test
 * takes its own made-up country, so that its slots are the only ones its families can match.
 */
public final class Events {

    public static final ZoneId UTC = ZoneOffset.UTC;
    private static final Duration SLOT_LENGTH = Duration.ofMinutes(30);
    private static final AtomicInteger COUNTRIES = new AtomicInteger();

    private Events() {}

    /** A two-character code starting with a digit: no real country, and no other test's. */
    public static String uniqueCountry() {
        int n = COUNTRIES.getAndIncrement();
        return "" + (char) ('0' + (n / 26) % 10) + (char) ('A' + n % 26);
    }

    /** The instant {@code days} UTC days from today at {@code hour}:00 UTC. */
    public static Instant daysAhead(int days, int hour) {
        return LocalDate.now(UTC).plusDays(days).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** A half-hour slot of a centre in UTC; the country is the centre code's first two characters. */
    public static SlotOpenedV1 slot(String centre, Instant startsAt, int capacity) {
        return slot(centre, UTC, startsAt, capacity);
    }

    /** A half-hour slot whose local date and time are those of {@code startsAt} in the centre's zone. */
    public static SlotOpenedV1 slot(String centre, ZoneId zone, Instant startsAt, int capacity) {
        ZonedDateTime local = startsAt.atZone(zone);
        return new SlotOpenedV1(
                UUID.randomUUID(),
                centre,
                centre.substring(0, 2),
                zone.getId(),
                local.toLocalDate(),
                local.toLocalTime(),
                startsAt,
                startsAt.plus(SLOT_LENGTH),
                capacity);
    }

    /** The slot that starts when {@code previous} ends, at the same centre. */
    public static SlotOpenedV1 next(SlotOpenedV1 previous, int capacity) {
        return slot(previous.centreCode(), ZoneId.of(previous.zone()), previous.endsAt(), capacity);
    }

    /** The same slot opened again (the registry re-sent it, or reopened it), with this capacity. */
    public static SlotOpenedV1 reopened(SlotOpenedV1 slot, int capacity) {
        return new SlotOpenedV1(
                slot.slotId(),
                slot.centreCode(),
                slot.country(),
                slot.zone(),
                slot.localDate(),
                slot.localStart(),
                slot.startsAt(),
                slot.endsAt(),
                capacity);
    }

    public static SlotChangedV1 changed(SlotOpenedV1 slot, int capacity, String status) {
        return new SlotChangedV1(slot.slotId(), slot.centreCode(), capacity, status, Instant.now());
    }

    public static SlotWithdrawnV1 withdrawn(SlotOpenedV1 slot) {
        return new SlotWithdrawnV1(slot.slotId(), slot.centreCode(), "CLOSURE", Instant.now());
    }

    public static SamplingRequestCancelledV1 cancelled(UUID requestId) {
        return new SamplingRequestCancelledV1(requestId, "WITHDRAWN_BY_APPLICANT", Instant.now());
    }

    public static Member adult(String ref, String livesIn) {
        return new Member(ref, 35, false, null, "ar", false, false, false, livesIn, null);
    }

    public static Member minor(String ref, String accompaniedBy, String livesIn) {
        return new Member(ref, 9, true, accompaniedBy, "ar", false, false, false, livesIn, null);
    }

    public static FamilyBuilder family(String country) {
        return new FamilyBuilder(country);
    }

    /** A family case as intake sends it; by default standard priority, due in 60 days, received now. */
    public static final class FamilyBuilder {
        private final String country;
        private UUID requestId = UUID.randomUUID();
        private boolean adHoc;
        private String preferredCentre;
        private Priority priority = Priority.STANDARD;
        private LocalDate deadline = LocalDate.now(UTC).plusDays(60);
        private Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private List<Member> members;

        private FamilyBuilder(String country) {
            this.country = country;
            this.members = List.of(adult("P-1", country));
        }

        public FamilyBuilder requestId(UUID requestId) {
            this.requestId = requestId;
            return this;
        }

        public FamilyBuilder adHoc() {
            this.adHoc = true;
            return this;
        }

        public FamilyBuilder preferredCentre(String centre) {
            this.preferredCentre = centre;
            return this;
        }

        public FamilyBuilder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public FamilyBuilder deadline(LocalDate deadline) {
            this.deadline = deadline;
            return this;
        }

        public FamilyBuilder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
            return this;
        }

        public FamilyBuilder members(Member... members) {
            this.members = List.of(members);
            return this;
        }

        /** {@code count} adults living in the sampling country, P-1 to P-count. */
        public FamilyBuilder adults(int count) {
            this.members = IntStream.rangeClosed(1, count)
                    .mapToObj(i -> adult("P-" + i, country))
                    .toList();
            return this;
        }

        public SamplingRequestReceivedV1 build() {
            return new SamplingRequestReceivedV1(
                    requestId, country, adHoc, preferredCentre, priority, deadline, receivedAt, members);
        }
    }
}
