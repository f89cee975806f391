package org.iom.dna.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.intake.service.SamplingRequestService;
import org.iom.dna.platform.audit.Audited;
import org.iom.dna.platform.openapi.ProblemResponses;

/**
 * A family member calls a country office: staff find the case by the caller's number. Numbers are stored only
 * encrypted; the lookup goes through keyed hashes of them (see PersonalDataCipher), and every lookup is audited.
 */
@Path("/api/v1/sampling-requests/by-phone")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sampling requests")
@SecurityRequirement(name = "keycloak")
public class PhoneLookupResource {

    private final SamplingRequestService service;

    PhoneLookupResource(SamplingRequestService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({"country-office", "admin"})
    @Audited(record = "family-member", fields = "phone (lookup)")
    @Operation(
            summary = "Find the cases of a member's phone number",
            description = "Cases with a member whose phone or WhatsApp number is this one (at most 20, newest first)."
                    + " Cases whose personal data was erased are not found.")
    @APIResponse(
            responseCode = "200",
            description = "The matching cases",
            content = @Content(schema = @Schema(implementation = CaseListView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public CaseListView byPhone(
            @Parameter(description = "E.164, e.g. +251911234567", required = true) @QueryParam("phone") @NotNull @E164
                    String phone) {
        List<SamplingRequestView> found =
                service.findByPhone(phone).stream().map(SamplingRequestView::of).toList();
        return new CaseListView(found, 0, found.size(), found.size());
    }
}
