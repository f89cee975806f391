package org.iom.dna.scheduling.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.scheduling.service.AttendanceService;
import org.iom.dna.scheduling.service.DayListQueries;

@Path("/api/v1/centres/{centreCode}/days")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointment day", description = "The day list of a centre, attendance, and closing the day")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"mhac-staff", "country-office", "admin"})
public class DayListResource {

    private static final String DAY_LIST_EXAMPLE = "{\"centreCode\": \"ET-ADD\", \"localDate\": \"2027-01-12\","
            + " \"appointments\": [{\"appointmentId\": \"8b0e4d3a-1c2f-4e5a-b6c7-d8e9f0a1b2c3\","
            + " \"requestId\": \"3f1c2a8e-5b7d-4c1e-9a0b-2d4e6f8a1b3c\", \"priority\": \"UNACCOMPANIED_MINOR\","
            + " \"status\": \"BOOKED\", \"members\": [{\"memberRef\": \"P-100231\", \"ageBand\": \"18-59\","
            + " \"minor\": false, \"accompaniedBy\": null, \"localStart\": \"08:30:00\","
            + " \"startsAt\": \"2027-01-12T05:30:00Z\", \"language\": \"ti\", \"needsInterpreter\": true,"
            + " \"needsAccessibility\": false, \"needsMedicalCare\": false, \"attendance\": \"BOOKED\"}]}]}";

    private final DayListQueries dayLists;
    private final AttendanceService attendance;
    private final CentreAccess access;
    private final SecurityIdentity identity;

    DayListResource(
            DayListQueries dayLists, AttendanceService attendance, CentreAccess access, SecurityIdentity identity) {
        this.dayLists = dayLists;
        this.attendance = attendance;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("/{date}")
    // notification-service e-mails each centre its next day's list.
    @RolesAllowed({"mhac-staff", "country-office", "admin", "notification-service"})
    @Operation(
            summary = "The day list of a centre",
            description = "Families by the time they are due; members by reference, age band, needs and the"
                    + " language an interpreter must speak. No names. MHAC staff see their own centres only:"
                    + " another centre answers 404, as if it did not exist.")
    @APIResponse(
            responseCode = "200",
            description = "The day list (empty when nobody is booked)",
            content =
                    @Content(
                            schema = @Schema(implementation = DayListView.class),
                            examples = @ExampleObject(name = "one-family", value = DAY_LIST_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public DayListView dayList(@PathParam("centreCode") String centreCode, @PathParam("date") LocalDate date) {
        return DayListView.of(centreCode, date, dayLists.dayList(centreCode, date, access));
    }

    @POST
    @Path("/{date}/close")
    @Operation(
            summary = "Close the day's list",
            description = "Makes attendance final. Members never recorded did not come (NO_SHOW). A family with"
                    + " members still to sample is booked again, unless it has missed as many appointments as the"
                    + " scheduler offers: then the IND is told it is unreachable. Days left open are closed by the"
                    + " service after they end.")
    @APIResponse(
            responseCode = "200",
            description = "What closing did",
            content =
                    @Content(
                            schema = @Schema(implementation = AttendanceService.DayClosed.class),
                            examples =
                                    @ExampleObject(
                                            name = "closed",
                                            value = "{\"appointments\": 6, \"noShows\": 2, \"rebooked\": 1,"
                                                    + " \"completed\": 5, \"unreachable\": 0}")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public AttendanceService.DayClosed close(
            @PathParam("centreCode") String centreCode, @PathParam("date") LocalDate date) {
        return attendance.closeDay(centreCode, date, identity.getPrincipal().getName(), access);
    }
}
