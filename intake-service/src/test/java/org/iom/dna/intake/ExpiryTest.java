package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.iom.dna.intake.service.CaseProgressService;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** A case whose deadline passes before sampling becomes EXPIRED; sampled and cancelled cases stay as they are. */
@QuarkusTest
class ExpiryTest {

    @Inject
    CaseProgressService progress;

    @Inject
    EntityManager em;

    private void deadlinePassed(String id) {
        // The API refuses past deadlines, so time is moved on in the database instead.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update sampling_request set deadline = current_date - 1 where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
    }

    @Test
    void shouldExpireOpenCasesWhoseDeadlinePassed() {
        String open = Families.submitted();
        String cancelled = Families.submitted();
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType("application/json")
                .body("{\"reason\": \"DUPLICATE\"}")
                .post(Families.REQUESTS + "/" + cancelled + "/cancellation")
                .then()
                .statusCode(200);
        deadlinePassed(open);
        deadlinePassed(cancelled);

        progress.expireOverdue();

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(Families.REQUESTS + "/" + open)
                .then()
                .body("status", equalTo("EXPIRED"));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(Families.REQUESTS + "/" + open + "/history")
                .then()
                .body("transitions.to", hasItem("EXPIRED"));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(Families.REQUESTS + "/" + cancelled)
                .then()
                .body("status", equalTo("CANCELLED"));
    }
}
