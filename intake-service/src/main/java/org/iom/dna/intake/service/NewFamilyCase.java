package org.iom.dna.intake.service;

import java.time.LocalDate;
import java.util.List;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.domain.SamplingCountry;

/**
 * The command to open a family case, as the REST layer hands it over: the IND's submission after its
 * single-field checks, in the service's own types. Rules that span fields are {@link SubmissionRules}.
 * Its JSON form is what makes a resubmission "the same" (see {@link SamplingRequestService#submit}).
 *
 * @param adHocLocation instead of {@code country}: sampling outside the MHACs
 */
public record NewFamilyCase(
        String indReference,
        String caseNumber,
        Priority priority,
        LocalDate deadline,
        SamplingCountry country,
        AdHocLocation adHocLocation,
        String preferredCentre,
        String note,
        List<Member> members) {

    public record AdHocLocation(String country, String city, String description) {}

    /**
     * @param dateOfBirth YYYY, YYYY-MM or YYYY-MM-DD
     * @param accompaniedBy for a minor, the personRef of the adult member who comes with them
     */
    public record Member(
            String personRef,
            String givenName,
            String familyName,
            String dateOfBirth,
            String sex,
            Relationship relationship,
            String nationality,
            String currentCountry,
            String currentCity,
            PersonalData.Contact contact,
            String preferredLanguage,
            Needs needs,
            String accompaniedBy,
            PersonalData.Guardian guardian) {}

    /** Support on the day; {@code details} is personal and stored encrypted. */
    public record Needs(boolean interpreter, boolean accessibility, boolean medical, String details) {}
}
