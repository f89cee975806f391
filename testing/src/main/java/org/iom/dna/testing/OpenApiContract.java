package org.iom.dna.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every service's OpenAPI document promises its clients, checked the same way in each service:
 * every operation under {@code /api/} has a summary, says what happens without a valid token (401) and when a
 * dependency is away (503), answers its errors as problem details (its own or a shared response, resolved),
 * and shows an example of what it takes.
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
        Map<String, Object> shared = document.getMap("components.responses");
        String login = document.getString("components.securitySchemes.keycloak.openIdConnectUrl");
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        List<String> broken = new ArrayList<>();
        if (!(realm + "/.well-known/openid-configuration").equals(login)) {
            broken.add("Swagger UI logs in at " + login + ", not at the realm that checks tokens (" + realm + ")");
        }
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, value) -> {
                if (value instanceof Map<?, ?> operation) {
                    check(method.toUpperCase() + " " + path, (Map<String, Object>) operation, shared, broken);
                }
            });
        });
        return broken;
    }

    @SuppressWarnings("unchecked")
    private static void check(
            String name, Map<String, Object> operation, Map<String, Object> shared, List<String> broken) {
        if (operation.get("summary") == null) {
            broken.add(name + ": no summary");
        }
        Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
        for (String status : List.of("401", "503")) {
            if (!responses.containsKey(status)) {
                broken.add(name + ": no " + status);
            }
        }
        responses.forEach((status, declared) -> {
            Object response = resolve(declared, shared);
            if (response == null) {
                broken.add(name + ": " + status + " refers to a response that is not declared");
            } else if ((status.startsWith("4") || status.startsWith("5")) && !mentions(response, PROBLEM)) {
                broken.add(name + ": " + status + " is not " + PROBLEM);
            }
        });
        Object body = operation.get("requestBody");
        if (body != null && !mentions(body, "example")) {
            broken.add(name + ": request body without an example");
        }
    }

    /** A response itself, or the shared one its {@code $ref} names; null when that is not declared. */
    private static Object resolve(Object response, Map<String, Object> shared) {
        if (response instanceof Map<?, ?> map && map.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return shared == null ? null : shared.get(name);
        }
        return response;
    }

    private static boolean mentions(Object node, String text) {
        return String.valueOf(node).contains(text);
    }
}
