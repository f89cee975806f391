package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.platform.domain.Violation;
import org.junit.jupiter.api.Test;

/** The rules that span several fields of a submission, one smallest breaking case each, with the path the IND sees. */
class SubmissionRulesTest {

    /** Never 31 December, so that a birth year alone leaves the age on the deadline open. */
    private static final LocalDate DEADLINE = LocalDate.now().plusMonths(6).withDayOfMonth(15);

    private static final PersonalData.Contact EMAIL = new PersonalData.Contact(null, "mother@example.org", null, null);
    private static final PersonalData.Guardian ESCORT = new PersonalData.Guardian("Escort", "UNHCR", null);

    private static NewFamilyCase.Member member(
            String ref,
            String born,
            PersonalData.Contact contact,
            String accompaniedBy,
            PersonalData.Guardian guardian) {
        return new NewFamilyCase.Member(
                ref,
                "Given",
                "Family",
                born,
                "FEMALE",
                Relationship.CHILD,
                "ER",
                "ET",
                "Shire",
                contact,
                "ti",
                null,
                accompaniedBy,
                guardian);
    }

    private static NewFamilyCase.Member adult(String ref) {
        return member(ref, "1990", EMAIL, null, null);
    }

    private static NewFamilyCase.Member child(String ref, String accompaniedBy) {
        return member(ref, String.valueOf(LocalDate.now().getYear() - 8), null, accompaniedBy, null);
    }

    private static NewFamilyCase family(
            SamplingCountry country,
            NewFamilyCase.AdHocLocation adHoc,
            String preferredCentre,
            NewFamilyCase.Member... members) {
        return new NewFamilyCase(
                "IND-1", "V1", Priority.STANDARD, DEADLINE, country, adHoc, preferredCentre, null, List.of(members));
    }

    private static NewFamilyCase inEthiopia(NewFamilyCase.Member... members) {
        return family(SamplingCountry.ET, null, null, members);
    }

    private static List<String> paths(NewFamilyCase submission) {
        return SubmissionRules.violations(submission).stream()
                .map(Violation::path)
                .toList();
    }

    @Test
    void shouldAcceptAMotherWithHerSon() {
        assertThat(paths(family(SamplingCountry.ET, null, "ET-ADD", adult("M"), child("S", "M"))))
                .isEmpty();
    }

    @Test
    void shouldRequireACountryOrAnAdHocLocation() {
        assertThat(paths(family(null, null, null, adult("M")))).containsExactly("$.country");
    }

    @Test
    void shouldRefuseBothACountryAndAnAdHocLocation() {
        NewFamilyCase.AdHocLocation camp = new NewFamilyCase.AdHocLocation("ET", "Shire", null);

        assertThat(paths(family(SamplingCountry.ET, camp, null, adult("M")))).containsExactly("$.country");
    }

    @Test
    void shouldAcceptAnAdHocLocationInsteadOfACountry() {
        NewFamilyCase.AdHocLocation camp = new NewFamilyCase.AdHocLocation("KE", "Kakuma", "refugee camp");

        assertThat(paths(family(null, camp, null, adult("M")))).isEmpty();
    }

    @Test
    void shouldSayWhyTheLocationIsRefused() {
        assertThat(SubmissionRules.violations(family(null, null, null, adult("M"))))
                .extracting(Violation::message)
                .containsExactly("give either country or adHocLocation, not both or neither");
    }

    @Test
    void shouldRefuseAPreferredCentreInAnotherCountry() {
        assertThat(paths(family(SamplingCountry.ET, null, "LB-BEY", adult("M"))))
                .containsExactly("$.preferredCentre");
    }

    @Test
    void shouldAcceptAPreferredCentreInTheSamplingCountry() {
        assertThat(paths(family(SamplingCountry.LB, null, "LB-BEY", adult("M"))))
                .isEmpty();
    }

    @Test
    void shouldRefuseAPreferredCentreWithoutTheCountryAndDashPrefix() {
        // A centre in ET is "ET-" and a site code; the country letters alone are not enough.
        assertThat(paths(family(SamplingCountry.ET, null, "ETADD", adult("M")))).containsExactly("$.preferredCentre");
    }

    @Test
    void shouldRefuseAPersonReferenceUsedTwice() {
        assertThat(paths(inEthiopia(adult("M"), adult("M")))).containsExactly("$.members[1].personRef");
    }

    @Test
    void shouldRefuseABirthDateInTheFuture() {
        NewFamilyCase.Member unborn = member("M", String.valueOf(LocalDate.now().getYear() + 1), EMAIL, null, ESCORT);

        assertThat(paths(inEthiopia(unborn))).containsExactly("$.members[0].dateOfBirth");
    }

    @Test
    void shouldAlsoCountAnUnbornMemberAsAMinorWhoNeedsCompany() {
        NewFamilyCase.Member unborn = member("M", String.valueOf(LocalDate.now().getYear() + 1), EMAIL, null, null);

        assertThat(paths(inEthiopia(unborn))).containsExactly("$.members[0].dateOfBirth", "$.members[0].accompaniedBy");
    }

    @Test
    void shouldAcceptSomeoneBornToday() {
        NewFamilyCase.Member newborn = member("B", LocalDate.now().toString(), null, "M", null);

        assertThat(paths(inEthiopia(adult("M"), newborn))).isEmpty();
    }

    @Test
    void shouldAcceptABirthYearThatIsTheCurrentYear() {
        // Born this year: the earliest possible day, 1 January, is not in the future.
        NewFamilyCase.Member baby = member("B", String.valueOf(LocalDate.now().getYear()), null, "M", null);

        assertThat(paths(inEthiopia(adult("M"), baby))).isEmpty();
    }

