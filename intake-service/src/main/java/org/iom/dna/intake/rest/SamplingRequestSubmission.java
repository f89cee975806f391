package org.iom.dna.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.intake.service.NewFamilyCase;

/** A family case as the IND submits it. Give either {@code country} or {@code adHocLocation}. */
@Schema(name = "SamplingRequestSubmission")
public record SamplingRequestSubmission(
        @Schema(
                description = "The IND's own reference for this request; resending it is idempotent",
                examples = "IND-2026-000123")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "may contain letters, digits and . _ / - only")
        String indReference,

        @Schema(description = "The sponsor's V-number", examples = "V123456789")
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain letters, digits and - only")
        String caseNumber,

        @NotNull Priority priority,

        @Schema(description = "Sampling must be done by this date", examples = "2027-12-31") @NotNull @Future
        LocalDate deadline,

        @Schema(description = "Country whose MHACs sample the family")
        SamplingCountry country,

        @Schema(description = "Instead of country: sampling outside the MHACs, arranged by IOM staff") @Valid
        AdHocLocation adHocLocation,

        @Schema(description = "Centre code the IND prefers, e.g. ET-ADD", examples = "ET-ADD")
        @Pattern(regexp = "[A-Z]{2}-[A-Z]{3}", message = "must be a centre code such as ET-ADD")
        String preferredCentre,

        @Schema(description = "A note for IOM staff; stored encrypted, never sent on") @Size(max = 2000)
        String note,

        @NotEmpty @Size(max = 20) List<@Valid @NotNull FamilyMemberSubmission> members) {

    /** The command the service takes: the same content in the service's own types. */
    public NewFamilyCase toCommand() {
        return new NewFamilyCase(
                indReference,
                caseNumber,
                priority,
                deadline,
                country,
                adHocLocation == null
                        ? null
                        : new NewFamilyCase.AdHocLocation(
                                adHocLocation.country(), adHocLocation.city(), adHocLocation.description()),
                preferredCentre,
                note,
                members.stream().map(FamilyMemberSubmission::toCommand).toList());
    }

    @Schema(name = "AdHocLocation")
    public record AdHocLocation(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String country,

            @NotBlank @Size(max = 100) String city,
            @Size(max = 500) String description) {}
}
