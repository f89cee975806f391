package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.testdata.Events.changed;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.next;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.withdrawn;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** Slots that change under booked families: who is moved, whole, and who keeps their day. */
@QuarkusTest
class RescheduleServiceTest {

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldCancelTheAppointmentWhenItsSlotIsWithdrawn() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 family = family(slot.country()).adults(2).build();
        scheduling.receive(List.of(slot), List.of(family));
        Appointment booked = scheduling.awaitBooked(family.requestId());

        scheduling.withdraw(withdrawn(slot));

        assertThat(scheduling.published(family.requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .singleElement()
                .satisfies(cancelled -> {
                    assertThat(cancelled.appointmentId()).isEqualTo(booked.id);
                    assertThat(cancelled.reason()).isEqualTo("SLOT_WITHDRAWN");
                });
        assertThat(scheduling.appointments(family.requestId()).get(0).status).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void shouldRebookAMovedFamilyWholeOnTheNextFeasibleDay() {
        String centre = uniqueCountry() + "-AAA";
        SlotOpenedV1 first = slot(centre, daysAhead(5, 9), 2);
        SlotOpenedV1 nextDay = slot(centre, daysAhead(6, 9), 2);
        SamplingRequestReceivedV1 family = family(first.country()).adults(2).build();
        scheduling.receive(List.of(first, nextDay), List.of(family));
        scheduling.awaitBooked(family.requestId());

        scheduling.withdraw(withdrawn(first));

        Appointment moved = scheduling.awaitBooked(family.requestId(), 1);
        assertThat(moved.localDate).isEqualTo(nextDay.localDate());
        assertThat(moved.members).extracting(m -> m.slotId).containsOnly(nextDay.slotId());
    }

    @Test
    void shouldFreeEverySlotOfTheFamilyWhenOneOfItsSlotsIsWithdrawn() {
        SlotOpenedV1 first = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SlotOpenedV1 second = next(first, 1);
        SamplingRequestReceivedV1 family = family(first.country()).adults(2).build();
        scheduling.receive(List.of(first, second), List.of(family));
        scheduling.awaitBooked(family.requestId());

        scheduling.withdraw(withdrawn(second));

        assertThat(scheduling.slot(first.slotId()).booked).isZero();
        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
    }

    @Test
    void shouldMoveOnlyTheNewestBookingWhenCapacityIsCut() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 earlier = family(slot.country()).build();
        SamplingRequestReceivedV1 newer = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(earlier));
        Appointment kept = scheduling.awaitBooked(earlier.requestId());
        scheduling.receive(newer);
        scheduling.awaitBooked(newer.requestId());

        scheduling.change(changed(slot, 1, "OPEN"));

        assertThat(scheduling.liveAppointment(earlier.requestId()))
                .hasValueSatisfying(a -> assertThat(a.id).isEqualTo(kept.id));
        assertThat(scheduling.liveAppointment(newer.requestId())).isEmpty();
        assertThat(scheduling.published(newer.requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .extracting(AppointmentCancelledV1::reason)
                .containsExactly("SLOT_CHANGED");
        assertThat(scheduling.slot(slot.slotId()).booked).isEqualTo(1);
    }

    @Test
    void shouldMoveBookedFamiliesWhenStaffBlockTheirSlot() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 family = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(family));
        scheduling.awaitBooked(family.requestId());

        scheduling.change(changed(slot, 2, "BLOCKED"));

        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
        assertThat(scheduling.slot(slot.slotId()).booked).isZero();
    }

    @Test
    void shouldKeepBookingsThatStillFitAfterACapacityCut() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 3);
        SamplingRequestReceivedV1 family = family(slot.country()).adults(2).build();
        scheduling.receive(List.of(slot), List.of(family));
        Appointment booked = scheduling.awaitBooked(family.requestId());

        scheduling.change(changed(slot, 2, "OPEN"));

        assertThat(scheduling.liveAppointment(family.requestId()))
                .hasValueSatisfying(a -> assertThat(a.id).isEqualTo(booked.id));
        assertThat(scheduling.published(family.requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .isEmpty();
    }

    @Test
    void shouldTellTheIndAgainThatAMovedFamilyWaitsWhenNoOtherDayFits() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 family = family(country).build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());
        SlotOpenedV1 slot = slot(country + "-AAA", daysAhead(5, 9), 1);
        scheduling.open(slot);
        scheduling.awaitBooked(family.requestId());

        scheduling.withdraw(withdrawn(slot));

        org.awaitility.Awaitility.await()
                .atMost(SchedulingState.DECISION)
                .untilAsserted(() -> assertThat(scheduling.published(
                                family.requestId(), FamilyWaitlistedV1.TYPE, FamilyWaitlistedV1.class))
                        .hasSize(2));
    }

    @Test
    void shouldBookAWaitingFamilyWhenStaffRaiseCapacity() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 first = family(slot.country()).build();
        SamplingRequestReceivedV1 waiting = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(first));
        scheduling.awaitBooked(first.requestId());
        scheduling.receive(waiting);
        scheduling.awaitWaitlisted(waiting.requestId());

        scheduling.change(changed(slot, 2, "OPEN"));

        assertThat(scheduling.awaitBooked(waiting.requestId()).members)
                .extracting(m -> m.slotId)
                .containsExactly(slot.slotId());
        assertThat(scheduling.liveAppointment(first.requestId())).isPresent();
    }

    @Test
    void shouldIgnoreAChangeToASlotItHasNeverSeen() {
        SlotOpenedV1 unseen = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);

        scheduling.change(changed(unseen, 3, "OPEN"));

        assertThat(scheduling.slot(unseen.slotId())).isNull();
    }

    @Test
    void shouldIgnoreTheWithdrawalOfASlotItHasNeverSeen() {
        SlotOpenedV1 unseen = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);

        scheduling.withdraw(withdrawn(unseen));

        assertThat(scheduling.slot(unseen.slotId())).isNull();
    }
}
