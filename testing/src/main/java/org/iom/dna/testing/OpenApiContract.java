package org.iom.dna.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document promises its clients, checked the same way in each service:
 * every operation under {@code /api/} has a summary, says what happens without a valid token (401),
 * answers its errors as problem details, and shows an example of what it takes.
 */
public final class OpenApiContract {

    private static final String PROBLEM = "application/problem+json";

    private OpenApiContract() {}

    /** Every broken promise, one line each ("POST /api/v1/x: no 401"); empty when all hold. */
    @SuppressWarnings("unchecked")
    public static List<String> brokenPromises() {
        JsonPath document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> broken = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, value) -> {
                if (value instanceof Map<?, ?> operation) {
                    check(method.toUpperCase() + " " + path, (Map<String, Object>) operation, broken);
                }
            });
        });
        return broken;
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, Map<String, Object> operation, List<String> broken) {
        if (operation.get("summary") == null) {
            broken.add(name + ": no summary");
        }
        Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
        if (!responses.containsKey("401")) {
            broken.add(name + ": no 401");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") && !mentions(response, PROBLEM)) {
                broken.add(name + ": " + status + " is not " + PROBLEM);
            }
        });
        Object body = operation.get("requestBody");
        if (body != null && !mentions(body, "example")) {
            broken.add(name + ": request body without an example");
        }
    }

    private static boolean mentions(Object node, String text) {
        return String.valueOf(node).contains(text);
    }
}
