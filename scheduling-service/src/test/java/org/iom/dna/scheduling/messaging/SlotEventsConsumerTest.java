package org.iom.dna.scheduling.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iom.dna.scheduling.messaging.InMemoryMessaging.record;
import static org.iom.dna.scheduling.testdata.Events.changed;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.withdrawn;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.DeadLetter;
import org.iom.dna.scheduling.domain.SlotReplica;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** The registry's slot events reach the right use case, once each; others pass by without harm. */
@QuarkusTest
@TestProfile(InMemoryMessaging.class)
class SlotEventsConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldReplicateAnOpenedSlot() {
        SlotOpenedV1 opened = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 3);

        send(opened.centreCode(), SlotOpenedV1.TYPE, opened);

        SlotReplica slot = awaitSlot(opened.slotId());
        assertThat(slot.capacity).isEqualTo(3);
        assertThat(slot.status).isEqualTo("OPEN");
    }

    @Test
    void shouldApplyACapacityChange() {
        SlotOpenedV1 opened = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 3);
        send(opened.centreCode(), SlotOpenedV1.TYPE, opened);

        send(opened.centreCode(), SlotChangedV1.TYPE, changed(opened, 5, "OPEN"));

        await().atMost(SchedulingState.DECISION)
                .untilAsserted(() ->
                        assertThat(scheduling.slot(opened.slotId()).capacity).isEqualTo(5));
    }

    @Test
    void shouldMarkAWithdrawnSlotWithdrawn() {
        SlotOpenedV1 opened = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 3);
        send(opened.centreCode(), SlotOpenedV1.TYPE, opened);

        send(opened.centreCode(), SlotWithdrawnV1.TYPE, withdrawn(opened));

        await().atMost(SchedulingState.DECISION)
                .untilAsserted(() ->
                        assertThat(scheduling.slot(opened.slotId()).status).isEqualTo("WITHDRAWN"));
    }

    @Test
    void shouldApplyAnEventOnlyOnceWhenItIsDeliveredAgain() {
        SlotOpenedV1 opened = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        ConsumerRecord<String, String> openedRecord = record(
                Topics.SLOTS,
                opened.centreCode(),
                SlotOpenedV1.TYPE,
                UUID.randomUUID().toString(),
                scheduling.write(opened));
        connector.source(InMemoryMessaging.SLOTS).send(openedRecord);
        send(opened.centreCode(), SlotChangedV1.TYPE, changed(opened, 4, "OPEN"));

        connector.source(InMemoryMessaging.SLOTS).send(openedRecord); // redelivered after a rebalance
        SlotOpenedV1 later = slot(opened.centreCode(), daysAhead(6, 9), 1);
        send(opened.centreCode(), SlotOpenedV1.TYPE, later);
        awaitSlot(later.slotId());

        assertThat(scheduling.slot(opened.slotId()).capacity).isEqualTo(4);
    }

    @Test
    void shouldPassOverCentreChangesWithoutParkingThem() {
        String centre = uniqueCountry() + "-AAA";
        String eventId = send(
                centre,
                CentreChangedV1.TYPE,
                new CentreChangedV1(
                        centre,
                        "Test centre",
                        centre.substring(0, 2),
                        "Addis Ababa",
                        "UTC",
                        "SUSPENDED",
                        Instant.now(),
                        List.of("am"),
                        List.of()));
        SlotOpenedV1 after = slot(centre, daysAhead(5, 9), 1);
        send(centre, SlotOpenedV1.TYPE, after);
        awaitSlot(after.slotId());

        assertThat(deadLetter(eventId)).isEmpty();
    }

    @Test
    void shouldKeepTheInterpreterRosterOfACentreDay() {
        String centre = uniqueCountry() + "-AAA";
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(7);

        send(
                centre,
                InterpreterRosterChangedV1.TYPE,
                new InterpreterRosterChangedV1(
                        centre, centre.substring(0, 2), day, List.of("ti", "so"), Instant.now()));

        assertThat(await().atMost(SchedulingState.DECISION).until(() -> roster(centre, day), Optional::isPresent))
                .contains("ti,so");
    }

    private Optional<String> roster(String centre, java.time.LocalDate day) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SlotReplica.getEntityManager()
                        .createNativeQuery(
                                "select languages from interpreter_roster where centre_code = ?1 and local_date = ?2",
                                String.class)
                        .setParameter(1, centre)
                        .setParameter(2, day)
                        .getResultStream()
                        .findFirst()
                        .map(String.class::cast));
    }

    @Test
    void shouldParkASlotEventThatBreaksItsContract() {
        String centre = uniqueCountry() + "-AAA";

        String eventId = send(centre, SlotOpenedV1.TYPE, Map.of("slotId", "not-a-uuid", "capacity", "many"));

        DeadLetter parked = await().atMost(SchedulingState.DECISION)
                .until(() -> deadLetter(eventId), Optional::isPresent)
                .orElseThrow();
        assertThat(parked.consumer).isEqualTo("scheduling.slots");
        assertThat(parked.eventType).isEqualTo(SlotOpenedV1.TYPE);
        assertThat(parked.reason).startsWith("contract violation");
    }

    /** @return the event id */
    private String send(String centre, String type, Object payload) {
        String eventId = UUID.randomUUID().toString();
        connector
                .source(InMemoryMessaging.SLOTS)
                .send(record(Topics.SLOTS, centre, type, eventId, scheduling.write(payload)));
        return eventId;
    }

    private SlotReplica awaitSlot(UUID slotId) {
        return await().atMost(SchedulingState.DECISION).until(() -> scheduling.slot(slotId), s -> s != null);
    }

    private static Optional<DeadLetter> deadLetter(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find("eventId", eventId).firstResultOptional());
    }
}
