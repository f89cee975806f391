package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the IND's developers read: the submission, its example and its error shape. */
@QuarkusTest
class OpenApiTest {

    private static String document() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void shouldDescribeTheSubmission() {
        assertThat(document()).contains("Submit a family case");
    }

    @Test
    void shouldShowASubmissionExampleTheIndCanSend() {
        assertThat(document()).contains("IND-2026-000123");
    }

    @Test
    void shouldDescribeErrorsAsProblemDetails() {
        assertThat(document()).contains("application/problem+json");
    }

    @Test
    void shouldDescribeTheContactAmendmentAsAMergePatch() {
        assertThat(document()).contains(MergePatch.MEDIA_TYPE);
    }
}
