package org.iom.dna.scheduling.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.scheduling.service.BookingService;
import org.iom.dna.scheduling.service.FamilyQueries;

@Path("/api/v1/families/{requestId}")
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

    private static final String HAND_BOOKING_EXAMPLE = "{\"centreCode\": \"ET-ADD\", \"localDate\": \"2027-01-12\","
            + " \"beyondCapacity\": true, \"reason\": \"Unaccompanied minor; escort available that day only\"}";
    private static final String HISTORY_EXAMPLE = "[{\"id\": \"8b0e4d3a-1c2f-4e5a-b6c7-d8e9f0a1b2c3\","
            + " \"status\": \"COMPLETED\", \"centreCode\": \"ET-ADD\", \"zone\": \"Africa/Addis_Ababa\","
            + " \"localDate\": \"2027-01-12\", \"sequence\": 0, \"bookedAt\": \"2026-12-01T09:00:00Z\","
            + " \"replaces\": null, \"bookedBy\": null, \"overrideReason\": null,"
            + " \"location\": null, \"closedAt\": \"2027-01-12T14:02:00Z\", \"members\": [{\"memberRef\": \"P-100231\","
            + " \"slotId\": \"0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a\", \"localStart\": \"08:30:00\","
            + " \"startsAt\": \"2027-01-12T05:30:00Z\", \"attendance\": \"SAMPLED\"}]}]";

    private final FamilyQueries families;
    private final BookingService booking;
    private final SecurityIdentity identity;

    FamilyResource(FamilyQueries families, BookingService booking, SecurityIdentity identity) {
        this.families = families;
        this.booking = booking;
        this.identity = identity;
    }

    @GET
    @Path("/appointments")
    @Operation(
            summary = "A family's appointment history",
            description = "Every appointment, oldest first: bookings, moves (each names the one it replaces, with a"
                    + " higher sequence), bookings by hand with who made them and any override, and attended days"
                    + " with each member's attendance.")
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content =
                    @Content(
                            schema = @Schema(implementation = AppointmentDetails[].class),
                            examples = @ExampleObject(name = "attended", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public List<AppointmentDetails> history(@PathParam("requestId") UUID requestId) {
        return families.history(requestId).stream().map(AppointmentDetails::of).toList();
    }

    @PUT
    @Path("/appointment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Book or move a family by hand",
            description = "Into a centre on a day staff chose (on or before the deadline; today onwards). A family"
                    + " already booked is moved: its appointment is cancelled (MOVED) and the new one replaces it"
                    + " with a higher sequence. Beyond the day's capacity only with beyondCapacity and a reason,"
                    + " both kept with the appointment.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = HandBookingRequest.class),
                            examples = @ExampleObject(name = "override", value = HAND_BOOKING_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The new appointment",
            content =
                    @Content(
                            schema = @Schema(implementation = AppointmentDetails.class),
                            examples = @ExampleObject(name = "booked", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public AppointmentDetails bookByHand(
            @PathParam("requestId") UUID requestId, @Valid @NotNull HandBookingRequest body) {
        return AppointmentDetails.of(booking.bookByHand(
                requestId, body.toBooking(), identity.getPrincipal().getName()));
    }

    @GET
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
}
