package org.iom.dna.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local Keycloak (realm {@code dna}, imported from
 * deploy/keycloak/dna-realm.json). Tests use these instead of forged tokens so that issuer,
 * signature, audience and role mapping are checked exactly as in production.
 */
public final class Tokens {

    /** Use localhost: the token's issuer follows the host name it was fetched from. */
    public static final String REALM_URL =
            System.getProperty("dna.keycloak.realm-url", "http://localhost:8180/realms/dna");
    /** Development password of every demo user; the realm is for local use only. */
    private static final String DEMO_PASSWORD = "demo-password";

    private record Cached(String token, Instant expires) {}

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** The IND's machine client (client-credentials grant), role {@code ind-system}. */
    public static String indSystem() {
        return clientCredentials("ind-system", "ind-system-dev-secret");
    }

    /** notification-service's service account, role {@code notification-service}. */
    public static String notificationService() {
        return clientCredentials("notification-service", "notification-service-dev-secret");
    }

    /** A demo user: {@code officer}, {@code staff-addis}, {@code staff-beirut} or {@code admin}. */
    public static String user(String username) {
        return CACHE.compute(
                        "user:" + username,
                        (k, cached) -> fresh(cached)
                                ? cached
                                : fetch(Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "dna-cli",
                                        "username",
                                        username,
                                        "password",
                                        DEMO_PASSWORD)))
                .token();
    }

    public static String clientCredentials(String clientId, String secret) {
        return CACHE.compute(
                        "client:" + clientId,
                        (k, cached) -> fresh(cached)
                                ? cached
                                : fetch(Map.of(
                                        "grant_type",
                                        "client_credentials",
                                        "client_id",
                                        clientId,
                                        "client_secret",
                                        secret)))
                .token();
    }

    private static boolean fresh(Cached cached) {
        return cached != null && Instant.now().isBefore(cached.expires());
    }

    private static Cached fetch(Map<String, String> form) {
        var response = given().formParams(form)
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract();
        int lifetime = response.path("expires_in");
        return new Cached(response.path("access_token"), Instant.now().plusSeconds(lifetime - 30L));
    }
}
