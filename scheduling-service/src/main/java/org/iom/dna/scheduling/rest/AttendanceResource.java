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
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.scheduling.service.AttendanceService;

@Path("/api/v1/appointments/{appointmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointment day")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"mhac-staff", "country-office", "admin"})
public class AttendanceResource {

    private static final String SAMPLED_EXAMPLE = "{\"attendance\": \"SAMPLED\", \"identityVerified\": true,"
            + " \"consentGivenBy\": \"P-100231\", \"kitNumber\": \"KIT-2027-004512\"}";
    private static final String CURRENT_EXAMPLE = "{\"appointmentId\": \"8b0e4d3a-1c2f-4e5a-b6c7-d8e9f0a1b2c3\","
            + " \"memberRef\": \"P-100231\", \"attendance\": \"SAMPLED\", \"identityVerified\": true,"
            + " \"consentGivenBy\": \"P-100231\", \"kitNumber\": \"KIT-2027-004512\"}";
    private static final String TRAIL_EXAMPLE = "[{\"id\": 41, \"memberRef\": \"P-100231\", \"attendance\":"
            + " \"CHECKED_IN\", \"identityVerified\": true, \"consentGivenBy\": null, \"kitNumber\": null,"
            + " \"correctionReason\": null, \"recordedBy\": \"staff-addis\", \"recordedAt\": \"2027-01-12T05:41:00Z\"}]";

    private final AttendanceService attendance;
    private final CentreAccess access;
    private final SecurityIdentity identity;

    AttendanceResource(AttendanceService attendance, CentreAccess access, SecurityIdentity identity) {
        this.attendance = attendance;
        this.access = access;
        this.identity = identity;
    }

    @PUT
    @Path("/members/{memberRef}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record what happened to a member",
            description = "On the appointment day only, until the day's list is closed. CHECKED_IN on arrival, then"
                    + " one outcome: SAMPLED (identity verified, consent and kit number required), NO_SHOW, EXCUSED,"
                    + " REFUSED or IDENTITY_MISMATCH. Changing a recorded outcome needs a correctionReason; every"
                    + " record is kept. Each outcome is reported to the IND.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = AttendanceRequest.class),
                            examples = @ExampleObject(name = "sampled", value = SAMPLED_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The member's attendance as it now stands",
            content =
                    @Content(
                            schema = @Schema(implementation = AttendanceView.Current.class),
                            examples = @ExampleObject(name = "sampled", value = CURRENT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public AttendanceView.Current record(
            @PathParam("appointmentId") UUID appointmentId,
            @PathParam("memberRef") String memberRef,
            @Valid @NotNull AttendanceRequest body) {
        return AttendanceView.Current.of(attendance.record(
                appointmentId,
                memberRef,
                body.toEntry(),
                identity.getPrincipal().getName(),
                access));
    }

    @GET
    @Path("/attendance")
    @Operation(summary = "Every attendance record and correction of an appointment, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The audit trail",
            content =
                    @Content(
                            schema = @Schema(implementation = AttendanceView.Entry[].class),
                            examples = @ExampleObject(name = "checked-in", value = TRAIL_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public List<AttendanceView.Entry> trail(@PathParam("appointmentId") UUID appointmentId) {
        return attendance.trail(appointmentId, access).stream()
                .map(AttendanceView.Entry::of)
                .toList();
    }
}
