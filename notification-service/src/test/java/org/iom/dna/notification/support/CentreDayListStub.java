package org.iom.dna.notification.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iom.dna.notification.client.RegistryClient;
import org.iom.dna.notification.client.SchedulingClient;

/**
 * Stands in for the registry's centre list and scheduling's day lists in this module's tests, speaking their HTTP
 * contracts (the end-to-end test uses the real services). Tests put the centres and day lists they need; every
 * request is recorded with its Authorization header.
 */
public class CentreDayListStub implements QuarkusTestResourceLifecycleManager {

    public static final List<RegistryClient.Centre> CENTRES = new CopyOnWriteArrayList<>();
    /** Day lists by {@code <centre>/<date>}; a day not here is empty. */
    public static final Map<String, SchedulingClient.DayList> DAY_LISTS = new ConcurrentHashMap<>();

    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    public static final AtomicBoolean SCHEDULING_DOWN = new AtomicBoolean();

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/centres", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (parts.length == 4) { // /api/v1/centres
                respond(exchange, 200, JSON.writeValueAsBytes(CENTRES));
                return;
            }
            if (SCHEDULING_DOWN.get()) {
                respond(exchange, 503, new byte[0]);
                return;
            }
            String centre = parts[4];
            String date = parts[6];
            SchedulingClient.DayList list = DAY_LISTS.getOrDefault(
                    centre + "/" + date,
                    new SchedulingClient.DayList(centre, java.time.LocalDate.parse(date), List.of()));
            respond(exchange, 200, JSON.writeValueAsBytes(list));
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.registry.url", url, "quarkus.rest-client.scheduling.url", url);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