    @Test
    void shouldRefuseABirthDateThatIsNotOnTheCalendarWithItsPath() {
        NewFamilyCase.Member impossible = member("M", "1990-02-30", EMAIL, null, null);

        assertThat(paths(inEthiopia(impossible))).containsExactly("$.members[0].dateOfBirth");
    }

    @Test
    void shouldSayThatABirthDateMustBeARealCalendarDate() {
        NewFamilyCase.Member impossible = member("M", "1990-13", EMAIL, null, null);

        assertThat(SubmissionRules.violations(inEthiopia(impossible)))
                .extracting(Violation::message)
                .containsExactly("must be a real calendar date");
    }

    @Test
    void shouldNotBlameTheMinorWhenOnlyTheAccompanyingAdultsBirthDateIsInvalid() {
        NewFamilyCase.Member mother = member("M", "1990-02-30", EMAIL, null, null);

        assertThat(paths(inEthiopia(mother, child("S", "M")))).containsExactly("$.members[0].dateOfBirth");
    }

    @Test
    void shouldRefuseAFamilyNobodyCanReach() {
        NewFamilyCase.Member unreachable = member("M", "1990", null, null, null);

        assertThat(paths(inEthiopia(unreachable))).containsExactly("$.members");
    }

    @Test
    void shouldRefuseAFamilyWhoseOnlyContactHasNoChannelFilledIn() {
        NewFamilyCase.Member empty = member("M", "1990", new PersonalData.Contact(null, null, null, null), null, null);

        assertThat(paths(inEthiopia(empty))).containsExactly("$.members");
    }

    @Test
    void shouldAcceptAFamilyReachableOnlyThroughAProxy() {
        PersonalData.Contact viaBrother =
                new PersonalData.Contact(null, null, null, new PersonalData.Proxy("Tekle", "brother", "+251912345678"));

        assertThat(paths(inEthiopia(member("M", "1990", viaBrother, null, null))))
                .isEmpty();
    }

    @Test
    void shouldAcceptAFamilyReachableThroughAnyOneOfItsMembers() {
        NewFamilyCase.Member silent = member("F", "1985", null, null, null);

        assertThat(paths(inEthiopia(silent, adult("M")))).isEmpty();
    }

    @Test
    void shouldRefuseAMinorWithoutAnAdultMemberOrAGuardian() {
        assertThat(paths(inEthiopia(adult("M"), child("S", null)))).containsExactly("$.members[1].accompaniedBy");
    }

    @Test
    void shouldAcceptAMinorWithAGuardianInsteadOfAnAdultMember() {
        NewFamilyCase.Member withGuardian =
                member("S", String.valueOf(LocalDate.now().getYear() - 8), null, null, ESCORT);

        assertThat(paths(inEthiopia(adult("M"), withGuardian))).isEmpty();
    }

    @Test
    void shouldRefuseAnAccompanyingReferenceThatIsNoMemberOfTheRequest() {
        assertThat(paths(inEthiopia(adult("M"), child("S", "NOBODY")))).containsExactly("$.members[1].accompaniedBy");
    }

    @Test
    void shouldRefuseAMinorAccompanyingThemselves() {
        assertThat(paths(inEthiopia(adult("M"), child("S", "S")))).containsExactly("$.members[1].accompaniedBy");
    }

    @Test
    void shouldAcceptAnAccompanyingAdultListedAfterTheMinor() {
        assertThat(paths(inEthiopia(child("S", "M"), adult("M")))).isEmpty();
    }

    @Test
    void shouldRefuseAnAccompanyingMemberWhoIsNotAnAdultOnTheDeadline() {
        NewFamilyCase.Member teenager =
                member("T", String.valueOf(LocalDate.now().getYear() - 15), EMAIL, null, ESCORT);

        assertThat(SubmissionRules.violations(inEthiopia(teenager, child("S", "T"))))
                .extracting(Violation::path, Violation::message)
                .containsExactly(tuple(
                        "$.members[1].accompaniedBy", "must refer to a member who is an adult on the deadline date"));
    }

    @Test
    void shouldCountSomeoneWhoTurnsEighteenOnTheDeadlineAsAnAdult() {
        NewFamilyCase.Member justEighteen = member("Y", DEADLINE.minusYears(18).toString(), EMAIL, null, null);

        assertThat(paths(inEthiopia(justEighteen, child("S", "Y")))).isEmpty();
    }

    @Test
    void shouldCountSomeoneWhoTurnsEighteenTheDayAfterTheDeadlineAsAMinor() {
        NewFamilyCase.Member almostEighteen =
                member("Y", DEADLINE.minusYears(18).plusDays(1).toString(), EMAIL, null, null);

        assertThat(paths(inEthiopia(almostEighteen))).containsExactly("$.members[0].accompaniedBy");
    }

    @Test
    void shouldCountAnAgeKnownOnlyByYearAsTheYoungestPossible() {
        // Born in the year eighteen years before the deadline: possibly still 17 on it, so a minor who needs company.
        NewFamilyCase.Member maybeMinor = member("Y", String.valueOf(DEADLINE.getYear() - 18), EMAIL, null, null);

        assertThat(paths(inEthiopia(maybeMinor))).containsExactly("$.members[0].accompaniedBy");
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnce() {
        NewFamilyCase broken =
                family(null, null, null, member("M", "1990", null, null, null), member("M", "1991", null, null, null));

        assertThat(paths(broken)).containsExactlyInAnyOrder("$.country", "$.members[1].personRef", "$.members");
    }
}
