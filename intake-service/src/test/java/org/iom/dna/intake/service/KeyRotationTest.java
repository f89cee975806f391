package org.iom.dna.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.iom.dna.intake.config.PiiConfig;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: data sealed with a retired key stays readable while it is listed, and a re-encryption run seals it
 * again with the active key, every value unchanged. The test profile lists a retired key beside the active one.
 */
@QuarkusTest
class KeyRotationTest {

    private static final String RETIRED = "retired-test";
    private static final String KEYS = "/api/v1/personal-data/keys";

    @Inject
    IntakeApi api;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    PiiConfig config;

    /** The application's keys, but sealing with the retired one: how rows written before the rotation look. */
    private PersonalDataCipher beforeTheRotation() {
        return new PersonalDataCipher(
                new PiiConfig() {
                    @Override
                    public List<String> keys() {
                        return config.keys();
                    }

                    @Override
                    public String activeKey() {
                        return RETIRED;
                    }
                },
                json);
    }

    /** Seals the case's member records and notes again with the retired key, as if written before the rotation. */
    private void sealWithTheRetiredKey(String id, PersonalDataCipher current) {
        PersonalDataCipher old = beforeTheRotation();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] row : rows("family_member", "personal_data", "request_id", id)) {
                reseal(old, current, "family_member", "personal_data", row);
            }
            for (Object[] row : rows("sampling_request", "private_data", "id", id)) {
                reseal(old, current, "sampling_request", "private_data", row);
            }
        });
    }

    private void reseal(PersonalDataCipher old, PersonalDataCipher current, String table, String column, Object[] row) {
        UUID owner = (UUID) row[0];
        PersonalDataCipher.Sealed sealed = old.seal(current.open((String) row[1], (byte[]) row[2], owner), owner);
        em.createNativeQuery("update " + table + " set " + column + " = ?1, pii_key_id = ?2 where id = ?3")
                .setParameter(1, sealed.ciphertext())
                .setParameter(2, sealed.keyId())
                .setParameter(3, owner)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String table, String column, String by, String id) {
        return em.createNativeQuery("select id, pii_key_id, " + column + " from " + table + " where " + by
                        + " = ?1 and " + column + " is not null order by id")
                .setParameter(1, UUID.fromString(id))
                .getResultList();
    }

    private List<Object[]> sealed(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> all = new java.util.ArrayList<>(rows("family_member", "personal_data", "request_id", id));
            all.addAll(rows("sampling_request", "private_data", "id", id));
            return all;
        });
    }

    private static ValidatableResponse contact(String id, String personRef) {
        return given().auth()
                .oauth2(Tokens.notificationService())
                .queryParam("purpose", "key-rotation-test")
                .get(IntakeApi.internalContactPath(id, personRef))
                .then();
    }

    @Inject
    PersonalDataCipher cipher;

    @Inject
    ReEncryption reEncryption;

    @Test
    void shouldKeepDataSealedWithARetiredKeyReadable() {
        String id = api.submitted();
        sealWithTheRetiredKey(id, cipher);

        assertThat(sealed(id)).isNotEmpty().allSatisfy(row -> assertThat(row[1]).isEqualTo(RETIRED));
        contact(id, Families.MOTHER)
                .statusCode(200)
                .body("phone", equalTo(Families.MOTHER_PHONE))
                .body("givenName", equalTo(Families.MOTHER_NAME));
    }

    @Test
    void shouldSealEverythingAgainWithTheActiveKeyAndChangeNoValue() {
        String id = api.submitted();
        sealWithTheRetiredKey(id, cipher);
        List<Object[]> before = sealed(id);

        given().auth()
                .oauth2(Tokens.user("admin"))
                .post("/api/v1/personal-data/re-encryption")
                .then()
                .statusCode(202)
                .body("activeKey", equalTo("dev1"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(sealed(id))
                        .allSatisfy(row -> assertThat(row[1]).isEqualTo("dev1")));

        List<Object[]> after = sealed(id);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < after.size(); i++) {
            assertThat(Arrays.equals((byte[]) after.get(i)[2], (byte[]) before.get(i)[2]))
                    .as("the ciphertext is new")
                    .isFalse();
        }
        contact(id, Families.MOTHER)
                .statusCode(200)
                .body("phone", equalTo(Families.MOTHER_PHONE))
                .body("email", equalTo(Families.MOTHER_EMAIL))
                .body("givenName", equalTo(Families.MOTHER_NAME));
        Object[] notes = after.get(after.size() - 1);
        assertThat(new String(cipher.open("dev1", (byte[]) notes[2], (UUID) notes[0]), StandardCharsets.UTF_8))
                .contains(Families.NOTE);
    }

    @Test
    void shouldCountTheRowsEachKeySealsForTheAdmin() {
        String id = api.submitted();
        sealWithTheRetiredKey(id, cipher);

        given().auth()
                .oauth2(Tokens.user("admin"))
                .get(KEYS)
                .then()
                .statusCode(200)
                .body("activeKey", equalTo("dev1"))
                .body("keys.find { it.keyId == 'retired-test' }.configured", equalTo(true))
                .body("keys.find { it.keyId == 'retired-test' }.active", equalTo(false));
        int members = given().auth()
                .oauth2(Tokens.user("admin"))
                .get(KEYS)
                .then()
                .extract()
                .path("keys.find { it.keyId == 'retired-test' }.members");
        assertThat(members).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldLeaveARowThatDoesNotDecryptAsItIsAndSealTheRest() {
        String damaged = api.submitted();
        String sound = api.submitted();
        sealWithTheRetiredKey(damaged, cipher);
        sealWithTheRetiredKey(sound, cipher);
        // The first member's ciphertext copied onto the second: bound to another row, it cannot be opened.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update family_member set personal_data = (select personal_data from family_member"
                                        + " where request_id = ?1 and position = 0) where request_id = ?1 and position = 1")
                        .setParameter(1, UUID.fromString(damaged))
                        .executeUpdate());

        try {
            // Another run (the scheduled one) may hold some rows for a moment: run until they are done.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        reEncryption.runToEnd();
                        assertThat(sealed(sound))
                                .allSatisfy(row -> assertThat(row[1]).isEqualTo("dev1"));
                    });
            assertThat(sealed(damaged))
                    .filteredOn(row -> RETIRED.equals(row[1]))
                    .singleElement()
                    .satisfies(row -> assertThat(row[0]).isNotEqualTo(UUID.fromString(damaged)));
        } finally {
            // Gone, so that no later run meets it again.
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("delete from sampling_request where id = ?1")
                            .setParameter(1, UUID.fromString(damaged))
                            .executeUpdate());
        }
    }
}
