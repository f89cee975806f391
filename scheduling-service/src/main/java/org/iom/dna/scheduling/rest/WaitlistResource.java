package org.iom.dna.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.scheduling.service.FamilyQueries;

/** The families waiting for a feasible day, as country offices follow them. */
@Path("/api/v1/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Families")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"country-office", "admin"})
public class WaitlistResource {

    private static final String WAITING_EXAMPLE = "[{\"requestId\": \"3f1c2a8e-5b7d-4c1e-9a0b-2d4e6f8a1b3c\","
            + " \"status\": \"WAITING\", \"priority\": \"STANDARD\", \"deadline\": \"2027-03-31\","
            + " \"receivedAt\": \"2026-11-28T09:12:00Z\"}]";

    private final FamilyQueries families;

    WaitlistResource(FamilyQueries families) {
        this.families = families;
    }

    @GET
    @Operation(summary = "Families waiting for a feasible day, in the order they will be served")
    @APIResponse(
            responseCode = "200",
            description = "The waitlist",
            content =
                    @Content(
                            schema = @Schema(implementation = FamilyView[].class),
                            examples = @ExampleObject(name = "one-waiting", value = WAITING_EXAMPLE)))
    public List<FamilyView> waitlist() {
        return families.waitlist(1000).stream()
                .map(family -> FamilyView.of(family, null))
                .toList();
    }
}
