package org.iom.dna.platform.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.OutboxRows;
import org.iom.dna.platform.messaging.RecordingHandler;
import org.iom.dna.platform.messaging.RecordingHandler.TestEvent;
import org.iom.dna.platform.messaging.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the operator what is degraded (a consumer held up by an outage, records waiting for
 * them) and still says UP: taking a service out of rotation would turn a Kafka outage into an API outage.
 */
@QuarkusTest
class MessagingHealthCheckTest {

    private static final String RETRYING = "consumer." + RecordingHandler.CONSUMER;

    @Inject
    Inbox inbox;

    @Inject
    RecordingHandler handler;

    @Inject
    EntityManager em;

    private CompletableFuture<Void> retrying;

    @AfterEach
    void endTheOutage() {
        handler.outage(false);
        if (retrying != null) {
            retrying.join();
        }
    }

    @Test
    void shouldStayUpWhenAConsumerIsRetryingThroughAnOutage() {
        startOutage();

        JsonPath readiness = awaitReadiness(data -> data.containsKey(RETRYING));

        assertThat(readiness.getString("status")).isEqualTo("UP");
        assertThat(readiness.getString("checks.find { it.name == 'messaging' }.status"))
                .isEqualTo("UP");
    }

    @Test
    void shouldShowWhichRecordARetryingConsumerIsHeldUpBy() {
        ConsumerRecord<String, String> record = startOutage();

        Map<String, Object> data = messaging(awaitReadiness(d -> d.containsKey(RETRYING)));

        assertThat((String) data.get(RETRYING))
                .startsWith("retrying " + record.topic() + "-" + record.partition() + "@" + record.offset() + " since ")
                .contains("IllegalStateException");
        assertThat(data).containsEntry("degraded", true);
    }

    @Test
    void shouldStopShowingTheConsumerWhenTheOutageEnds() {
        startOutage();
        awaitReadiness(data -> data.containsKey(RETRYING));

        handler.outage(false);
        retrying.join();

        assertThat(messaging(readiness())).doesNotContainKey(RETRYING);
    }

    @Test
    void shouldCountTheDeadLettersOfEachConsumer() {
        long before = count(messaging(readiness()), "dead-letters." + RecordingHandler.CONSUMER);
        inbox.process(handler, Records.of(new TestEvent(Records.marker(), "contract", 0)));

        Map<String, Object> data = messaging(readiness());

        assertThat(count(data, "dead-letters." + RecordingHandler.CONSUMER)).isEqualTo(before + 1);
        assertThat(count(data, "dead-letters")).isGreaterThanOrEqualTo(before + 1);
        assertThat(data).containsEntry("degraded", true);
    }

    @Test
    void shouldCountParkedAndPendingOutboxRows() {
        Map<String, Object> before = messaging(readiness());
        String key = "health-" + Records.marker();
        OutboxRows.parked(em, key, 0, 3);
        OutboxRows.pending(em, key, 1);

        Map<String, Object> after = messaging(readiness());

        assertThat(count(after, "outbox.parked")).isEqualTo(count(before, "outbox.parked") + 1);
        assertThat(count(after, "outbox.pending")).isEqualTo(count(before, "outbox.pending") + 2);
        assertThat(after).containsEntry("degraded", true);
    }

    @Test
    void shouldNotReportTheBrokerWhileItAnswers() {
        assertThat(messaging(readiness())).doesNotContainKey("broker");
    }

    private ConsumerRecord<String, String> startOutage() {
        handler.outage(true);
        ConsumerRecord<String, String> record = Records.of(new TestEvent(Records.marker(), "outage", 0));
        retrying = CompletableFuture.runAsync(() -> inbox.process(handler, record));
        return record;
    }

    private static JsonPath awaitReadiness(java.util.function.Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(10))
                .until(MessagingHealthCheckTest::readiness, r -> until.test(messaging(r)));
    }

    private static JsonPath readiness() {
        return given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> messaging(JsonPath readiness) {
        return readiness.getMap("checks.find { it.name == 'messaging' }.data");
    }

    private static long count(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
