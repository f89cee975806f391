package org.iom.dna.stubs.smsc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulator received, as JSON:
 *
 * <ul>
 *   <li>{@code GET /api/health}: {@code {"status":"UP"}}
 *   <li>{@code GET /api/messages[?to=<number>]}: complete messages, oldest first (numbers compared by their digits)
 *   <li>{@code DELETE /api/messages}: forget everything (204)
 * </ul>
 */
final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final MessageStore store;
    private final ObjectMapper json = new ObjectMapper();

    HttpApi(InetSocketAddress address, MessageStore store) throws IOException {
        this.store = store;
        this.server = HttpServer.create(address, 0);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "smsc-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
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
                default -> send(exchange, 404, Map.of("status", 404, "error", "no such resource: " + path));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("HTTP request failed: {}", e.toString());
            throw e;
        }
    }

    private boolean allowed(HttpExchange exchange, String method, String allow) throws IOException {
        if ("GET".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allow);
        send(exchange, 405, Map.of("status", 405, "error", method + " is not allowed here"));
        return false;
    }

    private List<Map<String, Object>> messages(String to) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (MessageStore.Message message : store.messages(to)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", message.id());
            item.put("partIds", message.partIds());
            item.put("systemId", message.systemId());
            item.put("from", message.from());
            item.put("to", message.to());
            item.put("dataCoding", message.dataCoding());
            item.put("encoding", message.encoding());
            item.put("text", message.text());
            item.put("parts", message.parts());
            item.put("receivedAt", message.receivedAt().toString());
            item.put("receipt", store.receiptOf(message).map(HttpApi::receipt).orElse(null));
            result.add(item);
        }
        return result;
    }

    private static Map<String, Object> receipt(MessageStore.Receipt receipt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("state", receipt.state());
        item.put("sentAt", receipt.sentAt().toString());
        return item;
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
