package org.iom.dna.intake.messaging;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.Centre;
import org.iom.dna.intake.testdata.Centres;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** intake learns the registry's centres through the real broker, as published by the registry's outbox relay. */
@QuarkusTest
class CentreEventsConsumerKafkaTest {

    private static final String TOPIC = "test." + Topics.SLOTS;
    // Longer than the other round trips: where the consumer group is new, it first reads the topic's backlog
    // of the registry's slot events from the beginning.
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Inject
    IntakeApi api;

    private static Optional<String> cityKey(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Centre.<Centre>findByIdOptional(code).map(c -> c.cityKey));
    }

    @Test
    void shouldKeepTheCityOfACentreTheRegistryAnnounces() {
        String code = Centres.freshCode("ET");

        TopicProbe.publish(TOPIC, code, CentreChangedV1.TYPE, api.json(Centres.active(code, "Addis Ababa")));

        await().atMost(PATIENCE).until(() -> cityKey(code).equals(Optional.of("addisababa")));
    }
}
