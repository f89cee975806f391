package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Country-office staff use the APIs through Swagger UI: this walks the same authorization-code flow
 * with PKCE that Swagger UI's "Authorize" button runs against Keycloak, then calls the API with the token.
 */
class SwaggerUiLoginIT {

    private static final String INTAKE = System.getProperty("dna.intake.url", "http://localhost:8081");
    private static final String REDIRECT = INTAKE + "/q/swagger-ui/oauth2-redirect.html";

    @Test
    void shouldLetStaffLogInThroughSwaggerUiAndCallTheApi() throws Exception {
        given().get(INTAKE + "/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("clientId: 'swagger-ui'"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"));

        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        // Keycloak marks its login cookies Secure; browsers send those to http://localhost, REST Assured's
        // cookie store does not, so they are carried over by hand.
        var loginPageResponse = given().queryParam("client_id", "swagger-ui")
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", REDIRECT)
                .queryParam("scope", "openid")
                .queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256")
                .queryParam("state", "e2e")
                .get(Tokens.REALM_URL + "/protocol/openid-connect/auth")
                .then()
                .statusCode(200)
                .extract();
        String loginPage = loginPageResponse.asString();
        Matcher form = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage);
        assertTrue(form.find(), "Keycloak shows its login form");

        String location = given().cookies(loginPageResponse.cookies())
                .redirects()
                .follow(false)
                .formParam("username", "officer")
                .formParam("password", "demo-password")
                .post(form.group(1).replace("&amp;", "&"))
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        assertTrue(location.startsWith(REDIRECT), location);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);

        String token = given().formParam("grant_type", "authorization_code")
                .formParam("client_id", "swagger-ui")
                .formParam("code", code.group(1))
                .formParam("redirect_uri", REDIRECT)
                .formParam("code_verifier", verifier)
                .post(Tokens.REALM_URL + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        assertNotNull(token);

        given().auth()
                .oauth2(token)
                .get(INTAKE + "/api/v1/sampling-requests")
                .then()
                .statusCode(200);
    }
}
