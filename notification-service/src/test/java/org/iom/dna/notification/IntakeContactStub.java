package org.iom.dna.notification;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for intake-service's internal contact endpoint in this module's tests, speaking its
 * HTTP contract (the end-to-end test uses the real intake). It records the Authorization header so
 * the test can check that notification-service authenticates with its own Keycloak token.
 * Every member's address is {@code <personRef>@families.test}; person refs starting with "NOMAIL" have none,
 * and for those starting with "DOWN" intake answers 503.
 */
public class IntakeContactStub implements QuarkusTestResourceLifecycleManager {

    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/sampling-requests/", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String personRef = parts[parts.length - 2];
            if (personRef.startsWith("DOWN")) {
                exchange.sendResponseHeaders(503, -1); // intake unavailable: the delivery is retried later
                exchange.close();
                return;
            }
            String email =
                    personRef.startsWith("NOMAIL") ? "null" : "\"" + personRef.toLowerCase() + "@families.test\"";
            byte[] body = """
                    {"personRef": "%s", "language": "ti", "givenName": "Selam", "familyName": "Tesfay",
                     "phone": "+251911234567", "email": %s}""".formatted(personRef, email).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "quarkus.rest-client.intake.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
