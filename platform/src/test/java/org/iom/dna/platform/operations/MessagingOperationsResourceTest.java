package org.iom.dna.platform.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.junit.jupiter.api.Test;

/** Operators list dead letters and replay them over HTTP; other roles may not. */
@QuarkusTest
class MessagingOperationsResourceTest {

    @Inject
    Inbox inbox;

    @Inject
    EventHandler recorder;

    @Test
    @TestSecurity(user = "officer", roles = "country-office")
    void anOfficerSeesAParkedRecordWithItsReasonAndReplaysIt() {
        String marker = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                "test.platform.ops-test.v1",
                2,
                System.nanoTime(),
                marker,
                "{\"marker\": \"" + marker + "\", \"behaviour\": \"contract\", \"failures\": 0}");
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "test.event.v1".getBytes(StandardCharsets.UTF_8));
        inbox.process(recorder, record);

        int id = given().queryParam("consumer", "platform-test.recorder")
                .queryParam("limit", 1000)
                .get("/api/v1/operations/dead-letters")
                .then()
                .statusCode(200)
                .body("key", hasItem(marker))
                .extract()
                .path("find { it.key == '" + marker + "' }.id");
        given().get("/api/v1/operations/dead-letters/" + id)
                .then()
                .statusCode(200)
                .body("topic", equalTo("test.platform.ops-test.v1"))
                .body("partition", equalTo(2))
                .body("reason", notNullValue())
                .body("headers.ce_type", equalTo("test.event.v1"))
                .body("payload", notNullValue());
        // The handler still refuses it: the replay says so and the record stays parked.
        given().post("/api/v1/operations/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/operations/dead-letters/depth")
                .then()
                .statusCode(200)
                .body("'platform-test.recorder'", notNullValue());
    }

    @Test
    @TestSecurity(user = "officer", roles = "country-office")
    void anUnknownDeadLetterIs404() {
        given().post("/api/v1/operations/dead-letters/" + Long.MAX_VALUE + "/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "officer", roles = "country-office")
    void aBadConsumerNameIs400() {
        given().queryParam("consumer", "NOT a name")
                .get("/api/v1/operations/dead-letters")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "staff-addis", roles = "mhac-staff")
    void mhacStaffMayNotSeeDeadLetters() {
        given().get("/api/v1/operations/dead-letters").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/api/v1/operations/dead-letters").then().statusCode(401);
    }
}
