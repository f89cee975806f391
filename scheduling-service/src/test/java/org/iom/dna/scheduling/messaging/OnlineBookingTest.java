package org.iom.dna.scheduling.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.messaging.InMemoryMessaging.record;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * The online path: a family is decided on when its event arrives, by the consumer itself. The waitlist's periodic
 * pass is switched off here, so nothing else could book or waitlist it.
 */
@QuarkusTest
@TestProfile(OnlineBookingTest.NoWaitlistPass.class)
class OnlineBookingTest {

    public static class NoWaitlistPass extends InMemoryMessaging {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheduling.waitlist.interval", "off");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldBookAFamilyAsItsEventArrives() {
        String country = uniqueCountry();
        scheduling.open(slot(country + "-AAA", daysAhead(5, 9), 2));
        SamplingRequestReceivedV1 received = family(country).build();

        send(received);

        Appointment booked = scheduling.awaitBooked(received.requestId());
        assertThat(booked.centreCode).isEqualTo(country + "-AAA");
    }

    @Test
    void shouldWaitlistAFamilyWithoutAPlaceAsItsEventArrives() {
        SamplingRequestReceivedV1 received = family(uniqueCountry()).build();

        send(received);

        FamilyCase waiting = scheduling.awaitWaitlisted(received.requestId());
        assertThat(waiting.waitReason).isNotNull();
        assertThat(scheduling.liveAppointment(received.requestId())).isEmpty();
    }

    private void send(SamplingRequestReceivedV1 received) {
        connector
                .source(InMemoryMessaging.SAMPLING_REQUESTS)
                .send(record(
                        Topics.SAMPLING_REQUESTS,
                        received.requestId().toString(),
                        SamplingRequestReceivedV1.TYPE,
                        UUID.randomUUID().toString(),
                        scheduling.write(received)));
    }
}
