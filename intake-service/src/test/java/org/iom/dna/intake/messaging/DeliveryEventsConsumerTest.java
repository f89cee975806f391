package org.iom.dna.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.messaging.DeadLetter;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** intake.deliveries keeps every contact attempt once and marks members nobody could reach. */
@QuarkusTest
@TestProfile(InMemoryMessaging.class)
class DeliveryEventsConsumerTest {

    private static final String CONSUMER = "intake.deliveries";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    IntakeApi api;

    @Inject
    ObjectMapper json;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private void deliver(Message<ConsumerRecord<String, String>> record) {
        connector.<Message<ConsumerRecord<String, String>>>source("deliveries").send(record);
    }

    private String deliver(UUID requestId, String type, Object event) {
        String eventId = UUID.randomUUID().toString();
        deliver(requestId, eventId, type, event);
        return eventId;
    }

    private void deliver(UUID requestId, String eventId, String type, Object event) {
        deliver(Records.record(json, Topics.DELIVERIES, requestId, eventId, type, event));
    }

    private List<Integer> attempts(String id) {
        return api.history(Tokens.user("officer"), id).statusCode(200).extract().path("contactAttempts.attempt");
    }

    private DeadLetter awaitParked(String eventId) {
        return await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, eventId), letters -> !letters.isEmpty())
                .get(0);
    }

    @Test
    void shouldShowEveryContactAttemptInTheHistory() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID delivery = UUID.randomUUID();

        deliver(request, ContactAttemptRecordedV1.TYPE, Events.attempt(request, delivery, 1, "FAILED"));

        await().atMost(PATIENCE).until(() -> attempts(id).equals(List.of(1)));
        api.history(Tokens.user("officer"), id)
                .body("contactAttempts[0].deliveryId", equalTo(delivery.toString()))
                .body("contactAttempts[0].personRef", equalTo(Families.MOTHER))
                .body("contactAttempts[0].channel", equalTo("SMS"))
                .body("contactAttempts[0].outcome", equalTo("FAILED"));
    }

    @Test
    void shouldRecordARedeliveredAttemptOnce() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID delivery = UUID.randomUUID();
        String firstId = UUID.randomUUID().toString();
        ContactAttemptRecordedV1 first = Events.attempt(request, delivery, 1, "FAILED");

        deliver(request, firstId, ContactAttemptRecordedV1.TYPE, first);
        deliver(request, firstId, ContactAttemptRecordedV1.TYPE, first);
        deliver(request, ContactAttemptRecordedV1.TYPE, Events.attempt(request, delivery, 2, "SENT"));

        await().atMost(PATIENCE).until(() -> attempts(id).contains(2));
        assertThat(attempts(id)).containsExactly(1, 2);
    }

    @Test
    void shouldMarkTheCaseUnreachableWhenAMemberCannotBeReached() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);

        deliver(request, MemberUnreachableV1.TYPE, Events.unreachable(request, Families.MOTHER));

        await().atMost(PATIENCE).until(() -> "UNREACHABLE".equals(api.status(id)));
        api.get(Tokens.indSystem(), id).body("members[0].unreachable", equalTo(true));
    }

    @Test
    void shouldPassOverEventTypesIntakeDoesNotFollow() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);

        String other = deliver(
                request,
                "org.iom.dna.notification.DeliveryScheduled.v1",
                Events.attempt(request, UUID.randomUUID(), 7, "SENT"));
        deliver(request, ContactAttemptRecordedV1.TYPE, Events.attempt(request, UUID.randomUUID(), 1, "SENT"));

        await().atMost(PATIENCE).until(() -> !attempts(id).isEmpty());
        assertThat(attempts(id)).containsExactly(1);
        assertThat(Records.parked(CONSUMER, other)).isEmpty();
    }

    @Test
    void shouldParkAnAttemptForACaseIntakeDoesNotHave() {
        UUID unknown = UUID.randomUUID();

        String eventId =
                deliver(unknown, ContactAttemptRecordedV1.TYPE, Events.attempt(unknown, UUID.randomUUID(), 1, "SENT"));

        assertThat(awaitParked(eventId).reason).isEqualTo("contract violation: event names unknown request " + unknown);
    }

    @Test
    void shouldParkARecordWithoutPayload() {
        String id = api.submitted();
        Message<ConsumerRecord<String, String>> empty =
                Records.record(Topics.DELIVERIES, id, UUID.randomUUID().toString(), MemberUnreachableV1.TYPE, null);

        deliver(empty);

        Optional<DeadLetter> parked = await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, Records.offset(empty)), Optional::isPresent);
        assertThat(parked.get().reason).startsWith("contract violation: ");
        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }

    @Test
    void shouldParkAnEventThatDoesNotMatchItsContract() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        var broken = api.tree(Events.unreachable(request, Families.MOTHER)).put("attempts", "six");

        String eventId = deliver(request, MemberUnreachableV1.TYPE, broken);

        assertThat(awaitParked(eventId).reason).contains("MemberUnreachableV1", "$.attempts");
        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }
}
