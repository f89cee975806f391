package org.iom.dna.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.intake.domain.PartialDate;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.service.NewFamilyCase;

/** One family member to be sampled. */
@Schema(name = "FamilyMemberSubmission")
public record FamilyMemberSubmission(
        @Schema(description = "The IND's person reference, unique within the request", examples = "P-100231")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain letters, digits and . _ - only")
        String personRef,

        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,

        @Schema(description = "As precise as known: YYYY, YYYY-MM or YYYY-MM-DD", examples = "1991")
        @NotBlank
        @Pattern(regexp = PartialDate.PATTERN, message = "must be YYYY, YYYY-MM or YYYY-MM-DD")
        String dateOfBirth,

        @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN", message = "must be FEMALE, MALE, OTHER or UNKNOWN")
        String sex,

        @NotNull Relationship relationship,

        @Schema(description = "ISO 3166-1 alpha-2", examples = "ER")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String nationality,

        @Schema(description = "ISO 3166-1 alpha-2 country where the member is now", examples = "ET")
        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String currentCountry,

        @Size(max = 100) String currentCity,

        @Valid ContactChannels contact,

        @Schema(description = "BCP 47 language tag the member is addressed in", examples = "ti")
        @NotBlank
        @Pattern(
                regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "must be a BCP 47 language tag such as ti or ar-SD")
        String preferredLanguage,

        @Valid Needs needs,

        @Schema(description = "For a minor: personRef of the adult member who comes with them") @Size(max = 64)
        String accompaniedBy,

        @Schema(description = "For a minor who comes without an adult member: the appointed guardian or escort") @Valid
        Guardian guardian) {

    NewFamilyCase.Member toCommand() {
        return new NewFamilyCase.Member(
                personRef,
                givenName,
                familyName,
                dateOfBirth,
                sex,
                relationship,
                nationality,
                currentCountry,
                currentCity,
                contact == null ? null : contact.toDomainContact(),
                preferredLanguage,
                needs == null
                        ? null
                        : new NewFamilyCase.Needs(
                                needs.interpreter(), needs.accessibility(), needs.medical(), needs.details()),
                accompaniedBy,
                guardian == null
                        ? null
                        : new PersonalData.Guardian(guardian.name(), guardian.organisation(), guardian.phone()));
    }

    /** Support the member needs on the day; details are stored encrypted and shown to staff only. */
    @Schema(name = "Needs")
    public record Needs(
            boolean interpreter,
            boolean accessibility,
            boolean medical,
            @Size(max = 1000) String details) {}

    @Schema(name = "Guardian")
    public record Guardian(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String organisation,
            @E164 String phone) {}
}
