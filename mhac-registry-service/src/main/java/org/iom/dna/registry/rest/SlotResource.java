package org.iom.dna.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
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
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.service.CentreService;
import org.iom.dna.registry.service.SlotGenerationService;
import org.iom.dna.registry.service.SlotService;

/**
 * The slot API for MHAC staff: only for the centres in their token. Any other centre's slots answer
 * exactly as if they did not exist (404).
 */
@Path("/api/v1/centres/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Slots", description = "When a centre can take people")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"mhac-staff", "country-office", "admin"})
@APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
public class SlotResource {

    /** Longest range one slot listing may span, so a careless query cannot load a year. */
    private final CentreAccess access;

    private final CentreService centres;
    private final SlotService slots;
    private final SlotGenerationService generation;

    SlotResource(CentreAccess access, CentreService centres, SlotService slots, SlotGenerationService generation) {
        this.access = access;
        this.centres = centres;
        this.slots = slots;
        this.generation = generation;
    }

    @GET
    @Path("/slots")
    @Operation(summary = "List a centre's slots between two local dates (inclusive); default: the coming week")
    @APIResponse(
            responseCode = "200",
            description = "The slots, earliest first",
            content = @Content(schema = @Schema(implementation = SlotView[].class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<SlotView> list(
            @PathParam("code") String code, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return slots.between(ownCentre(code), from, to).stream()
                .map(SlotView::of)
                .toList();
    }

    @GET
    @Path("/slots/{id: [0-9a-fA-F-]{36}}")
    @Operation(summary = "Read one slot; its ETag is what a change must send in If-Match")
    @APIResponse(
            responseCode = "200",
            description = "The slot",
            content = @Content(schema = @Schema(implementation = SlotView.class)))
    public Response get(@PathParam("code") String code, @PathParam("id") UUID id) {
        ownCentre(code);
        Slot slot = slots.find(code, id);
        return Response.ok(SlotView.of(slot)).tag(Versions.tag(slot.version)).build();
    }

    @POST
    @Path("/slots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a slot by hand (ad hoc), in the centre's local time")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = SlotDtos.Creation.class),
                            examples =
                                    @ExampleObject(
                                            name = "afternoon",
                                            value =
                                                    "{\"localDate\": \"2027-01-12\", \"localStart\": \"14:00:00\", \"minutes\": 30, \"capacity\": 3}")))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response add(@PathParam("code") String code, @Valid @NotNull SlotDtos.Creation body, @Context UriInfo uri) {
        ownCentre(code);
        Slot slot = slots.addAdHoc(code, body.localDate(), body.localStart(), body.minutes(), body.capacity());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(slot.id.toString()).build())
                .tag(Versions.tag(slot.version))
                .entity(SlotView.of(slot))
                .build();
    }

    @PATCH
    @Path("/slots/{id: [0-9a-fA-F-]{36}}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a slot's capacity, or block or unblock it",
            description =
                    "Send the ETag you read in If-Match. The scheduler moves families whose booking no longer fits.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = SlotDtos.Change.class),
                            examples = @ExampleObject(name = "cut", value = "{\"capacity\": 1}")))
    @APIResponse(
            responseCode = "200",
            description = "The slot after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED)
    public Response change(
            @PathParam("code") String code,
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SlotDtos.Change body) {
        ownCentre(code);
        Slot slot = slots.change(code, id, Versions.required(ifMatch), body.capacity(), body.status());
        return Response.ok(SlotView.of(slot)).tag(Versions.tag(slot.version)).build();
    }

    @POST
    @Path("/days/{date}/block")
    @Operation(summary = "Block every open slot of one local day")
    @APIResponse(
            responseCode = "200",
            description = "How many slots were blocked",
            content = @Content(schema = @Schema(implementation = SlotDtos.DayResult.class)))
    public SlotDtos.DayResult blockDay(@PathParam("code") String code, @PathParam("date") LocalDate date) {
        ownCentre(code);
        return new SlotDtos.DayResult(code, date, slots.setDayBlocked(code, date, true));
    }

    @POST
    @Path("/days/{date}/unblock")
    @Operation(summary = "Unblock every blocked slot of one local day")
    @APIResponse(
            responseCode = "200",
            description = "How many slots were unblocked",
            content = @Content(schema = @Schema(implementation = SlotDtos.DayResult.class)))
    public SlotDtos.DayResult unblockDay(@PathParam("code") String code, @PathParam("date") LocalDate date) {
        ownCentre(code);
        return new SlotDtos.DayResult(code, date, slots.setDayBlocked(code, date, false));
    }

    @POST
    @Path("/slot-generation")
    @RolesAllowed({"country-office", "admin"})
    @Operation(summary = "Generate the centre's missing slots now (idempotent); default range: today to the horizon")
    @APIResponse(
            responseCode = "200",
            description = "How many slots were created",
            content = @Content(schema = @Schema(implementation = GenerationResult.class)))
    public GenerationResult generate(
            @PathParam("code") String code, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        ownCentre(code);
        return new GenerationResult(code, generation.generate(code, from, to));
    }

    public record GenerationResult(String centreCode, int created) {}

    private Centre ownCentre(String code) {
        access.require(code);
        return centres.get(code);
    }
}
