package org.iom.dna.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.registry.config.RegistryConfig;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.InterpreterRoster;

/**
 * Which interpreters are on duty at a centre on one local day, besides the centre's standing languages. Each change
 * is announced (InterpreterRosterChangedV1, keyed by centre code like the centre's slot events, so the scheduler
 * reads it in order with them); setting the roster a day already has changes and announces nothing.
 */
@ApplicationScoped
public class InterpreterRosterService {

    /** Longest range of days one listing may cover, as for slots. */
    public static final int MAX_DAYS = SlotService.MAX_DAYS;

    private final Outbox outbox;
    private final Period maxAhead;

    InterpreterRosterService(Outbox outbox, RegistryConfig config) {
        this.outbox = outbox;
        this.maxAhead = config.interpreters().maxAhead();
    }

    /** @param changedAt when the roster was last set; null for a day that never had one */
    public record Roster(String centreCode, LocalDate localDate, List<String> languages, Instant changedAt) {

        static Roster of(InterpreterRoster r) {
            return new Roster(r.key.centreCode, r.key.localDate, r.languageList(), r.changedAt);
        }

        static Roster none(String centreCode, LocalDate day) {
            return new Roster(centreCode, day, List.of(), null);
        }
    }

    /**
     * The day's roster; no languages if none was set.
     *
     * @throws NotFound if there is no such centre
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Roster get(String centreCode, LocalDate day) {
        Centre.require(centreCode);
        InterpreterRoster roster = InterpreterRoster.forDay(centreCode, day);
        return roster == null ? Roster.none(centreCode, day) : Roster.of(roster);
    }

    /**
     * The rosters set for a centre's days between two local dates (inclusive), earliest first; by default the
     * coming week. Days without a roster are left out.
     *
     * @throws InvalidRequest if the range is reversed or longer than {@link #MAX_DAYS}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Roster> between(String centreCode, LocalDate from, LocalDate to) {
        Centre centre = Centre.require(centreCode);
        LocalDate first = from != null ? from : LocalDate.now(centre.zoneId());
        LocalDate last = to != null ? to : first.plusDays(6);
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw InvalidRequest.of("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
        return InterpreterRoster.between(centreCode, first, last).stream()
                .map(Roster::of)
                .toList();
    }

    /**
     * Replaces the day's roster. A language given twice counts once.
     *
     * @param actor who sets it (the token's principal), kept with the roster
     * @throws NotFound if there is no such centre
     * @throws InvalidRequest if the day is past at the centre, or further ahead than staff may plan
     * @throws Conflict if the centre is not active
     */
    @Transactional
    public Roster replace(String centreCode, LocalDate day, List<String> languages, String actor) {
        // Locked so that two changes of one centre's rosters are stored and published in the order they commit.
        Centre centre = Centre.<Centre>findByIdOptional(centreCode, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("centre " + centreCode));
        LocalDate today = LocalDate.now(centre.zoneId());
        if (day.isBefore(today)) {
            throw InvalidRequest.of("date", "must not be in the past at the centre (today there is " + today + ")");
        }
        if (day.isAfter(today.plus(maxAhead))) {
            throw InvalidRequest.of(
                    "date", "must be at most " + maxAhead + " ahead (until " + today.plus(maxAhead) + ")");
        }
        if (centre.status != CentreStatus.ACTIVE) {
            throw new Conflict(
                    "centre-not-active",
                    "The centre is not active",
                    "centre " + centreCode + " is " + centre.status + "; it takes no interpreters until it is active",
                    null);
        }
        // Sorted, each once: the same set of languages is always the same roster, whatever order staff give.
        String wanted = String.join(",", new TreeSet<>(languages));
        InterpreterRoster roster = InterpreterRoster.forDay(centreCode, day);
        boolean unchanged = roster == null ? wanted.isEmpty() : roster.languages.equals(wanted);
        if (unchanged) {
            return roster == null ? Roster.none(centreCode, day) : Roster.of(roster);
        }
        boolean first = roster == null;
        if (first) {
            roster = new InterpreterRoster();
            roster.key = InterpreterRoster.Key.of(centreCode, day);
        }
        roster.languages = wanted;
        // As PostgreSQL keeps it, so the answer shows the same instant as a later read.
        roster.changedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        roster.changedBy = actor;
        if (first) {
            roster.persist();
        }
        outbox.publish(
                Topics.SLOTS,
                centreCode,
                InterpreterRosterChangedV1.TYPE,
                new InterpreterRosterChangedV1(
                        centreCode, centre.country, day, roster.languageList(), roster.changedAt));
        return Roster.of(roster);
    }
}
