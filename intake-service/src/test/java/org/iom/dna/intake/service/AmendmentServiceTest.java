package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.domain.CaseNotes;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.platform.domain.NotFound;
import org.junit.jupiter.api.Test;

/** What the IND's changes leave at rest: sealed channels, the cancellation comment kept next to the note. */
@QuarkusTest
class AmendmentServiceTest {

    private static final String NEW_PHONE = "+251922334455";

    @Inject
    SamplingRequestService cases;

    @Inject
    AmendmentService amendments;

    @Inject
    PersonalDataCipher cipher;

    private UUID submitted(String note) {
        return cases.submit(Families.family().note(note).build().toCommand()).request().id;
    }

    private CaseNotes notes(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SamplingRequest stored = SamplingRequest.findById(id);
            return stored.privateData == null
                    ? null
                    : cipher.openJson(stored.piiKeyId, stored.privateData, stored.id, CaseNotes.class);
        });
    }

    private FamilyMember mother(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        SamplingRequest.<SamplingRequest>findById(id).members.get(0));
    }

    private static PersonalData.Contact withNewPhone(PersonalData.Contact current) {
        return new PersonalData.Contact(NEW_PHONE, current.email(), current.whatsapp(), current.proxy());
    }

    @Test
    void shouldKeepTheCancellationCommentNextToTheIndsNote() {
        UUID id = submitted(Families.NOTE);

        amendments.cancel(id, CancellationReason.OTHER, "sponsor withdrew");

        assertThat(notes(id)).isEqualTo(new CaseNotes(Families.NOTE, null, "sponsor withdrew"));
    }

    @Test
    void shouldKeepACancellationCommentOnACaseWithoutNote() {
        UUID id = submitted(null);

        amendments.cancel(id, CancellationReason.OTHER, "sponsor withdrew");

        assertThat(notes(id)).isEqualTo(new CaseNotes(null, null, "sponsor withdrew"));
    }

    @Test
    void shouldStoreNothingForABlankCancellationComment() {
        UUID id = submitted(null);

        amendments.cancel(id, CancellationReason.OTHER, "  ");

        assertThat(notes(id)).isNull();
    }

    @Test
    void shouldStoreTheNewChannelsOnlyAsCiphertext() {
        UUID id = submitted(null);

        amendments.amendContact(id, Families.MOTHER, AmendmentServiceTest::withNewPhone);

        FamilyMember mother = mother(id);
        assertThat(new String(mother.personalData, StandardCharsets.ISO_8859_1)).doesNotContain(NEW_PHONE);
        assertThat(cipher.openJson(mother.piiKeyId, mother.personalData, mother.id, PersonalData.class)
                        .contact()
                        .phone())
                .isEqualTo(NEW_PHONE);
    }

    @Test
    void shouldKeepTheRestOfThePersonalDataWhenTheChannelsChange() {
        UUID id = submitted(null);

        amendments.amendContact(id, Families.MOTHER, AmendmentServiceTest::withNewPhone);

        FamilyMember mother = mother(id);
        PersonalData data = cipher.openJson(mother.piiKeyId, mother.personalData, mother.id, PersonalData.class);
        assertThat(data.givenName()).isEqualTo(Families.MOTHER_NAME);
        assertThat(data.dateOfBirth()).isEqualTo("1991");
        assertThat(data.contact().email()).isEqualTo(Families.MOTHER_EMAIL);
    }

    @Test
    void shouldMoveTheCaseOnWhenItsChannelsChange() {
        UUID id = submitted(null);
        var before =
                QuarkusTransaction.requiringNew().call(() -> SamplingRequest.<SamplingRequest>findById(id).updatedAt);

        SamplingRequest amended = amendments.amendContact(id, Families.MOTHER, AmendmentServiceTest::withNewPhone);

        assertThat(amended.updatedAt).isAfter(before);
    }

    @Test
    void shouldSayWhichMemberIsUnknown() {
        UUID id = submitted(null);

        NotFound notFound = catchThrowableOfType(NotFound.class, () -> amendments.amendContact(id, "P-404", c -> c));

        assertThat(notFound).hasMessage("family member does not exist");
    }

    @Test
    void shouldSayWhichCaseIsUnknownWhenCancelling() {
        NotFound notFound = catchThrowableOfType(
                NotFound.class, () -> amendments.cancel(UUID.randomUUID(), CancellationReason.OTHER, null));

        assertThat(notFound).hasMessage("sampling request does not exist");
    }
}
