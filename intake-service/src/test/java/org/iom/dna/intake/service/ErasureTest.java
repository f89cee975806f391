package org.iom.dna.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.SamplingRequestErasedV1;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.audit.AuditTrail;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A closed case's personal data is erased when its retention after closing runs out, or at once when the IND asks:
 * nothing that identifies or reaches a person, or leads to one, is left; anonymous facts stay; the other services are
 * told; the audit trail records the erasure.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    IntakeApi api;

    @Inject
    Erasure erasure;

    @Inject
    AuditTrail trail;

    @Inject
    EntityManager em;

    private static ValidatableResponse erase(String token, String id) {
        return given().auth()
                .oauth2(token)
                .post(Families.REQUESTS + "/" + id + "/erasure")
                .then();
    }

    /** A submitted case, cancelled by the IND; one contact attempt recorded for the mother. */
    private String cancelledCase() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);
        sql(
                "insert into contact_attempt (request_id, delivery_id, person_ref, kind, channel, attempt, outcome, at)"
                        + " values (?1, gen_random_uuid(), 'P-1', 'CONFIRMATION', 'SMS', 1, 'DELIVERED', now())",
                id);
        return id;
    }

    private void sql(String statement, String id) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(statement)
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<Object> column(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object>)
                em.createNativeQuery(sql).setParameter(1, UUID.fromString(id)).getResultList());
    }

    @Test
    void shouldEraseAClosedCaseAtTheIndsRequestAndKeepOnlyAnonymousFacts() {
        String id = cancelledCase();

        erase(Tokens.indSystem(), id)
                .statusCode(200)
                .body("erasure.reason", equalTo("IND_REQUEST"))
                .body("erasure.at", notNullValue())
                .body("indReference", equalTo("erased:" + id))
                .body("caseNumber", equalTo("erased"))
                .body("status", equalTo("CANCELLED"))
                .body("members.personRef", contains("#1", "#2"))
                .body("members.accompaniedBy", contains(null, "#1"))
                .body("members.relationship", contains("SPOUSE", "CHILD"));

        assertThat(column(
                        "select personal_data is null and pii_key_id is null from family_member where request_id = ?1",
                        id))
                .containsOnly(true);
        assertThat(column(
                        "select private_data is null and ad_hoc_city is null and content_hash = repeat('0', 64)"
                                + " from sampling_request where id = ?1",
                        id))
                .containsExactly(true);
        assertThat(column("select person_ref from contact_attempt where request_id = ?1", id))
                .containsExactly("#1");
    }

    @Test
    void shouldNoLongerGiveNotificationAnyContactDetail() {
        String id = cancelledCase();

        erase(Tokens.indSystem(), id).statusCode(200);

        for (String ref : List.of(Families.MOTHER, "#1")) {
            given().auth()
                    .oauth2(Tokens.notificationService())
                    .get(IntakeApi.internalContactPath(id, ref))
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void shouldTellTheOtherServicesOnce() {
        String id = cancelledCase();

        erase(Tokens.indSystem(), id).statusCode(200);
        erase(Tokens.indSystem(), id).statusCode(200).body("erasure.reason", equalTo("IND_REQUEST"));

        assertThat(api.events(id, SamplingRequestErasedV1.TYPE))
                .singleElement()
                .satisfies(row -> assertThat(api.read(row.payload, SamplingRequestErasedV1.class))
                        .satisfies(e -> {
                            assertThat(e.requestId()).isEqualTo(UUID.fromString(id));
                            assertThat(e.reason()).isEqualTo("IND_REQUEST");
                        }));
    }

    @Test
    void shouldRefuseToEraseAnOpenCase() {
        String id = api.submitted();

        erase(Tokens.indSystem(), id)
                .statusCode(409)
                .contentType(IntakeApi.PROBLEM)
                .body("type", org.hamcrest.Matchers.endsWith("case-open"));
        api.get(Tokens.indSystem(), id).statusCode(200).body("indReference", org.hamcrest.Matchers.not("erased:" + id));
    }

    @Test
    void shouldRecordTheErasureInTheAuditTrailWithoutValues() {
        String id = cancelledCase();

        erase(Tokens.indSystem(), id).statusCode(200);

        assertThat(trail.rows(id, 100))
                .filteredOn(r -> r.operation().endsWith("/erasure"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.clientId()).isEqualTo("ind-system");
                    assertThat(r.fields()).isEqualTo("all personal data (erased)");
                    assertThat(r.outcome()).isEqualTo("ALLOWED");
                });
    }

    @Test
    void shouldEraseClosedCasesWhoseRetentionRanOut() {
        String expired = cancelledCase();
        String recent = cancelledCase();
        String open = api.submitted();
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        for (String id : List.of(expired, open)) {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("update sampling_request set updated_at = ?2 where id = ?1")
                            .setParameter(1, UUID.fromString(id))
                            .setParameter(2, longAgo)
                            .executeUpdate());
        }

        erasure.eraseExpired();

        api.get(Tokens.indSystem(), expired).statusCode(200).body("erasure.reason", equalTo("RETENTION"));
        api.get(Tokens.indSystem(), recent).statusCode(200).body("erasure", org.hamcrest.Matchers.nullValue());
        api.get(Tokens.indSystem(), open).statusCode(200).body("erasure", org.hamcrest.Matchers.nullValue());
        assertThat(trail.rows(expired, 100))
                .filteredOn(r -> r.statedPurpose() != null && r.statedPurpose().equals("RETENTION"))
                .singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo("retention job"));
    }
}
