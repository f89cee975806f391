package org.iom.dna.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in for the WhatsApp Business Cloud API in this module's tests, speaking its shapes: {@code POST
 * /v21.0/<phone-number-id>/messages} with a bearer token answers {@code {"messages": [{"id": "wamid..."}]}}, and a
 * moment later the stub POSTs a status webhook to the service, signed with the app secret ({@code
 * X-Hub-Signature-256}): "delivered", or "failed" for numbers ending in 0000. Numbers ending in 1111 are refused at
 * once (error 131026, message undeliverable).
 */
public class WhatsAppCloudStub implements QuarkusTestResourceLifecycleManager {

    public static final String PHONE_NUMBER_ID = "109876543210";
    public static final String TOKEN = "test-access-token";
    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";

    public record Sent(String to, String text, String wamid) {}

    public static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    public static List<Sent> to(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return SENT.stream().filter(s -> s.to().equals(digits)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v21.0/" + PHONE_NUMBER_ID + "/messages", exchange -> {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\": {\"code\": 190, \"message\": \"Invalid OAuth access token\"}}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String to = request.path("to").asText();
            if (to.endsWith("1111")) {
                respond(exchange, 400, "{\"error\": {\"code\": 131026, \"message\": \"Message undeliverable\"}}");
                return;
            }
            String wamid = "wamid." + UUID.randomUUID().toString().replace("-", "");
            SENT.add(new Sent(to, request.path("text").path("body").asText(), wamid));
            respond(
                    exchange,
                    200,
                    "{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \"" + to + "\", \"wa_id\": \""
                            + to + "\"}], \"messages\": [{\"id\": \"" + wamid + "\"}]}");
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                    .execute(() -> status(wamid, to, to.endsWith("0000") ? "failed" : "delivered"));
        });
        server.start();
        return Map.of(
                "notification.whatsapp.base-url",
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                "notification.whatsapp.phone-number-id", PHONE_NUMBER_ID,
                "notification.whatsapp.access-token", TOKEN,
                "notification.whatsapp.app-secret", APP_SECRET,
                "notification.whatsapp.verify-token", VERIFY_TOKEN);
    }

    /** The status webhook Meta sends, signed as Meta signs it. */
    private static void status(String wamid, String to, String status) {
        String body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "WABA-1", "changes": [{"field": "messages",
                 "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "%s"},
                 "statuses": [{"id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "%s"}]}}]}]}""".formatted(PHONE_NUMBER_ID, wamid, status, System.currentTimeMillis() / 1000, to);
        String url = ConfigProvider.getConfig().getValue("test.url", String.class) + "/webhooks/whatsapp";
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json")
                                    .header("X-Hub-Signature-256", "sha256=" + sign(body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
