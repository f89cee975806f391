package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.config.PiiConfig;
import org.iom.dna.intake.domain.CaseNotes;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.intake.domain.SamplingRequest;
import org.junit.jupiter.api.Test;

/** A submission becomes a case: scheduling facts in columns, everything personal sealed. */
class NewCasesTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 6, 15);
    private static final PersonalData.Contact PHONE = new PersonalData.Contact("+251911234567", null, null, null);
    private static final PersonalData.Guardian ESCORT = new PersonalData.Guardian("Escort", "UNHCR", "+251912345678");

    private final PersonalDataCipher cipher = new PersonalDataCipher(
            new PiiConfig() {
                @Override
                public List<String> keys() {
                    return List.of("k1:" + Base64.getEncoder().encodeToString(new byte[32]));
                }

                @Override
                public String activeKey() {
                    return "k1";
                }
            },
            new ObjectMapper().findAndRegisterModules());
    /** intake's copy of the registry as if it knew a centre in Shire, two in Addis Ababa, and one in Kakuma, Kenya. */
    private final RegistryCentres centres = new RegistryCentres(null) {
        @Override
        public String inCity(String country, String city, String preferredCentre) {
            return switch (country + "/" + city) {
                case "ET/Shire" -> "ET-SHI";
                case "ET/Addis Ababa" -> "ET-ADD".equals(preferredCentre) ? "ET-ADD" : "ET-AAA";
                case "KE/Kakuma" -> "KE-KAK";
                default -> null;
            };
        }
    };

    private final NewCases newCases = new NewCases(cipher, centres);

    private static NewFamilyCase.Member member(
            String ref, String born, NewFamilyCase.Needs needs, String accompaniedBy, PersonalData.Guardian guardian) {
        return new NewFamilyCase.Member(
                ref,
                "Selam",
                "Tesfay",
                born,
                "FEMALE",
                Relationship.SPOUSE,
                "ER",
                "SD",
                "Kassala",
                PHONE,
                "ti",
                needs,
                accompaniedBy,
                guardian);
    }

    /** An adult with no needs who lives in the city and country given. */
    private static NewFamilyCase.Member livingIn(String country, String city) {
        return new NewFamilyCase.Member(
                "M",
                "Selam",
                "Tesfay",
                "1990",
                "FEMALE",
                Relationship.SPOUSE,
                "ER",
                country,
                city,
                PHONE,
                "ti",
                null,
                null,
                null);
    }

    private static NewFamilyCase inEthiopia(String note, NewFamilyCase.Member... members) {
        return new NewFamilyCase(
                "IND-1", "V1", Priority.MEDICAL, DEADLINE, SamplingCountry.ET, null, "ET-ADD", note, List.of(members));
    }

    private static NewFamilyCase adHoc(String description, NewFamilyCase.Member... members) {
        return new NewFamilyCase(
                "IND-2",
                "V2",
                Priority.STANDARD,
                DEADLINE,
                null,
                new NewFamilyCase.AdHocLocation("KE", "Kakuma", description),
                null,
                null,
                List.of(members));
    }

    private PersonalData personal(FamilyMember m) {
        return cipher.openJson(m.piiKeyId, m.personalData, m.id, PersonalData.class);
    }

    @Test
    void shouldOpenTheCaseAsReceivedWithTheSubmittedFacts() {
        SamplingRequest request = newCases.create(inEthiopia(null, member("M", "1990", null, null, null)), "hash");

        assertThat(request)
                .extracting(
                        r -> r.indReference,
                        r -> r.caseNumber,
                        r -> r.priority,
                        r -> r.deadline,
                        r -> r.country,
                        r -> r.adHoc,
                        r -> r.preferredCentre,
                        r -> r.status,
                        r -> r.contentHash)
                .containsExactly(
                        "IND-1",
                        "V1",
                        Priority.MEDICAL,
                        DEADLINE,
                        "ET",
                        false,
                        "ET-ADD",
                        RequestStatus.RECEIVED,
                        "hash");
        assertThat(request.updatedAt).isEqualTo(request.receivedAt).isNotNull();
    }

    @Test
    void shouldTakeTheCountryAndCityOfAnAdHocLocation() {
        SamplingRequest request = newCases.create(adHoc(null, member("M", "1990", null, null, null)), "hash");

        assertThat(request)
                .extracting(r -> r.adHoc, r -> r.country, r -> r.adHocCity)
                .containsExactly(true, "KE", "Kakuma");
    }

    @Test
    void shouldLeaveTheCityEmptyForAnMhacCase() {
        SamplingRequest request = newCases.create(inEthiopia(null, member("M", "1990", null, null, null)), "hash");

        assertThat(request.adHocCity).isNull();
    }

    @Test
    void shouldStoreNoCaseNotesWhenThereIsNothingToKeep() {
        SamplingRequest request = newCases.create(inEthiopia(null, member("M", "1990", null, null, null)), "hash");

        assertThat(request.privateData).isNull();
        assertThat(request.piiKeyId).isNull();
    }

    @Test
    void shouldSealTheIndsNoteBoundToTheCase() {
        SamplingRequest request =
                newCases.create(inEthiopia("Calls after 18:00 only", member("M", "1990", null, null, null)), "hash");

        assertThat(new String(request.privateData, StandardCharsets.ISO_8859_1)).doesNotContain("18:00");
        assertThat(cipher.openJson(request.piiKeyId, request.privateData, request.id, CaseNotes.class))
                .isEqualTo(new CaseNotes("Calls after 18:00 only", null, null));
    }

    @Test
    void shouldSealTheDescriptionOfAnAdHocLocation() {
        SamplingRequest request =
                newCases.create(adHoc("behind the clinic", member("M", "1990", null, null, null)), "hash");

        assertThat(cipher.openJson(request.piiKeyId, request.privateData, request.id, CaseNotes.class))
                .isEqualTo(new CaseNotes(null, "behind the clinic", null));
    }

    @Test
    void shouldKeepTheMembersInTheOrderTheIndListedThem() {
        SamplingRequest request = newCases.create(
                inEthiopia(null, member("B", "1990", null, null, null), member("A", "1991", null, null, null)), "hash");

        assertThat(request.members)
                .extracting(m -> m.personRef, m -> m.position)
                .containsExactly(tuple("B", 0), tuple("A", 1));
        assertThat(request.members).allSatisfy(m -> assertThat(m.request).isSameAs(request));
    }

    @Test
    void shouldRecordTheYoungestPossibleAgeOnTheDeadline() {
        SamplingRequest request = newCases.create(
                inEthiopia(null, member("M", "1990", null, null, null), member("S", "2009", null, "M", null)), "hash");

        assertThat(request.members).extracting(m -> m.ageOnDeadline).containsExactly(36, 17);
    }

    @Test
    void shouldMarkAMemberUnderEighteenOnTheDeadlineAsAMinor() {
        SamplingRequest request = newCases.create(
                inEthiopia(null, member("M", "1990", null, null, null), member("S", "2009-06-16", null, "M", null)),
                "hash");

        assertThat(request.members).extracting(m -> m.minor).containsExactly(false, true);
    }

    @Test
    void shouldMarkAMemberWhoTurnsEighteenOnTheDeadlineAsAnAdult() {
        SamplingRequest request =
                newCases.create(inEthiopia(null, member("Y", "2009-06-15", null, null, null)), "hash");

        assertThat(request.members.get(0).minor).isFalse();
    }

    @Test
    void shouldKeepWhoAccompaniesAMinor() {
        SamplingRequest request = newCases.create(
                inEthiopia(null, member("M", "1990", null, null, null), member("S", "2015", null, "M", null)), "hash");

        assertThat(request.members.get(1).accompaniedBy).isEqualTo("M");
        assertThat(request.members.get(1).hasGuardian).isFalse();
    }

    @Test
    void shouldNoteThatAMinorComesWithAGuardian() {
        SamplingRequest request = newCases.create(inEthiopia(null, member("S", "2015", null, null, ESCORT)), "hash");

        assertThat(request.members.get(0).hasGuardian).isTrue();
        assertThat(personal(request.members.get(0)).guardian()).isEqualTo(ESCORT);
    }

    @Test
    void shouldCopyEachNeedIntoItsOwnColumn() {
        NewFamilyCase.Needs needs = new NewFamilyCase.Needs(true, false, true, "insulin twice a day");
        FamilyMember member = newCases.create(inEthiopia(null, member("M", "1990", needs, null, null)), "hash")
                .members
                .get(0);

        assertThat(member)
                .extracting(m -> m.needsInterpreter, m -> m.needsAccessibility, m -> m.needsMedical)
                .containsExactly(true, false, true);
    }

    @Test
    void shouldAssumeNoNeedsWhenNoneAreGiven() {
        FamilyMember member = newCases.create(inEthiopia(null, member("M", "1990", null, null, null)), "hash")
                .members
                .get(0);

        assertThat(member)
                .extracting(m -> m.needsInterpreter, m -> m.needsAccessibility, m -> m.needsMedical)
                .containsExactly(false, false, false);
        assertThat(personal(member).needsDetails()).isNull();
    }

    @Test
    void shouldKeepTheDetailsOfANeedOnlyInTheSealedPersonalData() {
        NewFamilyCase.Needs needs = new NewFamilyCase.Needs(false, false, true, "insulin twice a day");
        FamilyMember member = newCases.create(inEthiopia(null, member("M", "1990", needs, null, null)), "hash")
                .members
                .get(0);

        assertThat(personal(member).needsDetails()).isEqualTo("insulin twice a day");
        assertThat(new String(member.personalData, StandardCharsets.ISO_8859_1)).doesNotContain("insulin");
    }

    @Test
    void shouldSealEverythingThatIdentifiesOrReachesTheMember() {
        FamilyMember member = newCases.create(inEthiopia(null, member("M", "1990-05", null, null, null)), "hash")
                .members
                .get(0);

        assertThat(personal(member))
                .isEqualTo(
                        new PersonalData("Selam", "Tesfay", "1990-05", "FEMALE", "ER", "Kassala", PHONE, null, null));
        assertThat(member.piiKeyId).isEqualTo("k1");
    }

    @Test
    void shouldKeepTheCountryTheMemberLivesInForTheTravelLeadTime() {
        FamilyMember member = newCases.create(inEthiopia(null, member("M", "1990", null, null, null)), "hash")
                .members
                .get(0);

        assertThat(member.currentCountry).isEqualTo("SD");
        assertThat(member.language).isEqualTo("ti");
    }

    @Test
    void shouldBindEachMembersDataToThatMember() {
        SamplingRequest request = newCases.create(
                inEthiopia(null, member("M", "1990", null, null, null), member("F", "1988", null, null, null)), "hash");
        FamilyMember first = request.members.get(0);
        FamilyMember second = request.members.get(1);

        assertThat(first.id).isNotEqualTo(second.id);
        assertThatThrownBy(() -> cipher.open(first.piiKeyId, first.personalData, second.id))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldKeepTheCentreInTheCityWhereAMemberOfTheSamplingCountryLives() {
        FamilyMember member = newCases.create(inEthiopia(null, livingIn("ET", "Shire")), "hash")
                .members
                .get(0);

        assertThat(member.localCentre).isEqualTo("ET-SHI");
    }

    @Test
    void shouldAskForTheCasesPreferredCentreAmongThoseInTheMembersCity() {
        FamilyMember member = newCases.create(inEthiopia(null, livingIn("ET", "Addis Ababa")), "hash")
                .members
                .get(0);

        assertThat(member.localCentre).isEqualTo("ET-ADD");
    }

    @Test
    void shouldKeepNoLocalCentreForAMemberLivingInAnotherCountry() {
        FamilyMember member = newCases.create(inEthiopia(null, livingIn("SD", "Shire")), "hash")
                .members
                .get(0);

        assertThat(member.localCentre).isNull();
    }

    @Test
    void shouldKeepNoLocalCentreForAMemberInACityWithoutOne() {
        FamilyMember member = newCases.create(inEthiopia(null, livingIn("ET", "Gondar")), "hash")
                .members
                .get(0);

        assertThat(member.localCentre).isNull();
    }

    @Test
    void shouldKeepNoLocalCentreInAnAdHocCase() {
        FamilyMember member = newCases.create(adHoc(null, livingIn("KE", "Kakuma")), "hash")
                .members
                .get(0);

        assertThat(member.localCentre).isNull();
    }
}
