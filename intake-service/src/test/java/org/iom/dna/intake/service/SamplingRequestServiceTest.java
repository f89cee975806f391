package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.iom.dna.intake.domain.CaseNotes;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.Violation;
import org.junit.jupiter.api.Test;

/** Receiving a case: stored once per IND reference, personal data only as ciphertext. */
@QuarkusTest
class SamplingRequestServiceTest {

    @Inject
    SamplingRequestService service;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    EntityManager em;

    private static NewFamilyCase motherAndSon() {
        return Families.motherAndSon().toCommand();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> storedMembers(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(
                        "select personal_data, pii_key_id from family_member where request_id = ?1 order by position")
                .setParameter(1, id)
                .getResultList());
    }

    private Object[] storedCase(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Object[])
                        em.createNativeQuery("select private_data, pii_key_id from sampling_request where id = ?1")
                                .setParameter(1, id)
                                .getSingleResult());
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldStoreTheMembersPersonalDataOnlyAsCiphertext() {
        UUID id = service.submit(motherAndSon()).request().id;

        assertThat(storedMembers(id))
                .hasSize(2)
                .allSatisfy(row -> assertThat(text(row[0]))
                        .doesNotContain(
                                Families.MOTHER_NAME,
                                Families.FAMILY_NAME,
                                Families.MOTHER_PHONE,
                                Families.MOTHER_EMAIL,
                                Families.CITY,
                                "1991"));
    }

    @Test
    void shouldStoreTheIndsNoteOnlyAsCiphertext() {
        UUID id = service.submit(motherAndSon()).request().id;

        assertThat(text(storedCase(id)[0])).doesNotContain(Families.NOTE, "18:00");
    }

    @Test
    void shouldNameTheActiveKeyWithEveryCiphertext() {
        UUID id = service.submit(motherAndSon()).request().id;

        assertThat(storedCase(id)[1]).isEqualTo("dev1");
        assertThat(storedMembers(id)).extracting(row -> row[1]).containsOnly("dev1");
    }

    @Test
    void shouldOpenTheStoredPersonalDataWithTheKeyItNames() {
        UUID id = service.submit(motherAndSon()).request().id;

        PersonalData mother = QuarkusTransaction.requiringNew().call(() -> {
            SamplingRequest stored = SamplingRequest.findById(id);
            var m = stored.members.get(0);
            return cipher.openJson(m.piiKeyId, m.personalData, m.id, PersonalData.class);
        });
        assertThat(mother.givenName()).isEqualTo(Families.MOTHER_NAME);
        assertThat(mother.contact().phone()).isEqualTo(Families.MOTHER_PHONE);
    }

    @Test
    void shouldOpenTheStoredNoteWithTheKeyItNames() {
        UUID id = service.submit(motherAndSon()).request().id;

        CaseNotes notes = QuarkusTransaction.requiringNew().call(() -> {
            SamplingRequest stored = SamplingRequest.findById(id);
            return cipher.openJson(stored.piiKeyId, stored.privateData, stored.id, CaseNotes.class);
        });
        assertThat(notes).isEqualTo(new CaseNotes(Families.NOTE, null, null));
    }

    @Test
    void shouldCreateTheCaseOnTheFirstSubmission() {
        assertThat(service.submit(motherAndSon()).created()).isTrue();
    }

    @Test
    void shouldReturnTheStoredCaseForAnIdenticalResubmission() {
        NewFamilyCase submission = motherAndSon();
        UUID id = service.submit(submission).request().id;

        SubmissionResult again = service.submit(submission);

        assertThat(again.created()).isFalse();
        assertThat(again.request().id).isEqualTo(id);
    }

    @Test
    void shouldPointToTheStoredCaseWhenAUsedReferenceComesWithOtherContent() {
        String reference = Families.freshReference();
        UUID id = service.submit(
                        Families.family().indReference(reference).build().toCommand())
                .request()
                .id;
        NewFamilyCase other = Families.family()
                .indReference(reference)
                .note("another note")
                .build()
                .toCommand();

        Conflict conflict = catchThrowableOfType(Conflict.class, () -> service.submit(other));

        assertThat(conflict.kind()).isEqualTo("duplicate-reference");
        assertThat(conflict.existing()).isEqualTo(URI.create(Families.REQUESTS + "/" + id));
    }

    @Test
    void shouldRefuseASubmissionThatBreaksARuleWithEveryViolation() {
        NewFamilyCase broken =
                Families.family().preferredCentre("LB-BEY").build().toCommand();

        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, () -> service.submit(broken));

        assertThat(invalid.violations()).extracting(Violation::path).containsExactly("$.preferredCentre");
    }

    @Test
    void shouldStoreNothingForASubmissionThatBreaksARule() {
        NewFamilyCase broken =
                Families.family().preferredCentre("LB-BEY").build().toCommand();

        catchThrowableOfType(InvalidRequest.class, () -> service.submit(broken));

        assertThat(service.findByIndReference(broken.indReference())).isEmpty();
    }

    @Test
    void shouldFindACaseByTheIndsReference() {
        NewFamilyCase submission = motherAndSon();
        UUID id = service.submit(submission).request().id;

        assertThat(service.findByIndReference(submission.indReference()))
                .hasValueSatisfying(found -> assertThat(found.id).isEqualTo(id));
    }

    @Test
    void shouldFindNoHistoryForAnUnknownCase() {
        assertThat(service.history(UUID.randomUUID())).isEmpty();
    }
}
