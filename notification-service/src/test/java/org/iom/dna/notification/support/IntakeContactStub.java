package org.iom.dna.notification.support;

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
 * Stands in for intake-service's internal contact endpoint in this module's tests, speaking its HTTP
 * contract (the end-to-end test uses the real intake). It records each call's Authorization header and
 * query, so tests can check that notification-service authenticates with its own Keycloak token and says
 * why it reads the contact details. Declared once (on ConfirmationDeliveryTest), it serves every test.
 *
 * <p>A member's address is {@code <personRef lower-cased>@families.test}, except for person refs that
 * start with {@link #NO_MAIL} (no address), {@link #DOWN} (intake answers 503) or {@link #BAD_MAIL} (an
 * address no mail server takes).
 */
public class IntakeContactStub implements QuarkusTestResourceLifecycleManager {

    public static final String NO_MAIL = "NOMAIL";
    public static final String DOWN = "DOWN";
    public static final String BAD_MAIL = "BADMAIL";
    public static final String DOMAIN = "@families.test";
    /** The given name every member has here. */
    public static final String GIVEN_NAME = "Selam";

    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** Each call's path and query, e.g. {@code /internal/v1/sampling-requests/<id>/members/P-1/contact?purpose=...}. */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    /** The address intake gives for a member, or null when it gives none. */
    public static String emailOf(String personRef) {
        return personRef.startsWith(NO_MAIL) ? null : personRef.toLowerCase() + DOMAIN;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/sampling-requests/", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            CALLS.add(exchange.getRequestURI().getPath() + "?"
                    + exchange.getRequestURI().getQuery());
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String personRef = parts[parts.length - 2];
            if (personRef.startsWith(DOWN)) {
                exchange.sendResponseHeaders(503, -1); // intake unavailable: the delivery is retried later
                exchange.close();
                return;
            }
            String email = personRef.startsWith(BAD_MAIL)
                    ? "\"not an address\""
                    : personRef.startsWith(NO_MAIL) ? "null" : "\"" + emailOf(personRef) + "\"";
            byte[] body = """
                    {"personRef": "%s", "language": "ti", "givenName": "%s", "familyName": "Tesfay",
                     "phone": "+251911234567", "email": %s}""".formatted(personRef, GIVEN_NAME, email).getBytes(StandardCharsets.UTF_8);
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
