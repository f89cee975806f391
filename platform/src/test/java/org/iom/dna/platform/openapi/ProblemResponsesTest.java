package org.iom.dna.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.iom.dna.testing.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI document shows clients the errors they will get: each shared problem response with an example
 * of the type the API really answers, 401/403 on every secured operation and 503 on every operation of the API.
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final String DEAD_LETTERS = "paths.'/api/v1/operations/dead-letters'.get.responses";
    private JsonPath document;

    @BeforeEach
    void readTheDocument() {
        document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A request that fails with the shared response's status, and the answer's problem type. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "BadRequest, GET, /test/problems/invalid",
        "Unauthorized, GET, /api/v1/operations/dead-letters",
        "Forbidden, GET, /test/problems/not-allowed",
        "NotFound, GET, /test/problems/not-found",
        "PreconditionFailed, GET, /test/problems/stale",
        "PreconditionRequired, GET, /test/problems/version-required",
        "ServiceUnavailable, GET, /test/problems/database-away"
    })
    void shouldShowTheProblemTypeTheApiReallyAnswers(String name, String method, String path) {
        Response answer = given().request(method, path);

        Map<String, Object> example = example(name);
        assertThat(example.get("status")).isEqualTo(answer.statusCode());
        assertThat(example.get("type")).isEqualTo(answer.jsonPath().getString("type"));
    }

    @Test
    void shouldShowTheProblemTypeTheApiReallyAnswersForABodyTooLarge() {
        Response answer = given().contentType("application/json")
                .body("\"" + "x".repeat(300 * 1024) + "\"")
                .post("/test/problems/families");

        Map<String, Object> example = example(ProblemResponses.PAYLOAD_TOO_LARGE);
        assertThat(example.get("status")).isEqualTo(answer.statusCode());
        assertThat(example.get("type")).isEqualTo(answer.jsonPath().getString("type"));
    }

    @Test
    void shouldDescribeEverySharedResponseAsProblemDetails() {
        Map<String, Object> responses = document.getMap("components.responses");

        assertThat(responses)
                .containsKeys(
                        ProblemResponses.BAD_REQUEST,
                        ProblemResponses.UNAUTHORIZED,
                        ProblemResponses.FORBIDDEN,
                        ProblemResponses.NOT_FOUND,
                        ProblemResponses.CONFLICT,
                        ProblemResponses.PRECONDITION_FAILED,
                        ProblemResponses.PAYLOAD_TOO_LARGE,
                        ProblemResponses.PRECONDITION_REQUIRED,
                        ProblemResponses.SERVICE_UNAVAILABLE);
        responses
                .keySet()
                .forEach(name -> assertThat(document.getString(
                                "components.responses." + name + ".content.'application/problem+json'.schema.$ref"))
                        .as(name)
                        .isEqualTo("#/components/schemas/Problem"));
    }

    @Test
    void shouldNameEachFieldErrorByItsPathInTheBadRequestExample() {
        assertThat(example(ProblemResponses.BAD_REQUEST).get("errors").toString())
                .contains("path=$.");
    }

    @Test
    void shouldTellClientsHowLongToWaitWhenTheServiceIsUnavailable() {
        assertThat(document.getString("components.responses.ServiceUnavailable.headers.Retry-After.schema.type"))
                .isEqualTo("integer");
    }

    @Test
    void shouldAddUnauthorizedAndForbiddenToASecuredOperation() {
        assertThat(document.getString(DEAD_LETTERS + ".'401'.$ref")).isEqualTo("#/components/responses/Unauthorized");
        assertThat(document.getString(DEAD_LETTERS + ".'403'.$ref")).isEqualTo("#/components/responses/Forbidden");
    }

    @Test
    void shouldAddServiceUnavailableToAnOperationOfTheApi() {
        assertThat(document.getString(DEAD_LETTERS + ".'503'.$ref"))
                .isEqualTo("#/components/responses/ServiceUnavailable");
    }

    @Test
    void shouldKeepTheOperationsOwnResponses() {
        assertThat(document.getString(DEAD_LETTERS + ".'400'.$ref")).isEqualTo("#/components/responses/BadRequest");
        assertThat(document.getString(DEAD_LETTERS + ".'200'.description"))
                .isEqualTo("Parked records (without payloads)");
    }

    @Test
    void shouldLeaveOperationsOutsideTheApiAlone() {
        assertThat(document.getMap("paths.'/test/problems/not-found'.get.responses"))
                .doesNotContainKeys("401", "403", "503");
    }

    @Test
    void shouldPointSwaggerUisLoginAtTheRealmThatChecksTokens() {
        assertThat(document.getString("components.securitySchemes.keycloak.openIdConnectUrl"))
                .isEqualTo("http://localhost:8180/realms/dna/.well-known/openid-configuration");
    }

    @Test
    void shouldKeepTheSuitesOpenApiPromisesForTheOperationsApi() {
        assertThat(OpenApiContract.brokenPromises()).isEmpty();
    }

    private Map<String, Object> example(String name) {
        return document.getMap("components.responses." + name + ".content.'application/problem+json'.example");
    }
}
