package org.iom.dna.scheduling.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iom.dna.scheduling.messaging.InMemoryMessaging.record;
import static org.iom.dna.scheduling.testdata.Events.cancelled;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.SamplingRequestAmendedV1;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.DeadLetter;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** Intake's family events reach the right use case; contact amendments pass by without harm. */
@QuarkusTest
@TestProfile(InMemoryMessaging.class)
class SamplingRequestEventsConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldReplicateAReceivedFamily() {
        SamplingRequestReceivedV1 received = family(uniqueCountry()).adults(2).build();

        send(received.requestId(), SamplingRequestReceivedV1.TYPE, received);

        FamilyCase family = awaitFamily(received.requestId());
        assertThat(family.country).isEqualTo(received.country());
        assertThat(family.members).extracting(m -> m.memberRef()).containsExactly("P-1", "P-2");
    }

    @Test
    void shouldCancelTheFamilyWhenTheIndCancels() {
        SamplingRequestReceivedV1 received = family(uniqueCountry()).build();
        send(received.requestId(), SamplingRequestReceivedV1.TYPE, received);

        send(received.requestId(), SamplingRequestCancelledV1.TYPE, cancelled(received.requestId()));

        await().atMost(SchedulingState.DECISION)
                .untilAsserted(() -> assertThat(scheduling.family(received.requestId()).status)
                        .isEqualTo(CaseStatus.CANCELLED));
    }

    @Test
    void shouldPassOverContactAmendmentsWithoutParkingThem() {
        SamplingRequestReceivedV1 received = family(uniqueCountry()).build();
        send(received.requestId(), SamplingRequestReceivedV1.TYPE, received);
        String amendment = send(
                received.requestId(),
                SamplingRequestAmendedV1.TYPE,
                new SamplingRequestAmendedV1(received.requestId(), "P-1", List.of("phone"), Instant.now()));
        SamplingRequestReceivedV1 after = family(uniqueCountry()).build();
        send(after.requestId(), SamplingRequestReceivedV1.TYPE, after);
        awaitFamily(after.requestId());

        assertThat(QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("eventId", amendment)))
                .isZero();
        assertThat(scheduling.family(received.requestId()).status).isEqualTo(CaseStatus.WAITING);
    }

    /** @return the event id */
    private String send(UUID requestId, String type, Object payload) {
        String eventId = UUID.randomUUID().toString();
        connector
                .source(InMemoryMessaging.SAMPLING_REQUESTS)
                .send(record(Topics.SAMPLING_REQUESTS, requestId.toString(), type, eventId, scheduling.write(payload)));
        return eventId;
    }

    private FamilyCase awaitFamily(UUID requestId) {
        return await().atMost(SchedulingState.DECISION).until(() -> scheduling.family(requestId), f -> f != null);
    }
}
