package org.iom.dna.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** No browser guesses what an answer is, and no cache keeps an API answer (it may hold personal data). */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void shouldTellBrowsersNotToGuessTheContentTypeOfAnApiAnswer() {
        given().get("/api/test-probe").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void shouldForbidCachingAnApiAnswer() {
        given().get("/api/test-probe").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void shouldTellBrowsersNotToGuessTheContentTypeOfAProblem() {
        given().get("/test/problems/not-found")
                .then()
                .statusCode(404)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void shouldLeaveCachingAloneOutsideTheApi() {
        given().get("/test/problems/not-found").then().header("Cache-Control", not(equalTo("no-store")));
    }
}
