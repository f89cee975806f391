package org.iom.dna.registry.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.iom.dna.registry.service.InterpreterRosterService;

/**
 * Which interpreters are on duty at a centre on a given day, besides the centre's standing languages. MHAC staff set
 * their own centres' days; another centre answers them exactly as one that does not exist (404).
 */
@Path("/api/v1/centres/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Centres")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"mhac-staff", "country-office", "admin"})
@APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
public class InterpreterRosterResource {

    @Schema(name = "InterpreterRoster")
    public record RosterView(
            @Schema(examples = "ET-ADD") String centreCode,

            @Schema(description = "The day in the centre's own zone", examples = "2027-01-12")
            LocalDate localDate,

            @Schema(
                    description = "BCP 47 tags of the interpreters on duty that day besides the centre's own languages,"
                            + " sorted; empty for none",
                    examples = "[\"so\", \"ti\"]")
            List<String> languages,

            @Schema(description = "When the roster was last set; null for a day that never had one")
            Instant changedAt) {

        static RosterView of(InterpreterRosterService.Roster r) {
            return new RosterView(r.centreCode(), r.localDate(), r.languages(), r.changedAt());
        }
    }

    @Schema(name = "InterpreterRosterRequest")
    public record RosterRequest(
            @Schema(
                    description = "BCP 47 tags of the interpreters on duty that day; empty for none. A language given"
                            + " twice counts once.",
                    examples = "[\"ti\", \"so\"]")
            @NotNull
            @Size(max = 20)
            List<
                            @NotNull
                            @Pattern(regexp = CentreRequest.LANGUAGE_TAG, message = CentreRequest.LANGUAGE_TAG_MESSAGE)
                            String>
                    languages) {}

    private final InterpreterRosterService rosters;
    private final CentreAccess access;
    private final SecurityIdentity identity;

    InterpreterRosterResource(InterpreterRosterService rosters, CentreAccess access, SecurityIdentity identity) {
        this.rosters = rosters;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("/days/{date}/interpreters")
    @Operation(
            summary = "Read which interpreters are on duty at the centre on one local day",
            description = "Besides the centre's standing languages. A day without a roster has no languages.")
    @APIResponse(
            responseCode = "200",
            description = "The day's roster",
            content = @Content(schema = @Schema(implementation = RosterView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public RosterView get(@PathParam("code") String code, @PathParam("date") LocalDate date) {
        access.require(code);
        return RosterView.of(rosters.get(code, date));
    }

    @PUT
    @Path("/days/{date}/interpreters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set which interpreters are on duty at the centre on one local day",
            description = "Replaces the day's roster; the scheduler learns of it (InterpreterRosterChanged) and can"
                    + " book families who need one of those languages that day. Setting the roster the day already has"
                    + " changes nothing. The day must be today or later at the centre and at most a year ahead"
                    + " (registry.interpreters.max-ahead); the centre must be active.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = RosterRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "tigrinya-and-somali",
                                        value = "{\"languages\": [\"ti\", \"so\"]}"),
                                @ExampleObject(name = "none", value = "{\"languages\": []}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The day's roster",
            content = @Content(schema = @Schema(implementation = RosterView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public RosterView put(
            @PathParam("code") String code, @PathParam("date") LocalDate date, @Valid @NotNull RosterRequest body) {
        access.require(code);
        return RosterView.of(rosters.replace(
                code, date, body.languages(), identity.getPrincipal().getName()));
    }

    @GET
    @Path("/interpreters")
    @Operation(
            summary = "List the centre's interpreter rosters between two local dates (inclusive); default: the coming"
                    + " week",
            description = "Only the days that have a roster, earliest first; at most "
                    + InterpreterRosterService.MAX_DAYS
                    + " days at once.")
    @APIResponse(
            responseCode = "200",
            description = "The rosters, earliest first",
            content = @Content(schema = @Schema(implementation = RosterView[].class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<RosterView> list(
            @PathParam("code") String code, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        access.require(code);
        return rosters.between(code, from, to).stream().map(RosterView::of).toList();
    }
}
