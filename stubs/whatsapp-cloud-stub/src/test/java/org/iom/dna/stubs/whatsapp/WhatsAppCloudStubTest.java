package org.iom.dna.stubs.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stub in-process on a free port, driven as notification-service's WhatsAppSender drives it, with a JDK HTTP
 * server in the test standing in for notification-service's status webhook.
 */
class WhatsAppCloudStubTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WhatsAppConfig DEFAULTS = WhatsAppConfig.defaults();
    private static final String TOKEN = DEFAULTS.accessToken();
    private static final String APP_SECRET = DEFAULTS.appSecret();
    private static final String PHONE_NUMBER_ID = DEFAULTS.phoneNumberId();

    /** One status webhook as the receiver got it. */
    record Webhook(String signature, byte[] body, JsonNode json) {

        JsonNode status() {
            return json.path("entry")
                    .path(0)
                    .path("changes")
                    .path(0)
                    .path("value")
                    .path("statuses")
                    .path(0);
        }
    }

    private static final List<Webhook> WEBHOOKS = new CopyOnWriteArrayList<>();
    /** Per recipient, how many of its next webhooks the receiver answers 500. */
    private static final Map<String, AtomicInteger> REFUSE = new ConcurrentHashMap<>();

    private static HttpServer receiver;
    private static WhatsAppCloudStub stub;

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/whatsapp", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Webhook webhook = new Webhook(
                        exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), body, JSON.readTree(body));
                AtomicInteger refusals =
                        REFUSE.get(webhook.status().path("recipient_id").asText());
                if (refusals != null && refusals.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                WEBHOOKS.add(webhook);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        URI callback = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/whatsapp");
        stub = WhatsAppCloudStub.start(
                DEFAULTS.with(0, callback).withTimings(Duration.ofMillis(20), 3, Duration.ofMillis(20)));
    }

    @AfterAll
    static void stop() {
        stub.close();
        receiver.stop(0);
    }

    @Test
    void anAcceptedMessageIsAnsweredWithAWamidAndRecorded() throws Exception {
        HttpResponse<String> response = sendText(stub, TOKEN, "+251 911 000 101", "Your appointment is on 3 June");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(answer.path("contacts").path(0).path("wa_id").asText()).isEqualTo("251911000101");
        String wamid = answer.path("messages").path(0).path("id").asText();
        assertThat(wamid).startsWith("wamid.");

        JsonNode messages = messagesTo(stub, "+251911000101");
        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("id").asText()).isEqualTo(wamid);
        assertThat(message.path("to").asText()).isEqualTo("251911000101");
        assertThat(message.path("text").asText()).isEqualTo("Your appointment is on 3 June");
        assertThat(message.path("receivedAt").asText()).isNotBlank();
        assertThat(message.path("statuses").isArray()).isTrue();
    }

    @Test
    void aWrongOrMissingTokenIsRefusedWithCode190() throws Exception {
        for (String token : new String[] {"not-the-token", null}) {
            HttpResponse<String> response = sendText(stub, token, "251911000202", "hello");

            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(190);
            assertThat(error.path("type").asText()).isEqualTo("OAuthException");
            assertThat(error.path("message").asText()).isEqualTo("Invalid OAuth access token.");
        }
        assertThat(messagesTo(stub, "251911000202")).isEmpty();
    }

    @Test
    void aNumberEndingIn1111IsRefusedWithCode131026() throws Exception {
        HttpResponse<String> response = sendText(stub, TOKEN, "251911001111", "hello");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(131026);
        assertThat(error.path("error_subcode").asInt()).isEqualTo(2494010);
        assertThat(error.path("message").asText()).isEqualTo("Message undeliverable");
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        assertThat(messagesTo(stub, "251911001111")).isEmpty();
    }

    @Test
    void invalidMessagesAndAnUnknownPhoneNumberIdAreRefusedAsGraphErrors() throws Exception {
        ObjectNode notText = textMessage("251911000303", "hello").put("type", "image");
        ObjectNode shortNumber = textMessage("1234567", "hello");
        ObjectNode notWhatsApp = textMessage("251911000303", "hello").put("messaging_product", "sms");
        ObjectNode noBody = textMessage("251911000303", "hello");
        noBody.remove("text");
        for (ObjectNode body : List.of(notText, shortNumber, notWhatsApp, noBody)) {
            HttpResponse<String> response = post(stub, "/v21.0/" + PHONE_NUMBER_ID + "/messages", TOKEN, body);
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asInt())
                    .as(body.toString())
                    .isEqualTo(100);
        }

        HttpResponse<String> unknown =
                post(stub, "/v21.0/999999999/messages", TOKEN, textMessage("251911000303", "hello"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").path("code").asInt())
                .isEqualTo(100);
        assertThat(messagesTo(stub, "251911000303")).isEmpty();
    }

    @Test
    void theCallbackGetsSentThenDeliveredSignedWithTheAppSecret() throws Exception {
        String wamid = accepted(stub, "251911000404");

        List<Webhook> webhooks = awaitWebhooks(wamid, 2);
        assertThat(webhooks)
                .extracting(webhook -> webhook.status().path("status").asText())
                .containsExactly("sent", "delivered");
        for (Webhook webhook : webhooks) {
            assertThat(webhook.signature()).startsWith("sha256=");
            assertThat(MessageDigest.isEqual(
                            HexFormat.of().parseHex(webhook.signature().substring("sha256=".length())),
                            hmac(APP_SECRET, webhook.body())))
                    .as("signature verifies with the app secret")
                    .isTrue();
            assertThat(MessageDigest.isEqual(
                            HexFormat.of().parseHex(webhook.signature().substring("sha256=".length())),
                            hmac("some-other-secret", webhook.body())))
                    .isFalse();
            JsonNode json = webhook.json();
            assertThat(json.path("object").asText()).isEqualTo("whatsapp_business_account");
            JsonNode change = json.path("entry").path(0).path("changes").path(0);
            assertThat(change.path("field").asText()).isEqualTo("messages");
            assertThat(change.path("value").path("messaging_product").asText()).isEqualTo("whatsapp");
            assertThat(change.path("value")
                            .path("metadata")
                            .path("phone_number_id")
                            .asText())
                    .isEqualTo(PHONE_NUMBER_ID);
            JsonNode status = webhook.status();
            assertThat(status.path("recipient_id").asText()).isEqualTo("251911000404");
            assertThat(status.path("timestamp").asText()).matches("[0-9]+");
            assertThat(status.has("errors")).isFalse();
        }

        JsonNode statuses = awaitRecordedStatuses(stub, "251911000404", 2);
        assertThat(statuses)
                .extracting(status -> status.path("status").asText() + " "
                        + status.path("callback").asText())
                .containsExactly("sent OK", "delivered OK");
    }

    @Test
    void aNumberEndingIn0000GetsAFailedStatusWithErrors() throws Exception {
        String wamid = accepted(stub, "251911000000");

        List<Webhook> webhooks = awaitWebhooks(wamid, 2);
        assertThat(webhooks)
                .extracting(webhook -> webhook.status().path("status").asText())
                .containsExactly("sent", "failed");
        JsonNode errors = webhooks.get(1).status().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(131026);
        assertThat(errors.get(0).path("title").asText()).isNotBlank();
        assertThat(awaitRecordedStatuses(stub, "251911000000", 2))
                .extracting(status -> status.path("status").asText() + " "
                        + status.path("callback").asText())
                .containsExactly("sent OK", "failed OK");
    }

    @Test
    void messagesAreFilteredByNumberAndForgottenOnDelete() throws Exception {
        accepted(stub, "251911000505");
        accepted(stub, "251911000606");
        accepted(stub, "251911000505");

        assertThat(messagesTo(stub, "+251 911 000 505")).hasSize(2);
        assertThat(messagesTo(stub, "251911000606")).hasSize(1);
        JsonNode all = get(stub, "/api/messages");
        assertThat(all.size()).isGreaterThanOrEqualTo(3);

        HttpResponse<Void> deleted = HTTP.send(
                HttpRequest.newBuilder(uri(stub, "/api/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get(stub, "/api/messages")).isEmpty();
        assertThat(get(stub, "/api/health").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aWebhookAnswered500IsTriedAgain() throws Exception {
        REFUSE.put("251911000707", new AtomicInteger(1));
        String wamid = accepted(stub, "251911000707");

        assertThat(awaitWebhooks(wamid, 2))
                .extracting(webhook -> webhook.status().path("status").asText())
                .containsExactly("sent", "delivered");
        JsonNode statuses = awaitRecordedStatuses(stub, "251911000707", 2);
        assertThat(statuses.get(0).path("callback").asText()).isEqualTo("OK");
        assertThat(statuses.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(statuses.get(1).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void whenTheCallbackIsDownEachStatusIsRetriedThenRecordedAsFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/webhooks/whatsapp");
        try (WhatsAppCloudStub lonely = WhatsAppCloudStub.start(
                DEFAULTS.with(0, nowhere).withTimings(Duration.ofMillis(10), 3, Duration.ofMillis(10)))) {
            HttpResponse<String> response = sendText(lonely, TOKEN, "251911000808", "hello");
            assertThat(response.statusCode())
                    .as("the sender is answered regardless")
                    .isEqualTo(200);

            JsonNode statuses = awaitRecordedStatuses(lonely, "251911000808", 2);
            assertThat(statuses)
                    .extracting(status -> status.path("status").asText())
                    .containsExactly("sent", "delivered");
            for (JsonNode status : statuses) {
                assertThat(status.path("callback").asText()).startsWith("FAILED (");
                assertThat(status.path("attempts").asInt()).isEqualTo(3);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String accepted(WhatsAppCloudStub target, String to) throws Exception {
        HttpResponse<String> response = sendText(target, TOKEN, to, "Your appointment is confirmed");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("messages")
                .path(0)
                .path("id")
                .asText();
    }

    private static ObjectNode textMessage(String to, String text) {
        ObjectNode body = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to)
                .put("type", "text");
        body.putObject("text").put("preview_url", false).put("body", text);
        return body;
    }

    /** As WhatsAppSender sends it: digits only. */
    private static HttpResponse<String> sendText(WhatsAppCloudStub target, String token, String to, String text)
            throws Exception {
        return post(
                target, "/v21.0/" + PHONE_NUMBER_ID + "/messages", token, textMessage(MessageStore.digits(to), text));
    }

    private static HttpResponse<String> post(WhatsAppCloudStub target, String path, String token, JsonNode body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Webhook> awaitWebhooks(String wamid, int count) throws Exception {
        Predicate<Webhook> ofMessage =
                webhook -> wamid.equals(webhook.status().path("id").asText());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Webhook> received = WEBHOOKS.stream().filter(ofMessage).toList();
            if (received.size() >= count) {
                return received;
            }
            Thread.sleep(20);
        }
        return fail("fewer than " + count + " status webhooks for " + wamid + " within " + WAIT);
    }

    private static JsonNode awaitRecordedStatuses(WhatsAppCloudStub target, String to, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode messages = messagesTo(target, to);
            if (messages.size() == 1 && messages.get(0).path("statuses").size() >= count) {
                return messages.get(0).path("statuses");
            }
            Thread.sleep(20);
        }
        return fail("fewer than " + count + " statuses recorded for the message to " + to + " within " + WAIT);
    }

    private static JsonNode messagesTo(WhatsAppCloudStub target, String to) throws Exception {
        return get(target, "/api/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    private static JsonNode get(WhatsAppCloudStub target, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri(target, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static URI uri(WhatsAppCloudStub target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    private static byte[] hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body);
    }
}
