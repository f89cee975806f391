package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.audit.AuditTrail;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * notification-service, and only it, reads a member's contact details just before sending; every read, and every
 * refused attempt, is in the audit trail with the caller's client, token and address.
 */
@QuarkusTest
class ContactResourceTest {

    private static final String NOTIFICATION_SERVICE = "service-account-notification-service";

    @Inject
    IntakeApi api;

    @Inject
    AuditTrail trail;

    @Inject
    jakarta.persistence.EntityManager em;

    private static final String OPERATION = "GET /internal/v1/sampling-requests/{id}/members/{personRef}/contact";

    /** The audit trail's rows about the case, oldest first. */
    private List<AuditTrail.Row> reads(String id) {
        List<AuditTrail.Row> rows = new java.util.ArrayList<>(trail.rows(id, 100).stream()
                .filter(r -> r.operation().equals(OPERATION))
                .toList());
        java.util.Collections.reverse(rows);
        return rows;
    }

    private static ValidatableResponse read(String id, String personRef, String purpose) {
        return given().auth()
                .oauth2(Tokens.notificationService())
                .queryParam("purpose", purpose)
                .get(IntakeApi.internalContactPath(id, personRef))
                .then();
    }

    @Test
    void shouldGiveNotificationServiceTheChannelsAndLanguageOfAMember() {
        String id = api.submitted();

        read(id, Families.MOTHER, "appointment-confirmation")
                .statusCode(200)
                .body("personRef", equalTo(Families.MOTHER))
                .body("phone", equalTo(Families.MOTHER_PHONE))
                .body("email", equalTo(Families.MOTHER_EMAIL))
                .body("whatsapp", nullValue())
                .body("language", equalTo("ti"));
    }

    @Test
    void shouldGiveTheNameToAddressTheMemberBy() {
        String id = api.submitted();

        read(id, Families.MOTHER, "appointment-confirmation")
                .statusCode(200)
                .body("givenName", equalTo(Families.MOTHER_NAME))
                .body("familyName", equalTo(Families.FAMILY_NAME));
    }

    @Test
    void shouldGiveTheProxyThroughWhomTheMemberIsReached() {
        ObjectNode patch = api.patch();
        patch.putObject("proxy")
                .put("name", "Tekle Berhe")
                .put("relation", "brother")
                .put("phone", "+251912345678");
        String id = api.submitted();
        api.amend(id, Families.MOTHER, patch).statusCode(200);

        read(id, Families.MOTHER, "appointment-confirmation")
                .statusCode(200)
                .body("proxy.name", equalTo("Tekle Berhe"))
                .body("proxy.relation", equalTo("brother"))
                .body("proxy.phone", equalTo("+251912345678"));
    }

    @Test
    void shouldAnswerWithNoChannelsForAMemberWhoHasNone() {
        String id = api.submitted();

        read(id, Families.SON, "appointment-confirmation")
                .statusCode(200)
                .body("phone", nullValue())
                .body("email", nullValue())
                .body("whatsapp", nullValue())
                .body("proxy", nullValue())
                .body("language", equalTo("ti"));
    }

    @Test
    void shouldAuditWhoReadWhoseDataThroughWhichClientAndToken() {
        String id = api.submitted();

        read(id, Families.MOTHER, "appointment-confirmation").statusCode(200);

        assertThat(reads(id)).singleElement().satisfies(access -> {
            assertThat(access.actor()).isEqualTo(NOTIFICATION_SERVICE);
            assertThat(access.clientId()).isEqualTo("notification-service");
            assertThat(access.subject()).isNotBlank().isNotEqualTo("anonymous");
            assertThat(access.tokenId()).isNotBlank();
            assertThat(access.source()).isNotBlank();
            assertThat(access.recordType()).isEqualTo("family-member");
            assertThat(access.personRef()).isEqualTo(Families.MOTHER);
            assertThat(access.fields()).contains("phone", "email");
            assertThat(access.outcome()).isEqualTo("ALLOWED");
            assertThat(access.statedPurpose()).isEqualTo("appointment-confirmation");
            assertThat(access.at()).isNotNull();
        });
    }

    @Test
    void shouldKeepTheStatedPurposeWithoutItsControlCharacters() {
        String id = api.submitted();

        read(id, Families.MOTHER, "appointment\u0000-confirmation\n").statusCode(200);

        assertThat(reads(id)).extracting(AuditTrail.Row::statedPurpose).containsExactly("appointment-confirmation");
    }

