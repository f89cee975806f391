package org.iom.dna.notification.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for intake-service's internal contact endpoint in this module's tests, speaking its HTTP contract (the
 * end-to-end test uses the real intake). It records each call's Authorization header and query, so tests can check
 * that notification-service authenticates with its own Keycloak token and says why it reads the contact details.
 * Declared once (on ConfirmationDeliveryTest), it serves every test.
 *
 * <p>What intake answers for a member depends on the prefix of the person ref (see {@link Bookings#member}):
 *
 * <ul>
 *   <li>{@link #MAIL} (and any other prefix): an e-mail address only, {@code <ref lower-cased>@families.test}
 *   <li>{@link #PHONE}: a phone number only, unique to the member ({@link #phoneOf})
 *   <li>{@link #WHATSAPP}: a WhatsApp number only; {@link #WHATSAPP_UNDELIVERABLE}: a WhatsApp number the API stub
 *       cannot deliver to (ending in 0000), and an e-mail address
 *   <li>{@link #UNDELIVERABLE}: a phone the SMSC simulator cannot deliver to (ending in 0000), and an e-mail address
 *   <li>{@link #BAD_PHONE}: a phone number the SMSC refuses outright, and an e-mail address
 *   <li>{@link #PROXY}: no channel of their own, a proxy's phone
 *   <li>{@link #NO_MAIL}: no channel at all
 *   <li>{@link #BAD_MAIL}: an e-mail address no mail server takes, nothing else
 *   <li>{@link #DOWN}: intake answers 503; {@link #FLAKY}: 503 while {@link #INTAKE_DOWN} is set, else as MAIL
 *   <li>{@link #GONE}: intake answers 404 (the request was withdrawn)
 * </ul>
 *
 * A member writes in English unless a test puts another language in {@link #LANGUAGES}.
 */
public class IntakeContactStub implements QuarkusTestResourceLifecycleManager {

    public static final String MAIL = "M";
    public static final String PHONE = "PHONE";
    public static final String WHATSAPP = "WAONLY";
    public static final String WHATSAPP_UNDELIVERABLE = "WAFAIL";
    public static final String UNDELIVERABLE = "UNDELIV";
    public static final String BAD_PHONE = "BADPHONE";
    public static final String PROXY = "PROXY";
    public static final String NO_MAIL = "NOMAIL";
    public static final String BAD_MAIL = "BADMAIL";
    public static final String DOWN = "DOWN";
    public static final String FLAKY = "FLAKY";
    public static final String GONE = "GONE";
    public static final String DOMAIN = "@families.test";
    /** The given name every member has here. */
    public static final String GIVEN_NAME = "Selam";

    public static final String PROXY_NAME = "Hagos";

    public static final AtomicBoolean INTAKE_DOWN = new AtomicBoolean();
    public static final Map<String, String> LANGUAGES = new ConcurrentHashMap<>();
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** Each call's path and query, e.g. {@code /internal/v1/sampling-requests/<id>/members/P-1/contact?purpose=...}. */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private static final Map<String, String> PHONES = new ConcurrentHashMap<>();

    private HttpServer server;

    /** The address intake gives for a member, or null when it gives none. */
    public static String emailOf(String personRef) {
        return personRef.startsWith(NO_MAIL)
                        || personRef.startsWith(PHONE)
                        || personRef.startsWith(PROXY)
                        || personRef.startsWith(WHATSAPP)
                ? null
                : personRef.toLowerCase() + DOMAIN;
    }

    /** The member's own phone (or, for PROXY members, their proxy's): an international number of its own. */
    public static String phoneOf(String personRef) {
        return PHONES.computeIfAbsent(personRef, ref -> {
            if (ref.startsWith(BAD_PHONE)) {
                return "12";
            }
            String digits = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            return ref.startsWith(UNDELIVERABLE) || ref.startsWith(WHATSAPP_UNDELIVERABLE)
                    ? "+2519" + digits.substring(0, 4) + "0000"
                    : "+2519" + digits + "7";
        });
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
            if (personRef.startsWith(DOWN) || (personRef.startsWith(FLAKY) && INTAKE_DOWN.get())) {
                exchange.sendResponseHeaders(503, -1); // intake unavailable: the delivery is retried later
                exchange.close();
                return;
            }
            if (personRef.startsWith(GONE)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = contact(personRef).getBytes(StandardCharsets.UTF_8);
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

    private static String contact(String personRef) {
        boolean ownPhone =
                personRef.startsWith(PHONE) || personRef.startsWith(UNDELIVERABLE) || personRef.startsWith(BAD_PHONE);
        String email = personRef.startsWith(BAD_MAIL) ? "not an address" : emailOf(personRef);
        String proxy = personRef.startsWith(PROXY)
                ? "{\"name\": \"%s\", \"relation\": \"brother\", \"phone\": \"%s\"}"
                        .formatted(PROXY_NAME, phoneOf(personRef))
                : "null";
        boolean whatsapp = personRef.startsWith(WHATSAPP) || personRef.startsWith(WHATSAPP_UNDELIVERABLE);
        return """
                {"personRef": "%s", "language": "%s", "givenName": "%s", "familyName": "Tesfay",
                 "phone": %s, "email": %s, "whatsapp": %s, "proxy": %s}""".formatted(
                        personRef,
                        LANGUAGES.getOrDefault(personRef, "en"),
                        GIVEN_NAME,
                        ownPhone ? quoted(phoneOf(personRef)) : "null",
                        email == null ? "null" : quoted(email),
                        whatsapp ? quoted(phoneOf(personRef)) : "null",
                        proxy);
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
