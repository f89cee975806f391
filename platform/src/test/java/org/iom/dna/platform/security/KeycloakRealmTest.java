package org.iom.dna.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm every service trusts defends its passwords: guessing locks the account (brute-force protection), and a
 * short password cannot be set; staff tokens are short-lived. Against the local Keycloak with deploy/keycloak/dna-realm.json; the lockout is tried
 * on a user of its own, so that no other test's account is locked.
 */
class KeycloakRealmTest {

    private static final String KEYCLOAK = System.getProperty("dna.keycloak.url", "http://localhost:8180");
    private static final String TOKEN = KEYCLOAK + "/realms/dna/protocol/openid-connect/token";
    private static final String PROBE = "lockout-probe";

    @Test
    void shouldLockAnAccountAfterFiveWrongPasswords() {
        for (int i = 0; i < 5; i++) {
            assertThat(login(PROBE, "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }

        Response withTheRightPassword = login(PROBE, "lockout-probe-demo-2026");

        assertThat(withTheRightPassword.statusCode()).isNotEqualTo(200);
        assertThat(withTheRightPassword.asString()).doesNotContain("access_token");
    }

    @Test
    void shouldRefuseToSetAShortPassword() {
        String admin = given().formParams(Map.of(
                        "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        List<String> ids = given().auth()
                .oauth2(admin)
                .queryParam("username", PROBE)
                .queryParam("exact", true)
                .get(KEYCLOAK + "/admin/realms/dna/users")
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        Response reset = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("type", "password", "value", "short", "temporary", false))
                .put(KEYCLOAK + "/admin/realms/dna/users/" + ids.get(0) + "/reset-password");

        assertThat(reset.statusCode()).isEqualTo(400);
        assertThat(reset.asString()).contains("invalidPasswordMinLengthMessage");
    }

    @Test
    void shouldGiveStaffTokensOfFiveMinutesAndMachinesOfFifteen() {
        Response staff = login("officer", "demo-password");
        Response ind = given().formParams(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "ind-system",
                        "client_secret",
                        "ind-system-dev-secret"))
                .post(TOKEN);

        // A staff member's token (a shared laptop at a centre, a browser tab left open) is worth little once lost;
        // a machine client keeps its secret on a server and renews its token itself.
        assertThat(staff.<Integer>path("expires_in")).isEqualTo(300);
        // Signed in for at most half an hour without use (the refresh token's life), ten hours in all.
        assertThat(staff.<Integer>path("refresh_expires_in")).isEqualTo(1800);
        assertThat(ind.<Integer>path("expires_in")).isEqualTo(900);
    }

    private static Response login(String user, String password) {
        return given().formParams(Map.of(
                        "grant_type", "password", "client_id", "dna-cli", "username", user, "password", password))
                .post(TOKEN);
    }
}
