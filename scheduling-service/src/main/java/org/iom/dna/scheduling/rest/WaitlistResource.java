package org.iom.dna.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.scheduling.service.FamilyQueries;

/** The families waiting for a feasible day, as country offices follow them. */
@Path("/api/v1/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Families")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"country-office", "admin"})
public class WaitlistResource {

    private static final String WAITING_EXAMPLE = "[{\"requestId\": \"9d2e4b6a-1c3f-4a5e-8b7d-0f2a4c6e8a1b\","
            + " \"status\": \"WAITING\", \"priority\": \"URGENT\", \"deadline\": \"2026-12-18\","
            + " \"receivedAt\": \"2026-11-02T10:40:00Z\", \"appointment\": null,"
            + " \"waitReason\": \"NO_DAY_FITS_FAMILY\", \"deadlineAtRiskSince\": \"2026-11-27T06:00:00Z\","
            + " \"missedAppointments\": 0, \"dayKeptForIt\": {\"centreCode\": \"ET-ADD\", \"localDate\":"
            + " \"2026-12-15\"}},"
            + " {\"requestId\": \"3f1c2a8e-5b7d-4c1e-9a0b-2d4e6f8a1b3c\","
            + " \"status\": \"WAITING\", \"priority\": \"STANDARD\", \"deadline\": \"2027-03-31\","
            + " \"receivedAt\": \"2026-11-28T09:12:00Z\", \"appointment\": null, \"waitReason\": \"NO_OPEN_SLOT\","
            + " \"deadlineAtRiskSince\": null, \"missedAppointments\": 0, \"dayKeptForIt\": null}]";

    private final FamilyQueries families;

    WaitlistResource(FamilyQueries families) {
        this.families = families;
    }

    @GET
    @Operation(
            summary = "Families waiting for a feasible day, in the order they will be served",
            description = "All countries, or one country's queue. Each family says why it waits (waitReason),"
                    + " whether the IND was told its deadline is at risk, and which centre-day is kept for it"
                    + " (dayKeptForIt: the first family of a country that is close to its deadline and fits on no"
                    + " day yet keeps one day, whose places given back add up for it).")
    @APIResponse(
            responseCode = "200",
            description = "The waitlist",
            content =
                    @Content(
                            schema = @Schema(implementation = FamilyView[].class),
                            examples = @ExampleObject(name = "one-waiting", value = WAITING_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<FamilyView> waitlist(
            @Parameter(description = "Only this sampling country's queue, e.g. ET")
                    @QueryParam("country")
                    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                    String country,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(1000) int limit) {
        return families.waitlist(country, limit).stream()
                .map(family -> FamilyView.of(family, null))
                .toList();
    }
}
