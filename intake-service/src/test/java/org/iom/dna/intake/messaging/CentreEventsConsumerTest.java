package org.iom.dna.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.Centre;
import org.iom.dna.intake.testdata.Centres;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.messaging.DeadLetter;
import org.junit.jupiter.api.Test;

/** intake.centres keeps the newest of each of the registry's centres and passes over its slot events. */
@QuarkusTest
@TestProfile(InMemoryMessaging.class)
class CentreEventsConsumerTest {

    private static final String CONSUMER = "intake.centres";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant EARLIER = Instant.parse("2026-11-28T07:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-29T07:00:00Z");

    @Inject
    IntakeApi api;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    /** Delivers the event keyed by its centre, as the registry publishes it, and returns its event id. */
    private String deliver(String centreCode, String type, Object event) {
        String eventId = UUID.randomUUID().toString();
        Message<ConsumerRecord<String, String>> record =
                Records.record(Topics.SLOTS, centreCode, eventId, type, api.json(event));
        connector.<Message<ConsumerRecord<String, String>>>source("slots").send(record);
        return eventId;
    }

    private String deliver(CentreChangedV1 event) {
        return deliver(event.code(), CentreChangedV1.TYPE, event);
    }

    private static Centre centre(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Centre.<Centre>findById(code));
    }

    private static Centre awaitCentre(String code) {
        return await().atMost(PATIENCE).until(() -> centre(code), Objects::nonNull);
    }

    /** Records are applied in order: once this centre shows, everything delivered before it was handled. */
    private void awaitEverythingDelivered() {
        CentreChangedV1 marker = Centres.active(Centres.freshCode("ET"), Centres.freshCity());
        deliver(marker);
        awaitCentre(marker.code());
    }

    @Test
    void shouldKeepACentreTheRegistryAnnounces() {
        String code = Centres.freshCode("ET");

        deliver(Centres.changed(code, "Addis Ababa", "ACTIVE", EARLIER));

        assertThat(awaitCentre(code))
                .extracting(c -> c.country, c -> c.cityKey, c -> c.status, c -> c.changedAt)
                .containsExactly("ET", "addisababa", "ACTIVE", EARLIER);
    }

    @Test
    void shouldApplyANewerChangeOfACentre() {
        String code = Centres.freshCode("ET");
        deliver(Centres.changed(code, "Addis Ababa", "ACTIVE", EARLIER));

        deliver(Centres.changed(code, "Addis Ababa", "SUSPENDED", LATER));

        await().atMost(PATIENCE).until(() -> "SUSPENDED".equals(centre(code).status));
        assertThat(centre(code).changedAt).isEqualTo(LATER);
    }

    @Test
    void shouldNotLetAnOlderChangeArrivingLaterUndoANewerOne() {
        String code = Centres.freshCode("ET");
        deliver(Centres.changed(code, "Addis Ababa", "SUSPENDED", LATER));

        deliver(Centres.changed(code, "Adama", "ACTIVE", EARLIER));
        awaitEverythingDelivered();

        assertThat(centre(code))
                .extracting(c -> c.cityKey, c -> c.status, c -> c.changedAt)
                .containsExactly("addisababa", "SUSPENDED", LATER);
    }

    @Test
    void shouldPassOverSlotEventsWithoutParkingThem() {
        String code = Centres.freshCode("ET");
        LocalDate day = LocalDate.now().plusDays(10);
        Instant startsAt =
                day.atTime(8, 30).atZone(ZoneId.of("Africa/Addis_Ababa")).toInstant();
        SlotOpenedV1 opened = new SlotOpenedV1(
                UUID.randomUUID(),
                code,
                "ET",
                "Africa/Addis_Ababa",
                day,
                LocalTime.of(8, 30),
                startsAt,
                startsAt.plus(Duration.ofMinutes(30)),
                2);

        String eventId = deliver(code, SlotOpenedV1.TYPE, opened);
        awaitEverythingDelivered();

        assertThat(Records.parked(CONSUMER, eventId)).isEmpty();
    }

    @Test
    void shouldParkACentreEventWithoutItsCode() {
        CentreChangedV1 nameless = new CentreChangedV1(
                null, "IOM MHAC Adama", "ET", "Adama", "Africa/Addis_Ababa", "ACTIVE", LATER, null, null);

        String eventId = deliver("ET-QZZ", CentreChangedV1.TYPE, nameless);

        DeadLetter parked = await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, eventId), letters -> !letters.isEmpty())
                .get(0);
        assertThat(parked.reason).startsWith("contract violation: ");
    }
}
