package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A country office re-plans a country on demand in the running suite: the packaged scheduling service loads the exact
 * solver's native libraries, plans the country's waiting and tentative families, and records the run with what it did
 * to each family, readable afterwards.
 */
class OptimiserRunEndToEndIT {

    private static final String SCHEDULING = System.getProperty("dna.scheduling.url", "http://localhost:8082");

    private String submitted;

    @AfterEach
    void withdrawTheFamily() {
        if (submitted != null) {
            Ind.withdraw(submitted);
        }
    }

    @Test
    void shouldReplanACountryOnDemandAndRecordWhatItDidToEachFamily() {
        // Due tomorrow and living across the border: the family waits with no day it could be given, which the run
        // counts (the waitlist says why).
        Map<String, Object> family = Ind.livingAcrossTheBorder(Ind.exampleFamily("IND-OPT"));
        family.put("deadline", LocalDate.now().plusDays(1).toString());
        submitted = Ind.submit(family, Map.of()).extract().path("id");
        Ind.awaitStatus(submitted, "WAITLISTED");

        String runId = given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("country", "ET"))
                .post(SCHEDULING + "/api/v1/optimiser-runs")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("APPLIED"))
                .body("trigger", equalTo("ON_DEMAND"))
                .body("families", greaterThanOrEqualTo(1))
                .body("objectiveAfter", notNullValue())
                .body("stillWaiting", greaterThanOrEqualTo(1))
                .body("detail", containsString("no centre-day they could be given"))
                .extract()
                .path("runId");

        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("country", "ET")
                .get(SCHEDULING + "/api/v1/optimiser-runs")
                .then()
                .statusCode(200)
                .body("runId", hasItem(runId));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(SCHEDULING + "/api/v1/optimiser-runs/" + runId)
                .then()
                .statusCode(200)
                .body("runId", equalTo(runId))
                .body("changes", notNullValue());
    }
}
