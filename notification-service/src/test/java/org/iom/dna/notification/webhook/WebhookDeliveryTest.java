package org.iom.dna.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IndWebhookReceiver;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IND registers a URL and is told of each case change there: signed, once per event, retried with back-off
 * while it does not answer, then parked where staff see it and can retry it. URLs into our own network are refused.
 */
@QuarkusTest
@QuarkusTestResource(IndWebhookReceiver.class)
class WebhookDeliveryTest {

    private static final Duration SENDING = Duration.ofSeconds(20);

    @Inject
    WebhookService webhooks;

    @Inject
    ObjectMapper json;

    private final List<String> subscribed = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscribed.forEach(id -> given().auth()
                .oauth2(Tokens.indSystem())
                .delete("/api/v1/webhooks/" + id)
                .then()
                .statusCode(204));
    }

    @Test
    void shouldSendTheIndASignedWebhookOfACaseChange() throws Exception {
        String secret = subscribe(IndWebhookReceiver.url("/ok")).getString("secret");
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member("M"));

        enqueue(UUID.randomUUID().toString(), booked);

        IndWebhookReceiver.Received received = awaitReceived("/ok", booked.requestId());
        assertThat(WebhookSignature.verify(
                        secret,
                        received.id(),
                        Long.parseLong(received.timestamp()),
                        received.body(),
                        received.signature()))
                .isTrue();
        JsonNode body = json.readTree(received.body());
        assertThat(body.get("type").asText()).isEqualTo("appointment.booked");
        assertThat(body.get("data").get("appointmentId").asText())
                .isEqualTo(booked.appointmentId().toString());
    }

    @Test
    void shouldSendAnEventOnceWhenItIsDeliveredAgain() {
        subscribe(IndWebhookReceiver.url("/ok"));
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member("M"));
        String eventId = UUID.randomUUID().toString();

        enqueue(eventId, booked);
        enqueue(eventId, booked);

        awaitReceived("/ok", booked.requestId());
        assertThat(deliveries(booked.requestId())).hasSize(1);
    }

    @Test
    void shouldRetryWithGrowingPausesAndParkTheWebhookAfterTheLastAttempt() {
        subscribe(IndWebhookReceiver.url("/down"));
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member("M"));

        enqueue(UUID.randomUUID().toString(), booked);

        Map<String, Object> parked = await().atMost(SENDING)
                .until(() -> deliveries(booked.requestId()).get(0), d -> "FAILED".equals(d.get("status")));
        assertThat(parked).containsEntry("attempts", 3).containsEntry("lastStatus", 503);
        assertThat(IndWebhookReceiver.at("/down").stream()
                        .filter(r -> r.body().contains(booked.requestId().toString())))
                .hasSize(3)
                .extracting(IndWebhookReceiver.Received::id)
                .containsOnly(IndWebhookReceiver.at("/down").stream()
                        .filter(r -> r.body().contains(booked.requestId().toString()))
                        .findFirst()
                        .orElseThrow()
                        .id());
    }

    @Test
    void shouldSendAParkedWebhookAgainWhenStaffRetryIt() {
        subscribe(IndWebhookReceiver.url("/down"));
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member("M"));
        enqueue(UUID.randomUUID().toString(), booked);
        Map<String, Object> parked = await().atMost(SENDING)
                .until(() -> deliveries(booked.requestId()).get(0), d -> "FAILED".equals(d.get("status")));

        given().auth()
                .oauth2(Tokens.user("officer"))
                .post("/api/v1/webhook-deliveries/" + parked.get("id") + "/retry")
                .then()
                .statusCode(200);

        await().atMost(SENDING)
                .until(() -> IndWebhookReceiver.at("/down").stream()
                                .filter(r ->
                                        r.body().contains(booked.requestId().toString()))
                                .count()
                        > 3);
    }

    @Test
    void shouldNotFollowARedirect() {
        subscribe(IndWebhookReceiver.url("/redirect"));
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member("M"));

        enqueue(UUID.randomUUID().toString(), booked);

        Map<String, Object> refused = await().atMost(SENDING)
                .until(() -> deliveries(booked.requestId()).get(0), d -> (Integer) d.get("attempts") >= 1);
        assertThat(refused).containsEntry("lastError", "redirect not followed");
        assertThat(IndWebhookReceiver.at("/ok"))
                .noneMatch(r -> r.body().contains(booked.requestId().toString()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://[::1]/hook",
                "http://0x7f000001/hook",
                "http://169.254.169.254/latest/meta-data/",
                "file:///etc/passwd",
                "http://localhost/hook"
            })
    void shouldRefuseToRegisterAUrlIntoOurOwnNetwork(String url) {
        JsonPath problem = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Map.of("url", url))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .extract()
                .jsonPath();

        assertThat(problem.getList("errors.path")).containsExactly("$.url");
        assertThat(problem.prettify()).doesNotContain("Exception");
    }

    @Test
    void shouldShowTheSecretOnlyWhenRegistering() {
        subscribe(IndWebhookReceiver.url("/ok"));

        String listed = given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(listed).contains(IndWebhookReceiver.url("/ok")).doesNotContain("whsec_");
    }

    @Test
    void shouldLetOnlyTheIndRegister() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("url", IndWebhookReceiver.url("/ok")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403);
    }

    private JsonPath subscribe(String url) {
        JsonPath created = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "description", "test"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        subscribed.add(created.getString("id"));
        return created;
    }

    private void enqueue(String eventId, AppointmentBookedV1 booked) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                webhooks.enqueue(
                        eventId, AppointmentBookedV1.TYPE, booked.requestId(), json.writeValueAsString(booked));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static IndWebhookReceiver.Received awaitReceived(String path, UUID requestId) {
        return await().atMost(SENDING)
                .until(
                        () -> IndWebhookReceiver.at(path).stream()
                                .filter(r -> r.body().contains(requestId.toString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<Map<String, Object>> deliveries(UUID requestId) {
        return given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("requestId", requestId.toString())
                .get("/api/v1/webhook-deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }
}
