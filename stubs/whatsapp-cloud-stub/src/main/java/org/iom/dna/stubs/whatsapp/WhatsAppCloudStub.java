package org.iom.dna.stubs.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp Business Cloud API as notification-service uses it, on one HTTP port:
 *
 * <ul>
 *   <li>{@code POST /<version>/<phone-number-id>/messages} with {@code Authorization: Bearer <access token>}: a text
 *       message; answered as Meta answers ({@code {"messages": [{"id": "wamid..."}]}} or a Graph error), then followed
 *       by signed status webhooks ({@link StatusWebhooks})
 *   <li>{@code GET /api/health}: {@code {"status":"UP"}}
 *   <li>{@code GET /api/messages[?to=<number>]}: accepted messages, oldest first, with their status webhooks
 *   <li>{@code DELETE /api/messages}: forget everything (204)
 * </ul>
 *
 * <p>Development only: it sends nothing to WhatsApp.
 */
public final class WhatsAppCloudStub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppCloudStub.class);

    private static final Pattern MESSAGES_PATH = Pattern.compile("/(v[0-9]+\\.[0-9]+)/([^/]+)/messages/?");
    /** What the Cloud API takes as a recipient: an international number, 8 to 15 digits, optionally with '+'. */
    private static final Pattern RECIPIENT = Pattern.compile("\\+?[0-9]{8,15}");
    /** Meta's limit on the body of a text message. */
    private static final int MAX_TEXT = 4096;

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WhatsAppConfig config;
    private final MessageStore store;
    private final StatusWebhooks webhooks;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean closed;

    private WhatsAppCloudStub(WhatsAppConfig config) throws IOException {
        this.config = config;
        this.store = new MessageStore(config.maxMessages());
        this.webhooks = new StatusWebhooks(config, store);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "whatsapp-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server =
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 0);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            webhooks.close();
            throw e;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Binds the port and starts answering; {@link #close()} stops everything. */
    public static WhatsAppCloudStub start(WhatsAppConfig config) throws IOException {
        WhatsAppCloudStub stub = new WhatsAppCloudStub(config);
        stub.server.start();
        return stub;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
        LOG.info("stopped");
    }

    // ---- routing ----------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher graph = MESSAGES_PATH.matcher(path);
            if (graph.matches()) {
                sendMessage(exchange, method, graph.group(2));
                return;
            }
            switch (path) {
                case "/api/health" -> {
                    if (allowed(exchange, method, "GET")) {
                        send(exchange, 200, Map.of("status", "UP"));
                    }
                }
                case "/api/messages" -> {
                    if ("DELETE".equals(method)) {
                        store.clear();
                        LOG.info("forgot every recorded message (DELETE /api/messages)");
                        exchange.sendResponseHeaders(204, -1);
                    } else if (allowed(exchange, method, "GET, DELETE")) {
                        String to =
                                query(exchange.getRequestURI().getRawQuery()).get("to");
                        send(exchange, 200, messages(to));
                    }
                }
                default -> {
                    if (path.startsWith("/api/")) {
                        send(exchange, 404, Map.of("status", 404, "error", "no such resource: " + path));
                    } else {
                        send(exchange, 404, unknownObject(method, path));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("HTTP request failed: {}", e.toString());
            throw e;
        }
    }

    // ---- the Cloud API ----------------------------------------------------------------------------------------------

    private void sendMessage(HttpExchange exchange, String method, String phoneNumberId) throws IOException {
        if (!"POST".equals(method)) {
            send(
                    exchange,
                    400,
                    graphError(
                            "Unsupported " + method.toLowerCase(Locale.ROOT) + " request.",
                            "GraphMethodException",
                            100,
                            null,
                            null));
            return;
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            LOG.info("refused a message: missing or wrong access token (error 190)");
            send(exchange, 401, graphError("Invalid OAuth access token.", "OAuthException", 190, null, null));
            return;
        }
        if (!config.phoneNumberId().equals(phoneNumberId)) {
            LOG.info("refused a message: unknown phone number id {}", phoneNumberId);
            send(exchange, 404, unknownObject(method, exchange.getRequestURI().getPath()));
            return;
        }
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) {
                invalid(exchange, "The request body is too large.");
                return;
            }
            request = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            invalid(exchange, "The request body is not JSON.");
            return;
        }
        String problem = problem(request);
        if (problem != null) {
            LOG.info("refused a message: {} (error 100)", problem);
            invalid(exchange, problem);
            return;
        }
        String to = MessageStore.digits(request.path("to").asText());
        if (to.endsWith(config.refusedSuffix())) {
            LOG.info("refused a message to {}: undeliverable (error 131026)", MessageStore.mask(to));
            ObjectNode error = graphError(
                    "Message undeliverable",
                    "OAuthException",
                    StatusWebhooks.UNDELIVERABLE,
                    2494010,
                    "Message Undeliverable.");
            send(exchange, 400, error);
            return;
        }
        String text = request.path("text").path("body").asText();
        MessageStore.Message message = new MessageStore.Message(wamid(), to, text, Instant.now());
        store.add(message);
        ObjectNode answer = json.createObjectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts")
                .addObject()
                .put("input", request.path("to").asText())
                .put("wa_id", to);
        answer.putArray("messages").addObject().put("id", message.id());
        send(exchange, 200, answer);
        LOG.info(
                "accepted {} to {} ({} characters); statuses to follow: sent, {}",
                message.id(),
                MessageStore.mask(to),
                text.length(),
                webhooks.failing(to) ? "failed" : "delivered");
        webhooks.schedule(message);
    }

    /** Why the Cloud API would refuse this text message with error 100, or null when it would take it. */
    private static String problem(JsonNode request) {
        if (!request.isObject()) {
            return "The request body must be a JSON object.";
        }
        if (!"whatsapp".equals(request.path("messaging_product").asText(null))) {
            return "The parameter messaging_product is required and must be whatsapp.";
        }
        JsonNode recipientType = request.get("recipient_type");
        if (recipientType != null && !"individual".equals(recipientType.asText())) {
            return "Param recipient_type must be individual.";
        }
        // Meta takes a message without "type" as text; anything else is not what this stub speaks.
        JsonNode type = request.get("type");
        if (type != null && !"text".equals(type.asText())) {
            return "This stub takes messages of type text only, not " + type.asText() + ".";
        }
        JsonNode to = request.get("to");
        if (to == null || !to.isTextual() || !RECIPIENT.matcher(to.asText()).matches()) {
            return "The parameter to must be a phone number of 8 to 15 digits.";
        }
        JsonNode body = request.path("text").get("body");
        if (body == null || !body.isTextual() || body.asText().isBlank()) {
            return "The parameter text['body'] is required.";
        }
        if (body.asText().length() > MAX_TEXT) {
            return "Param text['body'] must be at most " + MAX_TEXT + " characters long.";
        }
        return null;
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, config.accessToken().getBytes(StandardCharsets.UTF_8));
    }

    private void invalid(HttpExchange exchange, String details) throws IOException {
        send(exchange, 400, graphError("(#100) Invalid parameter", "OAuthException", 100, null, details));
    }

    private ObjectNode unknownObject(String method, String path) {
        String[] segments = path.split("/");
        String id = segments.length > 2 ? segments[2] : path;
        return graphError(
                "Unsupported " + method.toLowerCase(Locale.ROOT) + " request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation. Please read the Graph API documentation at"
                        + " https://developers.facebook.com/docs/graph-api",
                "GraphMethodException",
                100,
                33,
                null);
    }

    /** A Graph API error: {@code {"error": {"message", "type", "code", ["error_subcode"], ..., "fbtrace_id"}}}. */
    private ObjectNode graphError(String message, String type, int code, Integer subcode, String details) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (details != null) {
            error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        error.put("fbtrace_id", random(8));
        return root;
    }

    private static String wamid() {
        return "wamid." + random(24);
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    // ---- the inspection API -----------------------------------------------------------------------------------------

    private List<Map<String, Object>> messages(String to) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (MessageStore.Entry entry : store.messages(to)) {
            MessageStore.Message message = entry.message();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", message.id());
            item.put("to", message.to());
            item.put("text", message.text());
            item.put("receivedAt", message.receivedAt().toString());
            List<Map<String, Object>> statuses = new ArrayList<>();
            for (MessageStore.Status status : entry.statuses()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("status", status.status());
                s.put("timestamp", status.timestamp().toString());
                s.put("callback", status.callback());
                s.put("attempts", status.attempts());
                statuses.add(s);
            }
            item.put("statuses", statuses);
            result.add(item);
        }
        return result;
    }

    private boolean allowed(HttpExchange exchange, String method, String allow) throws IOException {
        if ("GET".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allow);
        send(exchange, 405, Map.of("status", 405, "error", method + " is not allowed here"));
        return false;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            // URLDecoder turns an unencoded '+' into a space: harmless, numbers are compared by their digits.
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
