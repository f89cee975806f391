package org.iom.dna.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What operators do with parked records: look at them and replay them once the cause is fixed (a
 * producer corrected, a consumer deployed that understands the record). A replay goes through the
 * inbox like a delivery from Kafka, so an event is applied at most once however often it is replayed.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** What a replay did. */
    public enum Outcome {
        /** The handler applied the event now. */
        APPLIED,
        /** The inbox had seen the event already (e.g. it was delivered again meanwhile): nothing to do. */
        ALREADY_APPLIED,
        /** Replayed before: nothing to do. */
        ALREADY_REPLAYED,
        /** Still fails; the dead letter stays parked with the new reason. */
        STILL_FAILING,
        /** No consumer of that name in this service. */
        NO_CONSUMER
    }

    public record Replay(long id, Outcome outcome, String reason) {}

    private final EntityManager em;
    private final Inbox inbox;
    private final Map<String, EventHandler> handlers;

    DeadLetters(EntityManager em, Inbox inbox, @Any Instance<EventHandler> handlers) {
        this.em = em;
        this.inbox = inbox;
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::consumer, Function.identity()));
    }

    /** Parked (not yet replayed) records, oldest first; all consumers when {@code consumer} is null. */
    public List<DeadLetter> parked(String consumer, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createQuery(
                    "from DeadLetter d where d.replayedAt is null"
                            + (consumer == null ? "" : " and d.consumer = :consumer") + " order by d.id",
                    DeadLetter.class);
            if (consumer != null) {
                query.setParameter("consumer", consumer);
            }
            return query.setMaxResults(limit).getResultList();
        });
    }

    public Optional<DeadLetter> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.find(DeadLetter.class, id)));
    }

    /** Parked records per consumer (the dead-letter depth). */
    public Map<String, Long> depth() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select d.consumer, count(d) from DeadLetter d"
                                        + " where d.replayedAt is null group by d.consumer",
                                Object[].class)
                        .getResultStream()
                        .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1])));
    }

    /** Names of the consumers in this service that a dead letter can be replayed to. */
    public List<String> consumers() {
        return handlers.keySet().stream().sorted().toList();
    }

    /** Replays one dead letter; empty if there is none with that id. */
    public Optional<Replay> replay(long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> replayLocked(id));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            String reason = Inbox.reason(e);
            QuarkusTransaction.requiringNew().run(() -> {
                DeadLetter letter = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
                letter.replayAttempts++;
                letter.lastReplayError = reason;
            });
            LOG.warnf("dead letter %d still fails on replay: %s", id, reason);
            return Optional.of(new Replay(id, Outcome.STILL_FAILING, reason));
        }
    }

    /** Replays every parked record of one consumer (all when null), oldest first, in bounded rounds. */
    public List<Replay> replayAll(String consumer, int limit) {
        return parked(consumer, limit).stream()
                .map(letter -> replay(letter.id).orElseThrow())
                .toList();
    }

    private Optional<Replay> replayLocked(long id) {
        // The row lock makes two operators replaying the same record at once take turns.
        DeadLetter letter = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (letter == null) {
            return Optional.empty();
        }
        if (letter.replayedAt != null) {
            return Optional.of(new Replay(id, Outcome.ALREADY_REPLAYED, null));
        }
        EventHandler handler = handlers.get(letter.consumer);
        if (handler == null) {
            return Optional.of(new Replay(id, Outcome.NO_CONSUMER, "no consumer " + letter.consumer + " here"));
        }
        if (letter.eventId == null || letter.eventType == null || letter.payload == null) {
            throw new ContractViolation("dead letter " + id + " has no CloudEvents id/type or no value");
        }
        Optional<IncomingEvent> event =
                inbox.receive(letter.consumer, letter.eventId, letter.eventType, letter.payload);
        event.ifPresent(handler::apply);
        letter.replayAttempts++;
        letter.replayedAt = Instant.now();
        letter.replayOutcome = (event.isPresent() ? Outcome.APPLIED : Outcome.ALREADY_APPLIED).name();
        LOG.infof("dead letter %d replayed to %s: %s", id, letter.consumer, letter.replayOutcome);
        return Optional.of(new Replay(id, Outcome.valueOf(letter.replayOutcome), null));
    }
}
