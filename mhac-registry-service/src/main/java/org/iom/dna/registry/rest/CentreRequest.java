package org.iom.dna.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Facility;
import org.iom.dna.registry.service.CentreService;

/** A centre as country offices create or replace it. */
@Schema(name = "CentreRequest")
public record CentreRequest(
        @Schema(examples = "IOM MHAC Gondar") @NotBlank @Size(max = 200)
        String name,

        @Schema(examples = "ET") @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String country,

        @Schema(examples = "Gondar") @NotBlank @Size(max = 100)
        String city,

        boolean cityAssumed,
        @Size(max = 300) String address,

        @Schema(description = "IANA time zone", examples = "Africa/Addis_Ababa") @NotBlank @ValidZone
        String zone,

        @Schema(description = "BCP 47 tags of languages with an interpreter on site", examples = "[\"am\", \"ti\"]")
        @Size(max = 20)
        List<@Pattern(regexp = CentreRequest.LANGUAGE_TAG, message = CentreRequest.LANGUAGE_TAG_MESSAGE) String>
                languages,

        @Schema(
                description = "What the centre offers families with particular needs (none if left out);"
                        + " a facility given twice counts once",
                examples = "[\"WHEELCHAIR_ACCESS\", \"MEDICAL_CARE\"]")
        @Size(max = 10)
        List<@NotNull Facility> facilities,

        @NotNull CentreStatus status,
        @NotEmpty @Size(max = 7) List<@Valid @NotNull Day> workingWeek,

        @Schema(
                description = "The MHAC's functional mailbox that gets the list of the next day's appointments"
                        + " (none: no list is sent)",
                examples = "mhac-gondar@iom.example")
        @Email
        @Size(max = 254)
        String dayListEmail) {

    /** A BCP 47 language tag as the suite writes them: ti, so, prs, pt-BR. */
    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    static final String LANGUAGE_TAG_MESSAGE = "must be a BCP 47 language tag";

    @Schema(name = "WorkingDay")
    public record Day(
            @Schema(examples = "THURSDAY") @NotNull DayOfWeek dayOfWeek,
            @Schema(examples = "08:00:00") @NotNull LocalTime opens,
            @Schema(examples = "12:30:00") @NotNull LocalTime closes) {}

    CentreService.Details toDetails() {
        return new CentreService.Details(
                name,
                country,
                city,
                cityAssumed,
                address,
                zone,
                languages,
                facilities,
                status,
                workingWeek.stream()
                        .map(d -> new CentreService.Day(d.dayOfWeek(), d.opens(), d.closes()))
                        .toList(),
                dayListEmail);
    }
}
