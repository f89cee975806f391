package org.iom.dna.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.scheduling.service.FamilyQueries;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Families", description = "Bookings and the waitlist")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"country-office", "admin"})
public class FamilyResource {

    private static final String BOOKED_EXAMPLE = "{\"requestId\": \"3f1c2a8e-5b7d-4c1e-9a0b-2d4e6f8a1b3c\","
            + " \"status\": \"BOOKED\", \"priority\": \"UNACCOMPANIED_MINOR\", \"deadline\": \"2027-03-31\","
            + " \"receivedAt\": \"2026-11-28T09:12:00Z\", \"appointment\": {\"id\": \"8b0e4d3a-1c2f-4e5a-b6c7-d8e9f0a1b2c3\","
            + " \"centreCode\": \"ET-ADD\", \"zone\": \"Africa/Addis_Ababa\", \"localDate\": \"2026-12-09\", \"sequence\": 0,"
            + " \"members\": [{\"memberRef\": \"P-100231\", \"slotId\": \"0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a\","
            + " \"localStart\": \"08:30:00\", \"startsAt\": \"2026-12-09T05:30:00Z\"}]}}";
    private static final String WAITING_EXAMPLE = "[{\"requestId\": \"3f1c2a8e-5b7d-4c1e-9a0b-2d4e6f8a1b3c\","
            + " \"status\": \"WAITING\", \"priority\": \"STANDARD\", \"deadline\": \"2027-03-31\","
            + " \"receivedAt\": \"2026-11-28T09:12:00Z\"}]";

    private final FamilyQueries families;

    FamilyResource(FamilyQueries families) {
        this.families = families;
    }

    @GET
    @Path("/families/{requestId}")
    @Operation(summary = "A family's scheduling status and appointment")
    @APIResponse(
            responseCode = "200",
            description = "The family",
            content =
                    @Content(
                            schema = @Schema(implementation = FamilyView.class),
                            examples = @ExampleObject(name = "booked", value = BOOKED_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public FamilyView family(@PathParam("requestId") UUID requestId) {
        FamilyQueries.Family found = families.family(requestId);
        return FamilyView.of(found.family(), found.appointment().orElse(null));
    }

    @GET
    @Path("/waitlist")
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
