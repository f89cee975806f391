package org.iom.dna.scheduling.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.scheduling.service.BookingService;

@Path("/api/v1/families/{requestId}/ad-hoc-appointment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointment day")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"mhac-staff", "country-office", "admin"})
public class AdHocAppointmentResource {

    private static final String REQUEST_EXAMPLE = "{\"centreCode\": \"ET-SHI\", \"location\":"
            + " \"Shire general hospital, outpatients' wing\", \"localDate\": \"2027-01-14\", \"localStart\": \"10:00:00\"}";
    private static final String RESPONSE_EXAMPLE = "{\"id\": \"8b0e4d3a-1c2f-4e5a-b6c7-d8e9f0a1b2c3\","
            + " \"status\": \"BOOKED\", \"centreCode\": \"ET-SHI\", \"zone\": \"Africa/Addis_Ababa\","
            + " \"localDate\": \"2027-01-14\", \"sequence\": 0, \"bookedAt\": \"2027-01-02T09:00:00Z\","
            + " \"replaces\": null, \"bookedBy\": \"staff-shire\", \"overrideReason\": null,"
            + " \"location\": \"Shire general hospital, outpatients' wing\", \"closedAt\": null, \"members\": []}";

    private final BookingService booking;
    private final CentreAccess access;
    private final SecurityIdentity identity;

    AdHocAppointmentResource(BookingService booking, CentreAccess access, SecurityIdentity identity) {
        this.booking = booking;
        this.access = access;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Book an ad-hoc case at a place outside the centres",
            description = "For a case the IND asked to be sampled outside the MHACs (never booked automatically):"
                    + " the staff of a centre in the case's country book the whole family at a location and time they"
                    + " arranged. A slot of its own is created for the family; a family already booked is moved. The"
                    + " appointment is on the centre's day list with its location. MHAC staff act for their own"
                    + " centres only (another centre answers 404).")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = AdHocBookingRequest.class),
                            examples = @ExampleObject(name = "hospital", value = REQUEST_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The appointment",
            content =
                    @Content(
                            schema = @Schema(implementation = AppointmentDetails.class),
                            examples = @ExampleObject(name = "booked", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public AppointmentDetails book(@PathParam("requestId") UUID requestId, @Valid @NotNull AdHocBookingRequest body) {
        return AppointmentDetails.of(booking.bookAdHoc(
                requestId, body.toBooking(), identity.getPrincipal().getName(), access));
    }
}
