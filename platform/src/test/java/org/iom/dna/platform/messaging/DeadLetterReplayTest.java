package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    /** A consumer this service no longer has (renamed or removed): its dead letters have nowhere to go. */
    private static final EventHandler RETIRED = new EventHandler() {
        @Override
        public String consumer() {
            return "platform-test.retired";
        }

        @Override
        public void apply(IncomingEvent event) {
            throw new ContractViolation("the retired consumer refuses everything");
        }
    };

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
    void shouldKeepTheRecordParkedWhenItIsReplayedBeforeTheFix() {
        String marker = Records.marker();
        long id = park(marker);

        DeadLetters.Replay replay = deadLetters.replay(id).orElseThrow();

        assertThat(replay.outcome()).isEqualTo(Outcome.STILL_FAILING);
        assertThat(replay.reason()).isEqualTo("contract violation: not understood yet");
        DeadLetter letter = deadLetters.find(id).orElseThrow();
        assertThat(letter.replayAttempts).isEqualTo(1);
        assertThat(letter.lastReplayError).isEqualTo("contract violation: not understood yet");
        assertThat(letter.replayedAt).isNull();
        assertThat(Records.effects(em, marker)).isZero();
    }

    @Test
    void shouldApplyTheRecordWhenItIsReplayedAfterTheFix() {
        String marker = Records.marker();
        long id = park(marker);
        handler.fixed(true);

        assertThat(deadLetters.replay(id))
                .get()
                .extracting(DeadLetters.Replay::outcome)
                .isEqualTo(Outcome.APPLIED);

        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldRecordTheReplaysOutcomeOnTheDeadLetter() {
        long id = park(Records.marker());
        handler.fixed(true);

        deadLetters.replay(id);

        DeadLetter letter = deadLetters.find(id).orElseThrow();
        assertThat(letter.replayedAt).isNotNull();
        assertThat(letter.replayOutcome).isEqualTo("APPLIED");
        assertThat(letter.replayAttempts).isEqualTo(1);
    }

    @Test
    void shouldTakeAReplayedRecordOffTheParkedList() {
        long id = park(Records.marker());
        handler.fixed(true);

        deadLetters.replay(id);

        assertThat(deadLetters.parked(RecordingHandler.CONSUMER, 1000))
                .extracting(d -> d.id)
                .doesNotContain(id);
    }

    @Test
    void shouldDoNothingWhenARecordIsReplayedTwice() {
        String marker = Records.marker();
        long id = park(marker);
        handler.fixed(true);
        deadLetters.replay(id);

        DeadLetters.Replay again = deadLetters.replay(id).orElseThrow();

        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_REPLAYED);
        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldApplyOnceWhenOperatorsReplayConcurrently() throws Exception {
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
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> replay : replays) {
            outcomes.add(replay.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce(Outcome.APPLIED);
        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingWhenTheInboxSawTheEventMeanwhile() {
        String marker = Records.marker();
        String eventId = UUID.randomUUID().toString();
        inbox.process(handler, Records.withId(new TestEvent(marker, "until-fixed", 0), eventId));
        long id = parkedId(RecordingHandler.CONSUMER, marker);
        handler.fixed(true);
        // The producer re-sent the same event after the fix, and it was applied from Kafka.
        inbox.process(handler, Records.withId(new TestEvent(marker, "until-fixed", 0), eventId));

        assertThat(deadLetters.replay(id).orElseThrow().outcome()).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldReplayEveryParkedRecordOfAConsumerWhenAskedForAll() {
        String first = Records.marker();
        String second = Records.marker();
        park(first);
        park(second);
        handler.fixed(true);
        long firstId = parkedId(RecordingHandler.CONSUMER, first);
        long secondId = parkedId(RecordingHandler.CONSUMER, second);

        List<DeadLetters.Replay> replays = deadLetters.replayAll(RecordingHandler.CONSUMER, 1000);

        // Other tests' records of this consumer may still fail; these two are understood now.
        assertThat(replays)
                .filteredOn(r -> r.id() == firstId || r.id() == secondId)
                .extracting(DeadLetters.Replay::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.APPLIED);
        assertThat(Records.effects(em, first)).isEqualTo(1);
        assertThat(Records.effects(em, second)).isEqualTo(1);
        assertThat(deadLetters.parked(RecordingHandler.CONSUMER, 1000))
                .extracting(d -> d.key)
                .doesNotContain(first, second);
    }

    @Test
    void shouldLeaveOtherConsumersRecordsParkedWhenReplayingOneConsumer() {
        String retired = Records.marker();
        inbox.process(RETIRED, Records.of(new TestEvent(retired, "apply", 0)));
        long id = parkedId(RETIRED.consumer(), retired);

        deadLetters.replayAll(RecordingHandler.CONSUMER, 1000);

        assertThat(deadLetters.find(id).orElseThrow().replayAttempts).isZero();
    }

    @Test
    void shouldSayThereIsNoConsumerWhenTheDeadLettersConsumerIsGone() {
        String marker = Records.marker();
        inbox.process(RETIRED, Records.of(new TestEvent(marker, "apply", 0)));
        long id = parkedId(RETIRED.consumer(), marker);

        DeadLetters.Replay replay = deadLetters.replay(id).orElseThrow();

        assertThat(replay.outcome()).isEqualTo(Outcome.NO_CONSUMER);
        assertThat(replay.reason()).isEqualTo("no consumer platform-test.retired here");
        assertThat(deadLetters.find(id).orElseThrow().replayedAt).isNull();
    }

    @Test
    void shouldKeepARecordWithoutCloudEventsMetadataParkedWhenItIsReplayed() {
        String marker = Records.marker();
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(Records.TOPIC, 3, System.nanoTime(), marker, "{}");
        bare.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));
        inbox.process(handler, bare);
        long id = parkedId(RecordingHandler.CONSUMER, marker);
        handler.fixed(true);

        DeadLetters.Replay replay = deadLetters.replay(id).orElseThrow();

        assertThat(replay.outcome()).isEqualTo(Outcome.STILL_FAILING);
        assertThat(replay.reason()).contains("has no CloudEvents id/type or no value");
        assertThat(deadLetters.find(id).orElseThrow().lastReplayError).isEqualTo(replay.reason());
    }

    @Test
    void shouldFindNothingToReplayWhenTheIdIsUnknown() {
        assertThat(deadLetters.replay(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldCountParkedRecordsPerConsumer() {
        long before = deadLetters.depth().getOrDefault(RecordingHandler.CONSUMER, 0L);

        park(Records.marker());

        assertThat(deadLetters.depth()).containsEntry(RecordingHandler.CONSUMER, before + 1);
    }

    @Test
    void shouldStopCountingARecordOnceItIsReplayed() {
        long id = park(Records.marker());
        long parked = deadLetters.depth().get(RecordingHandler.CONSUMER);
        handler.fixed(true);

        deadLetters.replay(id);

        assertThat(deadLetters.depth().getOrDefault(RecordingHandler.CONSUMER, 0L))
                .isEqualTo(parked - 1);
    }

    @Test
    void shouldListEveryConsumersRecordsWhenNoConsumerIsNamed() {
        String mine = Records.marker();
        String retired = Records.marker();
        park(mine);
        inbox.process(RETIRED, Records.of(new TestEvent(retired, "apply", 0)));

        assertThat(deadLetters.parked(null, 1000)).extracting(d -> d.key).contains(mine, retired);
    }

    @Test
    void shouldListOnlyTheNamedConsumersRecords() {
        String retired = Records.marker();
        inbox.process(RETIRED, Records.of(new TestEvent(retired, "apply", 0)));

        assertThat(deadLetters.parked(RecordingHandler.CONSUMER, 1000))
                .extracting(d -> d.key)
                .doesNotContain(retired);
    }

    @Test
    void shouldListParkedRecordsOldestFirst() {
        park(Records.marker());
        park(Records.marker());

        assertThat(deadLetters.parked(RecordingHandler.CONSUMER, 1000))
                .extracting(d -> d.id)
                .isSorted();
    }

    @Test
    void shouldNameOnlyTheConsumersThisServiceHas() {
        assertThat(deadLetters.consumers()).contains(RecordingHandler.CONSUMER).doesNotContain(RETIRED.consumer());
    }

    private long park(String marker) {
        inbox.process(handler, Records.of(new TestEvent(marker, "until-fixed", 0)));
        return parkedId(RecordingHandler.CONSUMER, marker);
    }

    private long parkedId(String consumer, String marker) {
        return deadLetters.parked(consumer, 1000).stream()
                .filter(d -> marker.equals(d.key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + marker))
                .id;
    }
}
