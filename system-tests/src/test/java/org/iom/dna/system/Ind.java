package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.testing.Tokens;

/** The IND's side of intake, as the end-to-end tests play it: the example family, a case's status, a withdrawal. */
final class Ind {

    static final String INTAKE = System.getProperty("dna.intake.url", "http://localhost:8081");

    private Ind() {}

    /** The example family of intake's OpenAPI document, under a reference nobody used: {@code prefix-<uuid>}. */
    static Map<String, Object> exampleFamily(String referencePrefix) {
        Map<String, Object> example = given().queryParam("format", "json")
                .get(INTAKE + "/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths.'/api/v1/sampling-requests'.post.requestBody.content.'application/json'"
                        + ".examples.mother-and-son.value");
        Map<String, Object> family = new HashMap<>(example);
        family.put("indReference", referencePrefix + "-" + UUID.randomUUID());
        return family;
    }

    /**
     * The family with every member living in Kassala, across the border in Sudan: weeks of travel lead time, so a
     * family due within days can be seen by no centre and waits.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> livingAcrossTheBorder(Map<String, Object> family) {
        family.put(
                "members",
                ((List<Map<String, Object>>) family.get("members"))
                        .stream()
                                .map(member -> {
                                    Map<String, Object> abroad = new HashMap<>(member);
                                    abroad.put("currentCountry", "SD");
                                    abroad.put("currentCity", "Kassala");
                                    return abroad;
                                })
                                .toList());
        return family;
    }

    /**
     * The IND submits a family case; the answer is checked to be 201 Created, for the caller to check further.
     *
     * @param headers sent with the request besides the token (e.g. a W3C {@code traceparent})
     */
    static ValidatableResponse submit(Map<String, Object> family, Map<String, String> headers) {
        return given().headers(headers)
                .auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(family)
                .post(INTAKE + "/api/v1/sampling-requests")
                .then()
                .statusCode(201);
    }

    /** Waits (90 s at most) until intake shows the case in the status. */
    static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.indSystem())
                        .get(INTAKE + "/api/v1/sampling-requests/" + id)
                        .then()
                        .body("status", equalTo(status)));
    }

    /** The IND withdraws the case, which frees its places. */
    static void withdraw(String id) {
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "WITHDRAWN_BY_APPLICANT"))
                .post(INTAKE + "/api/v1/sampling-requests/" + id + "/cancellation")
                .then()
                .statusCode(200);
    }
}
