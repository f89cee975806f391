package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.testdata.Events.cancelled;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** The IND withdraws a case: the family's places go back to others, once, and it is never booked again. */
@QuarkusTest
class CancellationServiceTest {

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldFreeTheFamilysPlacesWhenTheIndCancels() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 3);
        SamplingRequestReceivedV1 family = family(slot.country()).adults(2).build();
        scheduling.receive(List.of(slot), List.of(family));
        scheduling.awaitBooked(family.requestId());

        scheduling.cancel(cancelled(family.requestId()));

        assertThat(scheduling.slot(slot.slotId()).booked).isZero();
    }

    @Test
    void shouldMarkTheFamilyAndItsAppointmentCancelled() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 family = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(family));
        scheduling.awaitBooked(family.requestId());

        scheduling.cancel(cancelled(family.requestId()));

        assertThat(scheduling.family(family.requestId()).status).isEqualTo(CaseStatus.CANCELLED);
        assertThat(scheduling.appointments(family.requestId()))
                .extracting(a -> a.status)
                .containsExactly(AppointmentStatus.CANCELLED);
    }

    @Test
    void shouldPublishTheCancelledAppointmentKeyedByTheRequest() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 family = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(family));
        Appointment booked = scheduling.awaitBooked(family.requestId());

        scheduling.cancel(cancelled(family.requestId()));

        OutboxEvent event = scheduling.outbox(family.requestId()).stream()
                .filter(e -> e.type.equals(AppointmentCancelledV1.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(event.topic).isEqualTo(Topics.APPOINTMENTS);
        assertThat(event.key).isEqualTo(family.requestId().toString());
        AppointmentCancelledV1 payload = scheduling.read(event.payload, AppointmentCancelledV1.class);
        assertThat(payload.appointmentId()).isEqualTo(booked.id);
        assertThat(payload.requestId()).isEqualTo(family.requestId());
        assertThat(payload.reason()).isEqualTo("REQUEST_CANCELLED");
    }

    @Test
    void shouldFreeThePlacesOnlyOnceWhenTheCancellationComesTwice() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 cancelledTwice = family(slot.country()).build();
        SamplingRequestReceivedV1 staying = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(cancelledTwice, staying));
        scheduling.awaitBooked(cancelledTwice.requestId());
        scheduling.awaitBooked(staying.requestId());

        scheduling.cancel(cancelled(cancelledTwice.requestId()));
        scheduling.cancel(cancelled(cancelledTwice.requestId()));

        assertThat(scheduling.slot(slot.slotId()).booked).isEqualTo(1);
        assertThat(scheduling.published(
                        cancelledTwice.requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .hasSize(1);
    }

    @Test
    void shouldNeverBookAFamilyWhoseCaseWasCancelledWhileItWaited() {
        String country = uniqueCountry();
        // Served before the other family if it were still waiting.
        SamplingRequestReceivedV1 withdrawn =
                family(country).priority(Priority.MEDICAL).build();
        SamplingRequestReceivedV1 other = family(country).build();
        scheduling.receive(withdrawn);
        scheduling.awaitWaitlisted(withdrawn.requestId());

        scheduling.cancel(cancelled(withdrawn.requestId()));
        scheduling.receive(List.of(slot(country + "-AAA", daysAhead(5, 9), 2)), List.of(other));

        scheduling.awaitBooked(other.requestId());
        assertThat(scheduling.liveAppointment(withdrawn.requestId())).isEmpty();
        assertThat(scheduling.family(withdrawn.requestId()).status).isEqualTo(CaseStatus.CANCELLED);
    }

    @Test
    void shouldIgnoreTheCancellationOfACaseItNeverReceived() {
        UUID unknown = UUID.randomUUID();

        scheduling.cancel(cancelled(unknown));

        assertThat(scheduling.family(unknown)).isNull();
        assertThat(scheduling.outbox(unknown)).isEmpty();
    }
}