    @Test
    void shouldAuditEveryRead() {
        String id = api.submitted();

        read(id, Families.MOTHER, "appointment-confirmation").statusCode(200);
        read(id, Families.MOTHER, "appointment-reminder").statusCode(200);

        assertThat(reads(id))
                .extracting(AuditTrail.Row::statedPurpose)
                .containsExactly("appointment-confirmation", "appointment-reminder");
    }

    @Test
    void shouldAuditAReadWithoutAStatedPurpose() {
        String id = api.submitted();

        api.contact(id, Families.MOTHER).statusCode(200);

        assertThat(reads(id)).singleElement().satisfies(access -> {
            assertThat(access.outcome()).isEqualTo("ALLOWED");
            assertThat(access.statedPurpose()).isNull();
        });
    }

    @Test
    void shouldCutALongStatedPurposeToAHundredCharacters() {
        String id = api.submitted();
        String purpose = "r".repeat(100) + "-and-more";

        read(id, Families.MOTHER, purpose).statusCode(200);

        assertThat(reads(id)).extracting(AuditTrail.Row::statedPurpose).containsExactly("r".repeat(100));
    }

    @Test
    void shouldAuditAReadOfAnUnknownMemberAsNotFound() {
        String id = api.submitted();

        read(id, "P-404", "appointment-confirmation").statusCode(404);

        assertThat(reads(id)).singleElement().satisfies(access -> {
            assertThat(access.outcome()).isEqualTo("NOT_FOUND");
            assertThat(access.personRef()).isEqualTo("P-404");
        });
    }

    @Test
    void shouldAuditARefusedAttemptWithTheCallersClient() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.indSystem())
                .get(IntakeApi.internalContactPath(id, Families.MOTHER))
                .then()
                .statusCode(403);

        assertThat(reads(id)).singleElement().satisfies(access -> {
            assertThat(access.outcome()).isEqualTo("REFUSED");
            assertThat(access.clientId()).isEqualTo("ind-system");
        });
    }

    @Test
    void shouldHandOutNothingWhenTheReadCannotBeAudited() {
        String id = api.submitted();
        String signature = "audit_trail_append(timestamptz, text, text, text, text, text, text, text, text, text,"
                + " text, text, text)";
        // The trail cannot be written while its append function is away.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("alter function " + signature + " rename to audit_trail_append_away")
                        .executeUpdate());
        try {
            read(id, Families.MOTHER, "appointment-confirmation")
                    .statusCode(503)
                    .contentType(IntakeApi.PROBLEM)
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(Families.MOTHER_PHONE)));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("alter function "
                                    + signature.replace("audit_trail_append", "audit_trail_append_away")
                                    + " rename to audit_trail_append")
                            .executeUpdate());
        }
    }

    @Test
    void shouldKeepTheAuditChainIntact() {
        String id = api.submitted();
        read(id, Families.MOTHER, "appointment-confirmation").statusCode(200);

        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownMember() {
        String id = api.submitted();

        read(id, "P-404", "appointment-confirmation").statusCode(404).contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCase() {
        read(UUID.randomUUID().toString(), Families.MOTHER, "appointment-confirmation")
                .statusCode(404);
    }

    @Test
    void shouldForbidTheIndToReadContactDetailsHere() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.indSystem())
                .get(IntakeApi.internalContactPath(id, Families.MOTHER))
                .then()
                .statusCode(403)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldForbidACountryOfficeToReadContactDetails() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(IntakeApi.internalContactPath(id, Families.MOTHER))
                .then()
                .statusCode(403);
    }

    @Test
    void shouldForbidAnAdminToReadContactDetails() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.user("admin"))
                .get(IntakeApi.internalContactPath(id, Families.MOTHER))
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRequireATokenToReadContactDetails() {
        String id = api.submitted();

        given().get(IntakeApi.internalContactPath(id, Families.MOTHER)).then().statusCode(401);
    }

    @Test
    void shouldAuditAStaffMembersRefusedAttemptUnderTheirName() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(IntakeApi.internalContactPath(id, Families.MOTHER))
                .then()
                .statusCode(403);

        assertThat(reads(id)).singleElement().satisfies(access -> {
            assertThat(access.outcome()).isEqualTo("REFUSED");
            assertThat(access.actor()).isEqualTo("officer");
            assertThat(access.clientId()).isEqualTo("dna-cli");
        });
    }

    @Test
    void shouldLetOnlyAdminsReadTheAuditTrail() {
        given().auth()
                .oauth2(Tokens.user("admin"))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/audit")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.notificationService())
                .get("/api/v1/audit")
                .then()
                .statusCode(403);
    }
}
