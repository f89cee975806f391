package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDescribeSubmissionWithExampleAndProblemResponses() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("Submit a family case"))
                .body(containsString("IND-2026-000123"))
                .body(containsString("application/problem+json"));
    }
}
