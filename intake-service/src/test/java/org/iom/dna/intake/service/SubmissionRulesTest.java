package org.iom.dna.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.platform.domain.Violation;
import org.junit.jupiter.api.Test;

/** The rules that span several fields of a submission, one smallest breaking case each. */
class SubmissionRulesTest {

    /** Never 31 December, so that a birth year alone leaves the age on the deadline open. */
    private static final LocalDate DEADLINE = LocalDate.now().plusMonths(6).withDayOfMonth(15);

    private static final PersonalData.Contact EMAIL = new PersonalData.Contact(null, "mother@example.org", null, null);

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

    private static List<String> paths(NewFamilyCase submission) {
        return SubmissionRules.violations(submission).stream()
                .map(Violation::path)
                .toList();
    }

    @Test
    void aMotherWithHerSonBreaksNoRule() {
        assertEquals(List.of(), paths(family(SamplingCountry.ET, null, "ET-ADD", adult("M"), child("S", "M"))));
    }

    @Test
    void eitherACountryOrAnAdHocLocation() {
        assertEquals(List.of("$.country"), paths(family(null, null, null, adult("M"))));
        NewFamilyCase.AdHocLocation camp = new NewFamilyCase.AdHocLocation("ET", "Shire", null);
        assertEquals(List.of("$.country"), paths(family(SamplingCountry.ET, camp, null, adult("M"))));
    }

    @Test
    void thePreferredCentreIsInTheSamplingCountry() {
        assertEquals(List.of("$.preferredCentre"), paths(family(SamplingCountry.ET, null, "LB-BEY", adult("M"))));
    }

    @Test
    void personReferencesAreUniqueWithinARequest() {
        assertEquals(
                List.of("$.members[1].personRef"),
                paths(family(SamplingCountry.ET, null, null, adult("M"), adult("M"))));
    }

    @Test
    void aBirthDateIsNotInTheFuture() {
        NewFamilyCase.Member unborn = member("M", String.valueOf(LocalDate.now().getYear() + 1), EMAIL, null, null);
        // Not born yet also means a minor without company: both are said.
        assertEquals(
                List.of("$.members[0].dateOfBirth", "$.members[0].accompaniedBy"),
                paths(family(SamplingCountry.ET, null, null, unborn)));
    }

    @Test
    void someoneInTheFamilyCanBeReached() {
        NewFamilyCase.Member unreachable = member("M", "1990", null, null, null);
        assertEquals(List.of("$.members"), paths(family(SamplingCountry.ET, null, null, unreachable)));
    }

    @Test
    void aMinorComesWithAnAdultMemberOrAGuardian() {
        assertEquals(
                List.of("$.members[1].accompaniedBy"),
                paths(family(SamplingCountry.ET, null, null, adult("M"), child("S", null))));
        PersonalData.Guardian escort = new PersonalData.Guardian("Escort", "UNHCR", null);
        NewFamilyCase.Member withGuardian =
                member("S", String.valueOf(LocalDate.now().getYear() - 8), null, null, escort);
        assertEquals(List.of(), paths(family(SamplingCountry.ET, null, null, adult("M"), withGuardian)));
    }

    @Test
    void theAccompanyingMemberIsAnotherMemberOfTheRequest() {
        assertEquals(
                List.of("$.members[1].accompaniedBy"),
                paths(family(SamplingCountry.ET, null, null, adult("M"), child("S", "NOBODY"))));
        assertEquals(
                List.of("$.members[1].accompaniedBy"),
                paths(family(SamplingCountry.ET, null, null, adult("M"), child("S", "S"))));
    }

    @Test
    void theAccompanyingMemberIsAnAdultOnTheDeadline() {
        NewFamilyCase.Member teenager = member(
                "T",
                String.valueOf(LocalDate.now().getYear() - 15),
                EMAIL,
                null,
                new PersonalData.Guardian("Aunt", null, null));
        assertEquals(
                List.of("$.members[1].accompaniedBy"),
                paths(family(SamplingCountry.ET, null, null, teenager, child("S", "T"))));
    }

    @Test
    void anAgeKnownOnlyByYearCountsAsTheYoungestPossible() {
        // Born "2008": possibly still 17 on the deadline, so a minor who needs company.
        NewFamilyCase.Member maybeMinor = member("Y", String.valueOf(DEADLINE.getYear() - 18), EMAIL, null, null);
        assertEquals(List.of("$.members[0].accompaniedBy"), paths(family(SamplingCountry.ET, null, null, maybeMinor)));
    }
}
