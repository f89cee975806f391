package org.iom.dna.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who may call what: one table for the whole suite, every operation of every service against the callers the realm
 * knows. {@link #brokenRules} reads a service's operations from its {@code /q/openapi} and calls each one as every
 * caller: an operation missing from the table, a row for an operation that no longer exists, a caller let in that
 * the table does not name (any answer but 401 or 403), or one the table names that is refused, is a broken rule.
 * Path values are made up (a centre that does not exist, a random id), so allowed calls change nothing.
 */
public final class RoleMatrix {

    /** The callers of the realm: two machine clients and one demo user per staff role. */
    public enum Caller {
        IND(Tokens::indSystem),
        NOTIFICATION(Tokens::notificationService),
        OFFICER(() -> Tokens.user("officer")),
        ADMIN(() -> Tokens.user("admin")),
        STAFF(() -> Tokens.user("staff-addis"));

        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }
    }

    private static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);
    private static final Set<Caller> OFFICES = EnumSet.of(Caller.OFFICER, Caller.ADMIN);
    private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    private static final Set<Caller> IND = EnumSet.of(Caller.IND);
    private static final Set<Caller> STAFF_AND_OFFICES = EnumSet.of(Caller.STAFF, Caller.OFFICER, Caller.ADMIN);

    /** service (application name) → "METHOD /path" → the callers allowed. */
    private static final Map<String, Map<String, Set<Caller>>> TABLE = new LinkedHashMap<>();

    static {
        Map<String, Set<Caller>> intake = service("intake-service");
        intake.put("POST /api/v1/sampling-requests", IND);
        intake.put("GET /api/v1/sampling-requests", OFFICES);
        intake.put("GET /api/v1/sampling-requests/by-phone", OFFICES);
        intake.put("GET /api/v1/sampling-requests/{id}", EnumSet.of(Caller.IND, Caller.OFFICER, Caller.ADMIN));
        intake.put("GET /api/v1/sampling-requests/{id}/history", EnumSet.of(Caller.IND, Caller.OFFICER, Caller.ADMIN));
        intake.put("POST /api/v1/sampling-requests/{id}/cancellation", IND);
        intake.put("POST /api/v1/sampling-requests/{id}/erasure", IND);
        intake.put("GET /api/v1/personal-data/keys", ADMIN);
        intake.put("POST /api/v1/personal-data/re-encryption", ADMIN);
        intake.put("PATCH /api/v1/sampling-requests/{id}/members/{personRef}/contact", IND);
        intake.put(
                "GET /internal/v1/sampling-requests/{id}/members/{personRef}/contact", EnumSet.of(Caller.NOTIFICATION));

        Map<String, Set<Caller>> scheduling = service("scheduling-service");
        scheduling.put("GET /api/v1/waitlist", OFFICES);
        scheduling.put("GET /api/v1/optimiser-runs", OFFICES);
        scheduling.put("POST /api/v1/optimiser-runs", OFFICES);
        scheduling.put("GET /api/v1/optimiser-runs/{runId}", OFFICES);
        scheduling.put("GET /api/v1/families/{requestId}", OFFICES);
        scheduling.put("GET /api/v1/families/{requestId}/appointments", OFFICES);
        scheduling.put("PUT /api/v1/families/{requestId}/appointment", OFFICES);
        scheduling.put("PUT /api/v1/families/{requestId}/ad-hoc-appointment", STAFF_AND_OFFICES);
        scheduling.put(
                "GET /api/v1/centres/{centreCode}/days/{date}",
                EnumSet.of(Caller.STAFF, Caller.OFFICER, Caller.ADMIN, Caller.NOTIFICATION));
        scheduling.put("POST /api/v1/centres/{centreCode}/days/{date}/close", STAFF_AND_OFFICES);
        scheduling.put("GET /api/v1/appointments/{appointmentId}/attendance", STAFF_AND_OFFICES);
        scheduling.put("PUT /api/v1/appointments/{appointmentId}/members/{memberRef}/attendance", STAFF_AND_OFFICES);

        Map<String, Set<Caller>> registry = service("mhac-registry-service");
        Set<Caller> readsCentres = EnumSet.of(Caller.STAFF, Caller.OFFICER, Caller.ADMIN, Caller.NOTIFICATION);
        registry.put("GET /api/v1/centres", readsCentres);
        registry.put("GET /api/v1/centres/{code}", readsCentres);
        registry.put("PUT /api/v1/centres/{code}", OFFICES);
        registry.put("GET /api/v1/centres/{code}/slots", STAFF_AND_OFFICES);
        registry.put("POST /api/v1/centres/{code}/slots", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/slots/{id}", STAFF_AND_OFFICES);
        registry.put("PATCH /api/v1/centres/{code}/slots/{id}", STAFF_AND_OFFICES);
        registry.put("POST /api/v1/centres/{code}/slot-generation", OFFICES);
        registry.put("POST /api/v1/centres/{code}/days/{date}/block", STAFF_AND_OFFICES);
        registry.put("POST /api/v1/centres/{code}/days/{date}/unblock", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/days/{date}/interpreters", STAFF_AND_OFFICES);
        registry.put("PUT /api/v1/centres/{code}/days/{date}/interpreters", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/interpreters", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/templates", STAFF_AND_OFFICES);
        registry.put("POST /api/v1/centres/{code}/templates", STAFF_AND_OFFICES);
        registry.put("DELETE /api/v1/centres/{code}/templates/{id}", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/slots/$bulk-publish", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/slots/$bulk-publish/locations.ndjson", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/slots/$bulk-publish/schedules.ndjson", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/centres/{code}/slots/$bulk-publish/slots.ndjson", STAFF_AND_OFFICES);
        registry.put("GET /api/v1/closures", STAFF_AND_OFFICES);
        registry.put("POST /api/v1/closures", OFFICES);
        registry.put("PUT /api/v1/closures/{id}", OFFICES);
        registry.put("DELETE /api/v1/closures/{id}", OFFICES);

        Map<String, Set<Caller>> notification = service("notification-service");
        notification.put("GET /api/v1/deliveries", OFFICES);
        notification.put("POST /api/v1/deliveries/{id}/resend", OFFICES);
        notification.put("GET /api/v1/webhooks", EnumSet.of(Caller.IND, Caller.OFFICER, Caller.ADMIN));
        notification.put("POST /api/v1/webhooks", EnumSet.of(Caller.IND, Caller.ADMIN));
        notification.put("DELETE /api/v1/webhooks/{id}", EnumSet.of(Caller.IND, Caller.ADMIN));
        notification.put("GET /api/v1/webhook-deliveries", EnumSet.of(Caller.IND, Caller.OFFICER, Caller.ADMIN));
        notification.put("POST /api/v1/webhook-deliveries/{id}/retry", OFFICES);
        // Meta calls these: no token, its signature (X-Hub-Signature-256) or the verify token decides.
        notification.put("GET /webhooks/whatsapp", NOBODY);
        notification.put("POST /webhooks/whatsapp", NOBODY);

        // Every service: dead letters and parked events for offices, its audit trail for admins.
        for (Map<String, Set<Caller>> each : TABLE.values()) {
            each.put("GET /api/v1/operations/dead-letters", OFFICES);
            each.put("GET /api/v1/operations/dead-letters/depth", OFFICES);
            each.put("GET /api/v1/operations/dead-letters/{id}", OFFICES);
            each.put("POST /api/v1/operations/dead-letters/replay", OFFICES);
            each.put("POST /api/v1/operations/dead-letters/{id}/replay", OFFICES);
            each.put("GET /api/v1/operations/parked-events", OFFICES);
            each.put("POST /api/v1/operations/parked-events/{position}/release", OFFICES);
            each.put("GET /api/v1/audit", ADMIN);
            each.put("GET /api/v1/audit/verification", ADMIN);
        }
    }

    private RoleMatrix() {}

    private static Map<String, Set<Caller>> service(String name) {
        return TABLE.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    /** The table's rows for one service: "METHOD /path" → the callers allowed. */
    public static Map<String, Set<Caller>> rowsOf(String service) {
        return Map.copyOf(TABLE.getOrDefault(service, Map.of()));
    }

    /** Every broken rule of the service under test, one line each; empty when the table holds. */
    @SuppressWarnings("unchecked")
    public static List<String> brokenRules(String service) {
        Map<String, Set<Caller>> rows = TABLE.get(service);
        if (rows == null) {
            return List.of("no rows for " + service + " in the role matrix");
        }
        JsonPath document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> broken = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !isHttpMethod(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            seen.add(name);
            Set<Caller> allowed = rows.get(name);
            if (allowed == null) {
                broken.add(name + ": not in the role matrix (testing/RoleMatrix)");
                return;
            }
            String url = concrete(path, (Map<String, Object>) operation);
            String contentType = contentType((Map<String, Object>) operation);
            for (Caller caller : Caller.values()) {
                int status = call(method, url, contentType, caller);
                boolean refused = status == 401 || status == 403;
                if (allowed.contains(caller) && refused) {
                    broken.add(name + ": " + caller + " is refused (" + status + ") but the matrix allows it");
                } else if (!allowed.contains(caller) && !refused) {
                    broken.add(name + ": " + caller + " is let in (" + status + ") but the matrix refuses it");
                }
            }
        }));
        rows.keySet().stream()
                .filter(row -> !seen.contains(row))
                .forEach(row -> broken.add(row + ": in the role matrix, but no such operation"));
        return broken;
    }

    private static boolean isHttpMethod(String method) {
        return List.of("get", "put", "post", "patch", "delete").contains(method);
    }

    private static int call(String method, String url, String contentType, Caller caller) {
        RequestSpecification request =
                given().auth().oauth2(caller.token.get()).redirects().follow(false);
        if (contentType != null) {
            request = request.contentType(contentType).body("{}");
        }
        return request.request(method.toUpperCase(), url).statusCode();
    }

    /** The path with made-up values: a centre that does not exist, a random id, a day far ahead. */
    @SuppressWarnings("unchecked")
    private static String concrete(String path, Map<String, Object> operation) {
        String url = path;
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if (!"path".equals(parameter.get("in"))) {
                continue;
            }
            String name = (String) parameter.get("name");
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            String value;
            if ("integer".equals(schema.get("type"))) {
                value = "999999";
            } else if (name.toLowerCase().contains("code")) {
                value = "ZZ-ZZZ";
            } else if (name.equals("date")) {
                value = "2030-01-07";
            } else if (name.endsWith("Ref")) {
                value = "P-1";
            } else {
                value = UUID.randomUUID().toString();
            }
            url = url.replace("{" + name + "}", value);
        }
        return url;
    }

    @SuppressWarnings("unchecked")
    private static String contentType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        return content.isEmpty()
                ? "application/json"
                : content.keySet().iterator().next();
    }
}
