package org.iom.dna.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes room for the families a run will post, so that the end-to-end figures measure bookings, not a waitlist: where
 * a country has fewer free places two weeks ahead or later than its share of the run needs (plus what families
 * already waiting there would take first), slots there are raised to 50 places through the registry's slot API, as
 * an administrator would. The registry, not the benchmark, tells the scheduler; the local demo data keeps the larger
 * slots afterwards. Families of the burst are due within {@link #AHEAD_DAYS} days, so they never compete for these
 * places in a later run.
 */
final class Capacity {

    static final int RAISED = 50;
    static final int AHEAD_DAYS = 14;
    /** Free places from two weeks ahead, less the members of families waiting for them. */
    private static final String FREE = "select country, coalesce(sum(capacity - booked), 0) - coalesce((select count(*)"
            + " from case_member m join family_case f on f.request_id = m.request_id where f.status = 'WAITING'"
            + " and not f.ad_hoc and f.country = s.country and f.deadline > current_date + " + AHEAD_DAYS + "), 0)"
            + " from slot s where status = 'OPEN' and not ad_hoc and starts_at > now() + interval '" + AHEAD_DAYS
            + " days' group by country";

    private Capacity() {}

    /** Free places per country two weeks ahead and later, as scheduling sees them, less what waiting families need. */
    static Map<String, Long> free(String jdbcBase) throws SQLException {
        Map<String, Long> free = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbcBase + "scheduling", "scheduling", "scheduling");
                Statement s = db.createStatement();
                ResultSet rows = s.executeQuery(FREE)) {
            while (rows.next()) {
                free.put(rows.getString(1), rows.getLong(2));
            }
        }
        return free;
    }

    /** Raises slots until each of the five countries has {@code placesPerCountry} free; returns the slots raised. */
    static int ensure(String jdbcBase, String keycloakUrl, String registryUrl, long placesPerCountry) throws Exception {
        Map<String, Long> free = free(jdbcBase);
        HttpClient http = HttpClient.newHttpClient();
        String token = null;
        int raised = 0;
        for (String country : List.of("ET", "IR", "LB", "SD", "TR")) {
            long missing = placesPerCountry - free.getOrDefault(country, 0L);
            if (missing <= 0) {
                continue;
            }
            if (token == null) {
                token = adminToken(http, keycloakUrl);
            }
            for (String[] slot : smallSlots(jdbcBase, country)) {
                if (missing <= 0) {
                    break;
                }
                missing -= raise(http, registryUrl, token, slot[0], slot[1], Integer.parseInt(slot[2]));
                raised++;
            }
        }
        awaitScheduler(jdbcBase, placesPerCountry, raised);
        return raised;
    }

    /**
     * The registry tells the scheduler through its events: waits (bounded) until scheduling's copy of the slots shows
     * the room, so that the families waiting for it are booked before the measured runs start, not during them.
     */
    private static void awaitScheduler(String jdbcBase, long placesPerCountry, int raised) throws Exception {
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        while (raised > 0 && java.time.Instant.now().isBefore(until)) {
            Map<String, Long> free = free(jdbcBase);
            if (List.of("ET", "IR", "LB", "SD", "TR").stream()
                    .allMatch(c -> free.getOrDefault(c, 0L) >= placesPerCountry)) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /** Centre code, slot id and capacity of the country's open slots below the raised size, soonest first. */
    private static List<String[]> smallSlots(String jdbcBase, String country) throws SQLException {
        List<String[]> slots = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcBase + "scheduling", "scheduling", "scheduling");
                Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("select centre_code, id, capacity from slot where country = '" + country
                        + "' and status = 'OPEN' and not ad_hoc and capacity < " + RAISED
                        + " and starts_at > now() + interval '" + AHEAD_DAYS + " days' order by starts_at")) {
            while (rows.next()) {
                slots.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        return slots;
    }

    private static int raise(HttpClient http, String registryUrl, String token, String centre, String id, int capacity)
            throws IOException, InterruptedException {
        URI uri = URI.create(registryUrl + "/api/v1/centres/" + centre + "/slots/" + id);
        HttpResponse<Void> read = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String etag = read.headers().firstValue("ETag").orElseThrow(() -> new IOException("no ETag for slot " + id));
        HttpResponse<String> changed = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("If-Match", etag)
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"capacity\": " + RAISED + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (changed.statusCode() != 200) {
            throw new IOException("raising slot " + id + " answered " + changed.statusCode() + ": " + changed.body());
        }
        return RAISED - capacity;
    }

    /** The demo administrator's token (local development credentials, see the README). */
    private static String adminToken(HttpClient http, String keycloakUrl) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=dna-cli&username=admin&password="
                + URLEncoder.encode("demo-password", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/dna/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused the admin's token: " + response.statusCode());
        }
        return Api.JSON.readTree(response.body()).get("access_token").asText();
    }
}
