package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Each slot state change leaves one outbox row on the slots topic, keyed by the centre, typed by its record. */
@QuarkusTest
class SlotEventsTest {

    @Inject
    SlotEvents events;

    @Inject
    Fixtures fixtures;

    private static Centre centre(String code) {
        Centre c = new Centre();
        c.code = code;
        c.country = code.substring(0, 2);
        c.zone = "Asia/Beirut";
        return c;
    }

    private static Slot slot(String centreCode, SlotStatus status) {
        Slot s = new Slot();
        s.id = UUID.randomUUID();
        s.centreCode = centreCode;
        s.localDate = LocalDate.of(2027, 3, 29);
        s.localStart = LocalTime.of(8, 30);
        s.localEnd = LocalTime.of(9, 0);
        s.startsAt = Instant.parse("2027-03-29T05:30:00Z");
        s.endsAt = Instant.parse("2027-03-29T06:00:00Z");
        s.capacity = 3;
        s.status = status;
        return s;
    }

    private String freshKey() {
        return fixtures.freeCode("LB");
    }

    @Test
    void shouldRecordAnOpenedSlotOnTheSlotsTopicKeyedByCentre() {
        String code = freshKey();
        QuarkusTransaction.requiringNew().run(() -> events.opened(centre(code), slot(code, SlotStatus.OPEN)));

        assertThat(fixtures.events(code)).singleElement().satisfies(row -> {
            assertThat(row.topic).isEqualTo(Topics.SLOTS);
            assertThat(row.key).isEqualTo(code);
            assertThat(row.type).isEqualTo(SlotOpenedV1.TYPE);
        });
    }

    @Test
    void shouldCarryTheSlotsLocalAndUtcTimesInTheOpenedEvent() {
        String code = freshKey();
        Slot slot = slot(code, SlotStatus.OPEN);
        QuarkusTransaction.requiringNew().run(() -> events.opened(centre(code), slot));

        assertThat(fixtures.events(code, SlotOpenedV1.TYPE, SlotOpenedV1.class))
                .containsExactly(new SlotOpenedV1(
                        slot.id,
                        code,
                        "LB",
                        "Asia/Beirut",
                        LocalDate.of(2027, 3, 29),
                        LocalTime.of(8, 30),
                        Instant.parse("2027-03-29T05:30:00Z"),
                        Instant.parse("2027-03-29T06:00:00Z"),
                        3));
    }

    @Test
    void shouldCarryTheNewCapacityAndStatusInTheChangedEvent() {
        String code = freshKey();
        Slot slot = slot(code, SlotStatus.BLOCKED);
        slot.capacity = 1;
        QuarkusTransaction.requiringNew().run(() -> events.changed(slot));

        List<OutboxEvent> rows = fixtures.events(code);
        assertThat(rows).extracting(r -> r.type).containsExactly(SlotChangedV1.TYPE);
        assertThat(fixtures.read(rows.get(0).payload, SlotChangedV1.class)).satisfies(e -> {
            assertThat(e.slotId()).isEqualTo(slot.id);
            assertThat(e.centreCode()).isEqualTo(code);
            assertThat(e.capacity()).isEqualTo(1);
            assertThat(e.status()).isEqualTo("BLOCKED");
            assertThat(e.changedAt()).isNotNull();
        });
    }

    @Test
    void shouldWithdrawAnOpenSlotWithItsReason() {
        String code = freshKey();
        Slot slot = slot(code, SlotStatus.OPEN);

        boolean withdrawn = QuarkusTransaction.requiringNew().call(() -> events.withdraw(slot, "CLOSURE"));

        assertThat(withdrawn).isTrue();
        assertThat(slot.status).isEqualTo(SlotStatus.WITHDRAWN);
        assertThat(slot.withdrawnReason).isEqualTo("CLOSURE");
    }

    @Test
    void shouldRecordTheWithdrawalWithItsReasonKeyedByCentre() {
        String code = freshKey();
        Slot slot = slot(code, SlotStatus.BLOCKED);
        QuarkusTransaction.requiringNew().run(() -> events.withdraw(slot, "CENTRE_NOT_ACTIVE"));

        List<OutboxEvent> rows = fixtures.events(code);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.topic).isEqualTo(Topics.SLOTS);
            assertThat(row.type).isEqualTo(SlotWithdrawnV1.TYPE);
        });
        assertThat(fixtures.read(rows.get(0).payload, SlotWithdrawnV1.class)).satisfies(e -> {
            assertThat(e.slotId()).isEqualTo(slot.id);
            assertThat(e.centreCode()).isEqualTo(code);
            assertThat(e.reason()).isEqualTo("CENTRE_NOT_ACTIVE");
        });
    }

    @Test
    void shouldNotWithdrawASlotTwice() {
        String code = freshKey();
        Slot slot = slot(code, SlotStatus.WITHDRAWN);
        slot.withdrawnReason = "CLOSURE";

        boolean withdrawn = QuarkusTransaction.requiringNew().call(() -> events.withdraw(slot, "CENTRE_NOT_ACTIVE"));

        assertThat(withdrawn).isFalse();
        assertThat(slot.withdrawnReason).isEqualTo("CLOSURE");
        assertThat(fixtures.events(code)).isEmpty();
    }
}
