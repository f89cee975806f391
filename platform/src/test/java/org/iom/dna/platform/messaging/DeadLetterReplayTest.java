package org.iom.dna.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.platform.messaging.DeadLetters.Outcome;
import org.iom.dna.platform.messaging.RecordingHandler.TestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A parked record, replayed once its cause is fixed, is applied exactly once however often it is replayed. */
@QuarkusTest
class DeadLetterReplayTest {

    @Inject
    Inbox inbox;

    @Inject
    RecordingHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    @AfterEach
    void unfix() {
        handler.fixed(false);
    }

    @Test
    void replayBeforeTheFixKeepsTheRecordParked() {
        String marker = Records.marker();
        long id = park(marker);
        DeadLetters.Replay replay = deadLetters.replay(id).orElseThrow();
        assertEquals(Outcome.STILL_FAILING, replay.outcome());
        DeadLetter letter = deadLetters.find(id).orElseThrow();
        assertEquals(1, letter.replayAttempts);
        assertNotNull(letter.lastReplayError);
        assertEquals(null, letter.replayedAt);
        assertEquals(0, Records.effects(em, marker));
    }

    @Test
    void replayAfterTheFixAppliesOnce() {
        String marker = Records.marker();
        long id = park(marker);
        handler.fixed(true);
        assertEquals(Outcome.APPLIED, deadLetters.replay(id).orElseThrow().outcome());
        assertEquals(
                Outcome.ALREADY_REPLAYED, deadLetters.replay(id).orElseThrow().outcome());
        assertEquals(1, Records.effects(em, marker));
        assertEquals(
                0,
                deadLetters.parked(RecordingHandler.CONSUMER, 1000).stream()
                        .filter(d -> d.id == id)
                        .count());
    }

    @Test
    void concurrentReplaysApplyOnce() throws Exception {
        String marker = Records.marker();
        long id = park(marker);
        handler.fixed(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> replays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replays.add(pool.submit(() -> {
                start.await();
                return deadLetters.replay(id).orElseThrow().outcome();
            }));
        }
        start.countDown();
        long applied = 0;
        for (Future<Outcome> replay : replays) {
            applied += replay.get() == Outcome.APPLIED ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, applied);
        assertEquals(1, Records.effects(em, marker));
    }

    @Test
    void replayOfAnEventTheInboxSawMeanwhileChangesNothing() {
        String marker = Records.marker();
        String eventId = java.util.UUID.randomUUID().toString();
        inbox.process(handler, Records.withId(new TestEvent(marker, "until-fixed", 0), eventId));
        long id = parkedId(marker);
        handler.fixed(true);
        // The producer re-sent the same event after the fix, and it was applied from Kafka.
        inbox.process(handler, Records.withId(new TestEvent(marker, "until-fixed", 0), eventId));
        assertEquals(
                Outcome.ALREADY_APPLIED, deadLetters.replay(id).orElseThrow().outcome());
        assertEquals(1, Records.effects(em, marker));
    }

    @Test
    void replayAllReplaysEachParkedRecordOfAConsumer() {
        String first = Records.marker();
        String second = Records.marker();
        park(first);
        park(second);
        handler.fixed(true);
        List<DeadLetters.Replay> replays = deadLetters.replayAll(RecordingHandler.CONSUMER, 1000);
        assertEquals(
                0,
                deadLetters.parked(RecordingHandler.CONSUMER, 1000).stream()
                        .filter(d -> d.key.equals(first) || d.key.equals(second))
                        .count());
        assertEquals(1, Records.effects(em, first));
        assertEquals(1, Records.effects(em, second));
        assertEquals(
                replays.size(),
                replays.stream()
                        .filter(r -> r.outcome() != Outcome.STILL_FAILING)
                        .count());
    }

    @Test
    void depthCountsParkedRecordsPerConsumer() {
        long before = deadLetters.depth().getOrDefault(RecordingHandler.CONSUMER, 0L);
        park(Records.marker());
        assertEquals(before + 1, deadLetters.depth().get(RecordingHandler.CONSUMER));
    }

    @Test
    void anUnknownDeadLetterIsNotFound() {
        assertEquals(java.util.Optional.empty(), deadLetters.replay(Long.MAX_VALUE));
    }

    private long park(String marker) {
        ConsumerRecord<String, String> record = Records.of(new TestEvent(marker, "until-fixed", 0));
        inbox.process(handler, record);
        return parkedId(marker);
    }

    private long parkedId(String marker) {
        return deadLetters.parked(RecordingHandler.CONSUMER, 1000).stream()
                .filter(d -> marker.equals(d.key))
                .findFirst()
                .orElseThrow()
                .id;
    }
}
