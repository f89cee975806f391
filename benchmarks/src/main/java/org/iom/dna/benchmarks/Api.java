package org.iom.dna.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The suite's public API as the IND's systems use it: a client-credentials token from Keycloak (renewed before it
 * expires), family cases posted to intake and read back. Request bodies are intake's own OpenAPI example, made
 * unique per family.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COUNTRIES = List.of("ET", "IR", "LB", "SD", "TR");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String tokenUrl;
    private final String intakeUrl;
    private final String clientId;
    private final String clientSecret;
    private volatile String token;
    private volatile Instant tokenRenewAt = Instant.EPOCH;
    private ObjectNode example;

    Api(String keycloakUrl, String intakeUrl, String clientId, String clientSecret) {
        this.tokenUrl = keycloakUrl + "/realms/dna/protocol/openid-connect/token";
        this.intakeUrl = intakeUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A valid bearer token, renewed a minute before it runs out (one caller renews; the others keep the old). */
    String token() {
        if (Instant.now().isAfter(tokenRenewAt)) {
            synchronized (this) {
                if (Instant.now().isAfter(tokenRenewAt)) {
                    renewToken();
                }
            }
        }
        return token;
    }

    private void renewToken() {
        String form =
                "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + clientId + ": " + response.statusCode());
        }
        JsonNode body = read(response.body());
        token = body.get("access_token").asText();
        tokenRenewAt =
                Instant.now().plusSeconds(Math.max(10, body.get("expires_in").asLong() - 60));
    }

    /**
     * Family {@code n} of run {@code run}: the mother-and-son example with its own IND reference and e-mail address,
     * in one of the five MHAC countries (living there, so the short lead time applies), no preferred centre and no
     * interpreter (an interpreter would limit it to centres with one). The mother keeps only her e-mail address, so
     * the confirmation measured is the one handed to the SMTP server.
     */
    String familyBody(String run, int n) {
        return familyBody(run, n, null);
    }

    /** As {@link #familyBody(String, int)}, with a deadline of its own (e.g. one no slot can meet). */
    String familyBody(String run, int n, java.time.LocalDate deadline) {
        ObjectNode body = example().deepCopy();
        if (deadline != null) {
            body.put("deadline", deadline.toString());
        }
        String country = COUNTRIES.get(n % COUNTRIES.size());
        body.put("indReference", "BENCH-" + run + "-" + n);
        body.put("country", country);
        body.putNull("preferredCentre");
        for (JsonNode member : body.withArray("members")) {
            ObjectNode m = (ObjectNode) member;
            m.put("currentCountry", country);
            ((ObjectNode) m.get("needs")).put("interpreter", false);
        }
        ObjectNode contact = (ObjectNode) body.withArray("members").get(0).get("contact");
        contact.removeAll();
        contact.put("email", "bench-" + run + "-" + n + "@example.org");
        return body.toString();
    }

    private synchronized ObjectNode example() {
        if (example == null) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(intakeUrl + "/q/openapi?format=json"))
                            .GET()
                            .build());
            JsonNode node = read(response.body())
                    .at("/paths/~1api~1v1~1sampling-requests/post/requestBody/content/application~1json/examples"
                            + "/mother-and-son/value");
            if (!node.isObject()) {
                throw new IllegalStateException("intake's OpenAPI document has no mother-and-son example");
            }
            example = (ObjectNode) node;
        }
        return example;
    }

    /** POSTs a family; returns the new case's id (a 200 for a resend is an error here: every body is new). */
    UUID submit(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/sampling-requests"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST answered " + response.statusCode());
        }
        return UUID.fromString(read(response.body()).get("id").asText());
    }

    /** GETs a family case by id. */
    void read(UUID id) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/sampling-requests/" + id))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("GET answered " + response.statusCode());
        }
    }

    /**
     * Empties the local mail server (GreenMail keeps every message in memory, and a run sends tens of thousands). The
     * figures come from the services' databases, never from the mailboxes.
     */
    void purgeMail(String mailApi) {
        send(HttpRequest.newBuilder(URI.create(mailApi + "/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
