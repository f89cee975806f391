package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What operators watch, from the running suite: each service's Prometheus metrics move while a family is booked and
 * told, a family that cannot make its deadline shows in the waitlist gauges, and every metric that the alert rules
 * and the Grafana dashboard in deploy/observability name is one the services serve; and the trace an IND request
 * starts is in the log lines that intake, scheduling and notification write for it.
 */
class ObservabilityEndToEndIT {

    private static final String INTAKE = Ind.INTAKE;
    private static final Map<String, String> SERVICES = Map.of(
            "intake-service", INTAKE,
            "scheduling-service", System.getProperty("dna.scheduling.url", "http://localhost:8082"),
            "mhac-registry-service", System.getProperty("dna.registry.url", "http://localhost:8083"),
            "notification-service", System.getProperty("dna.notification.url", "http://localhost:8084"));
    private static final Path OBSERVABILITY =
            Path.of(System.getProperty("dna.deploy.dir", "../deploy"), "observability");
    private static final Pattern METRIC = Pattern.compile("\\b((?:dna|kafka|http_server)_[a-z_]+)\\b");

    private static final Path LOGS = Path.of(System.getProperty("dna.logs.dir", "../.local/logs"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> submitted = new ArrayList<>();

    @AfterEach
    void withdrawTheFamilies() {
        submitted.forEach(Ind::withdraw);
    }

    private static String scrape(String service) {
        return given().get(SERVICES.get(service) + "/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The sum of a metric's samples whose labels contain every given {@code key="value"}. */
    private static double value(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                // OpenMetrics may follow the value with an exemplar (" # {trace_id=...} value timestamp").
                String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
                sum += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private String submit(LocalDate deadline) {
        return submit(Ind.exampleFamily("IND-OBS"), deadline, Map.of());
    }

    private String submit(Map<String, Object> family, LocalDate deadline, Map<String, String> headers) {
        family.put("deadline", deadline.toString());
        String id = Ind.submit(family, headers).extract().path("id");
        submitted.add(id);
        return id;
    }

    @Test
    void shouldShowABookingAndItsMessagesInTheServicesMetrics() {
        double received = value(scrape("intake-service"), "dna_requests_received_total", "country=\"ET\"");
        double booked = value(scrape("scheduling-service"), "dna_bookings_total", "country=\"ET\"", "kind=\"first\"");
        double attempts = value(scrape("notification-service"), "dna_contact_attempts_total");

        String id = submit(LocalDate.now().plusMonths(6));
        Ind.awaitStatus(id, "SCHEDULED");

        assertEquals(
                received + 1,
                value(scrape("intake-service"), "dna_requests_received_total", "country=\"ET\""),
                "cases received in ET");
        assertTrue(
                value(scrape("scheduling-service"), "dna_bookings_total", "country=\"ET\"", "kind=\"first\"")
                        >= booked + 1,
                "bookings in ET");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> value(scrape("notification-service"), "dna_contact_attempts_total") > attempts);
    }

    @Test
    void shouldWriteTheTraceIdTheIndSentInEachServicesLogLinesForThatRequest() {
        String traceId = hex(16);
        String id = submit(
                Ind.exampleFamily("IND-OBS"),
                LocalDate.now().plusMonths(6),
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        Ind.awaitStatus(id, "SCHEDULED");

        // Received by intake, booked by scheduling, told to the family and the IND by notification: each service's
        // line about this request carries the IND's trace id, though the trace crossed Kafka through two outboxes.
        for (String service : List.of("intake-service", "scheduling-service", "notification-service")) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertTrue(
                            linesWith(service, traceId).stream().anyMatch(line -> line.contains(id)),
                            service + " has no log line about request " + id + " in trace " + traceId));
        }
    }

    private static List<String> linesWith(String service, String text) throws IOException {
        Path log = LOGS.resolve(service + ".log");
        assertTrue(Files.isRegularFile(log), "no log at " + log.toAbsolutePath());
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void shouldShowAFamilyThatCannotMakeItsDeadlineInTheWaitlistGauges() {
        // Due tomorrow, and living across the border (weeks of lead time): no member can travel in time, so the family
        // waits with its deadline at risk. Living in Shire, beside a centre, they could be seen tomorrow whenever
        // Ethiopia's date is the same as the test's (from 00:00 to 21:00 UTC).
        Map<String, Object> family = Ind.livingAcrossTheBorder(Ind.exampleFamily("IND-OBS"));
        submit(family, LocalDate.now().plusDays(1), Map.of());

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() ->
                        value(scrape("scheduling-service"), "dna_waitlist_deadline_at_risk", "country=\"ET\"") >= 1);
        assertTrue(value(scrape("scheduling-service"), "dna_waitlist_families", "country=\"ET\"") >= 1);
    }

    @Test
    void shouldServeEveryMetricTheAlertRulesAndTheDashboardName() throws IOException {
        // Counters and per-country gauges appear with their first sample: make one of each.
        shouldShowABookingAndItsMessagesInTheServicesMetrics();
        shouldShowAFamilyThatCannotMakeItsDeadlineInTheWaitlistGauges();
        StringBuilder served = new StringBuilder();
        SERVICES.keySet().forEach(service -> served.append(scrape(service)));

        Set<String> named = new TreeSet<>();
        for (String file : List.of("prometheus-rules.yml", "grafana-dashboard.json")) {
            Matcher m = METRIC.matcher(Files.readString(OBSERVABILITY.resolve(file)));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertTrue(named.size() > 8, "metrics named: " + named);
        List<String> missing = named.stream()
                .filter(name -> !served.toString().contains("\n" + name + "{")
                        && !served.toString().contains("\n" + name + " "))
                .toList();
        assertEquals(List.of(), missing, "named in deploy/observability but served by no service");
    }
}
