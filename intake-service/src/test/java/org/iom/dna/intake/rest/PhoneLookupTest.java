package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.service.ReEncryption;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Staff find a case by a member's phone or WhatsApp number, which is stored only encrypted: the lookup goes through
 * keyed hashes, follows amendments, survives key rotation, ends with erasure, and is audited.
 */
@QuarkusTest
class PhoneLookupTest {

    private static final String BY_PHONE = Families.REQUESTS + "/by-phone";

    @Inject
    IntakeApi api;

    @Inject
    EntityManager em;

    @Inject
    ReEncryption reEncryption;

    /** A valid Ethiopian mobile number nobody else in the test database has. */
    private static String freshPhone() {
        return "+2519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private String caseWithMotherPhone(String phone, String whatsapp) {
        return api.submitted(Families.family()
                .members(
                        Families.member(Families.MOTHER)
                                .givenName(Families.MOTHER_NAME)
                                .contact(new ContactChannels(phone, null, whatsapp, null))
                                .build(),
                        Families.son())
                .build());
    }

    private static ValidatableResponse lookUp(String user, String phone) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParam("phone", phone)
                .get(BY_PHONE)
                .then();
    }

    @Test
    void shouldFindTheCaseByAMembersPhone() {
        String phone = freshPhone();
        String id = caseWithMotherPhone(phone, null);

        lookUp("officer", phone).statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void shouldFindTheCaseByAMembersWhatsAppNumber() {
        String whatsapp = freshPhone();
        String id = caseWithMotherPhone(freshPhone(), whatsapp);

        lookUp("admin", whatsapp).statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void shouldStoreTheNumberOnlyAsAKeyedHash() {
        String phone = freshPhone();
        String id = caseWithMotherPhone(phone, null);

        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select 1 from family_member m where m.request_id = ?1 and strpos(m::text, ?2) > 0")
                        .setParameter(1, UUID.fromString(id))
                        .setParameter(2, phone.substring(1))
                        .getResultList());
        assertThat(rows).isEmpty();
    }

    @Test
    void shouldFollowAnAmendedNumber() {
        String old = freshPhone();
        String fresh = freshPhone();
        String id = caseWithMotherPhone(old, null);
        ObjectNode patch = api.patch().put("phone", fresh);

        api.amend(id, Families.MOTHER, patch).statusCode(200);

        lookUp("officer", fresh).statusCode(200).body("items.id", hasItem(id));
        lookUp("officer", old).statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void shouldIndexRowsMadeBeforeTheIndexesExisted() {
        String phone = freshPhone();
        String id = caseWithMotherPhone(phone, null);
        // As a row from before the lookup indexes: none yet.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update family_member set phone_index = null,"
                                + " whatsapp_index = null, lookup_key_id = null where request_id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
        lookUp("officer", phone).statusCode(200).body("items", empty());

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    reEncryption.runToEnd();
                    lookUp("officer", phone).statusCode(200).body("items.id", hasItem(id));
                });
    }

    @Test
    void shouldNotFindAnErasedCase() {
        String phone = freshPhone();
        String id = caseWithMotherPhone(phone, null);
        api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);

        given().auth()
                .oauth2(Tokens.indSystem())
                .post(Families.REQUESTS + "/" + id + "/erasure")
                .then()
                .statusCode(200);

        lookUp("officer", phone).statusCode(200).body("items", empty());
    }

    @Test
    void shouldRefuseANumberThatIsNotE164() {
        lookUp("officer", "0911 234 567")
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors.path", hasItem("phone"));
    }

    @Test
    void shouldAuditEveryLookupWithWhoAskedAndNotTheNumber() {
        String phone = freshPhone();
        caseWithMotherPhone(phone, null);
        long before = lookups();

        lookUp("officer", phone).statusCode(200);

        assertThat(lookups()).isEqualTo(before + 1);
        List<?> withTheNumber = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select 1 from audit_trail a where strpos(a::text, ?1) > 0")
                        .setParameter(1, phone.substring(1))
                        .getResultList());
        assertThat(withTheNumber).isEmpty();
    }

    /** Audit rows of the lookup operation by the officer. */
    private long lookups() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from audit_trail where operation = ?1 and client_id is not null"
                                                + " and outcome = 'ALLOWED' and fields = 'phone (lookup)'")
                                .setParameter(1, "GET /api/v1/sampling-requests/by-phone")
                                .getSingleResult())
                        .longValue());
    }
}
