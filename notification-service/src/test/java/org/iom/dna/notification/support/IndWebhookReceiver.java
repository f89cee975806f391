package org.iom.dna.notification.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the IND's webhook endpoint in this module's tests: records each request (path, the Standard Webhooks
 * headers, body) and answers by path: {@code /ok} 204, {@code /down} 503, {@code /redirect} a 302 to {@code /ok} on
 * loopback (which must never be followed). The service trusts this one loopback port (as the local stack trusts its
 * IND stub); every other loopback URL stays refused.
 */
public class IndWebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public record Received(String path, String id, String timestamp, String signature, String body) {}

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile int port;

    private HttpServer server;

    public static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public static List<Received> at(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Received(
                    path,
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            switch (path) {
                case "/ok" -> exchange.sendResponseHeaders(204, -1);
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", url("/ok"));
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        server.start();
        return Map.of("notification.webhooks.trusted-destinations", "127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
