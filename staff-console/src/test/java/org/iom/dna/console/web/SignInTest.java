package org.iom.dna.console.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Against the local Keycloak (deploy/local/suite infra): nobody sees a page without signing in, sign-in is the
 * authorization-code flow with PKCE, and only health, styles and scripts are public.
 */
@QuarkusTest
class SignInTest {

    @Test
    void shouldSendAnyoneNotSignedInToKeycloakWithAPkceChallenge() {
        for (String page :
                new String[] {"/", "/centres/ET-ADD/days/2027-01-12", "/countries/ET/waitlist", "/dead-letters"}) {
            given().redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(302)
                    .header("Location", containsString("/realms/dna/protocol/openid-connect/auth"))
                    .header("Location", containsString("client_id=staff-console"))
                    .header("Location", containsString("code_challenge_method=S256"))
                    .header("Location", containsString("code_challenge="));
        }
    }

    @Test
    void shouldNotTakeAFormPostFromSomeoneNotSignedIn() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("appointmentId", "8b0e4d3a-1c2f-4e5a-b6c7-d8e9f0a1b2c3")
                .formParam("memberRef", "P-1")
                .formParam("attendance", "NO_SHOW")
                .post("/centres/ET-ADD/days/2027-01-12/attendance")
                .then()
                .statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"));
    }

    @Test
    void shouldServeStylesAndScriptsToEveryoneCompressedAndLockedDown() {
        given().header("Accept-Encoding", "gzip")
                .get("/static/console.css")
                .then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe")));
        given().header("Accept-Encoding", "gzip")
                .get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")
                .then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
