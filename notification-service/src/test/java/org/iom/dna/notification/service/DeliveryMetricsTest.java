package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.junit.jupiter.api.Test;

/** Every contact attempt is counted by channel and outcome, for the operators' dashboards and alerts. */
@QuarkusTest
class DeliveryMetricsTest {

    @Inject
    DeliveryService deliveries;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    MeterRegistry registry;

    private double attempts(String channel, String outcome) {
        Counter counter = registry.find("dna.contact.attempts")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldCountARefusedAttemptUnderItsChannel() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member(IntakeContactStub.DOWN));
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
        Delivery first = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(booked.requestId()).get(0));
        double before = attempts(first.channel.name(), "FAILED");

        outcomes.rejected(first.id, "refused by the provider (test)");

        assertThat(attempts(first.channel.name(), "FAILED")).isEqualTo(before + 1);
    }
}
