package org.iom.dna.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A caller who sends more than its allowance is told to slow down (429 with Retry-After) instead of loading the
 * service; other callers go on. Here the allowance is 3 requests in a row, regained slowly.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallAllowance.class)
class RateLimitTest {

    private static final String DEAD_LETTERS = "/api/v1/operations/dead-letters";
    /** Any /api/ answer; each test spends the allowance of a user of its own. */
    private static final String PROBE = "/api/test-probe";

    public static class SmallAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dna.rate-limit.enabled", "true", "dna.rate-limit.burst", "3", "dna.rate-limit.per-second", "0.1");
        }
    }

    @Test
    void shouldTellACallerOverItsAllowanceToSlowDown() {
        String staff = Tokens.user("staff-addis");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(staff).get(PROBE).then().statusCode(200);
        }

        Response refused = given().auth().oauth2(staff).get(PROBE);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(refused.jsonPath().getString("type"))
                .isEqualTo(Problem.type("too-many-requests").toString());
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void shouldLetOtherCallersGoOn() {
        String staff = Tokens.user("staff-beirut");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(staff).get(PROBE);
        }

        given().auth().oauth2(Tokens.user("officer")).get(PROBE).then().statusCode(200);
    }

    @Test
    void shouldNotCountRequestsWithoutAValidToken() {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2("not-a-token").get(DEAD_LETTERS).then().statusCode(401);
        }
    }
}
