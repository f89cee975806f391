package org.iom.dna.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.platform.rest.ProblemException;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.service.SlotGenerationService;

@Path("/api/v1/centres")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Centres", description = "MHACs, their working weeks and slots")
@SecurityRequirement(name = "keycloak")
public class CentreResource {

    /** Longest range one slot listing may span, so a careless query cannot load a year. */
    private static final int MAX_DAYS = 62;

    private final CentreAccess access;
    private final SlotGenerationService generation;

    CentreResource(CentreAccess access, SlotGenerationService generation) {
        this.access = access;
        this.generation = generation;
    }

    @GET
    @Authenticated
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List all centres with their zone and working week")
    @APIResponse(responseCode = "200", description = "The centres",
            content = @Content(schema = @Schema(implementation = CentreView[].class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CentreView> list() {
        return Centre.<Centre>listAll().stream().sorted((a, b) -> a.code.compareTo(b.code)).map(CentreView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read one centre")
    @APIResponse(responseCode = "200", description = "The centre",
            content = @Content(schema = @Schema(implementation = CentreView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such centre",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CentreView get(@PathParam("code") String code) {
        return Centre.<Centre>findByIdOptional(code).map(CentreView::of)
                .orElseThrow(() -> ProblemException.notFound("centre " + code));
    }

    @GET
    @Path("/{code}/slots")
    @RolesAllowed({"mhac-staff", "country-office", "admin"})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List a centre's slots between two local dates (inclusive)",
            description = "MHAC staff see only the centres in their token; any other centre answers 404.")
    @APIResponse(responseCode = "200", description = "The slots, earliest first",
            content = @Content(schema = @Schema(implementation = SlotView[].class)))
    @APIResponse(responseCode = "400", description = "Bad date range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such centre, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SlotView> slots(@PathParam("code") String code, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        access.require(code);
        Centre centre = Centre.<Centre>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("centre " + code));
        LocalDate first = from != null ? from : LocalDate.now(centre.zoneId());
        LocalDate last = to != null ? to : first.plusDays(6);
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                    "the range must run forward and span at most " + MAX_DAYS + " days",
                    List.of(new Problem.FieldError("to", "must be on or after from, at most " + MAX_DAYS + " days later")), null));
        }
        return Slot.between(code, first, last).stream().map(SlotView::of).toList();
    }

    @POST
    @Path("/{code}/slot-generation")
    @RolesAllowed({"country-office", "admin"})
    @Operation(summary = "Generate the centre's missing slots for the horizon now (idempotent)")
    @APIResponse(responseCode = "200", description = "How many slots were created",
            content = @Content(schema = @Schema(implementation = GenerationResult.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only country offices and admins generate slots",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such centre",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GenerationResult generate(@PathParam("code") String code, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        if (Centre.findById(code) == null) {
            throw ProblemException.notFound("centre " + code);
        }
        return new GenerationResult(code, generation.generate(code, from, to));
    }

    public record GenerationResult(String centreCode, int created) {
    }
}
