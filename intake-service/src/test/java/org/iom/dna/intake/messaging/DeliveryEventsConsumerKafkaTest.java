package org.iom.dna.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** intake follows notification's events through the real broker. */
@QuarkusTest
class DeliveryEventsConsumerKafkaTest {

    private static final String TOPIC = "test." + Topics.DELIVERIES;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    IntakeApi api;

    private List<Integer> attempts(String id) {
        return api.history(Tokens.user("officer"), id).statusCode(200).extract().path("contactAttempts.attempt");
    }

    @Test
    void shouldRecordARedeliveredContactAttemptOnce() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID delivery = UUID.randomUUID();
        String first = api.json(Events.attempt(request, delivery, 1, "FAILED"));
        String eventId = UUID.randomUUID().toString();

        // The same event again (a redelivery: same CloudEvents id), then the next attempt.
        TopicProbe.publish(TOPIC, id, ContactAttemptRecordedV1.TYPE, first, eventId);
        TopicProbe.publish(TOPIC, id, ContactAttemptRecordedV1.TYPE, first, eventId);
        TopicProbe.publish(
                TOPIC, id, ContactAttemptRecordedV1.TYPE, api.json(Events.attempt(request, delivery, 2, "SENT")));

        await().atMost(PATIENCE).until(() -> attempts(id).contains(2));
        assertThat(attempts(id)).containsExactly(1, 2);
    }

    @Test
    void shouldFollowContactAttemptsUntilTheMemberIsDeclaredUnreachable() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID delivery = UUID.randomUUID();
        for (int attempt = 1; attempt <= 2; attempt++) {
            TopicProbe.publish(
                    TOPIC,
                    id,
                    ContactAttemptRecordedV1.TYPE,
                    api.json(Events.attempt(request, delivery, attempt, "FAILED")));
        }
        TopicProbe.publish(TOPIC, id, MemberUnreachableV1.TYPE, api.json(Events.unreachable(request, Families.MOTHER)));

        await().atMost(PATIENCE).until(() -> "UNREACHABLE".equals(api.status(id)));
        api.history(Tokens.user("officer"), id)
                .body("contactAttempts.attempt", equalTo(List.of(1, 2)))
                .body("contactAttempts[0].channel", equalTo("SMS"));
        api.get(Tokens.indSystem(), id).body("members[0].unreachable", equalTo(true));
    }
}
