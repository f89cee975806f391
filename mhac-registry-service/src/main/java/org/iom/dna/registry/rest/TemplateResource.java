package org.iom.dna.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.registry.domain.AvailabilityTemplate;
import org.iom.dna.registry.service.TemplateService;

@Path("/api/v1/centres/{code}/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability templates", description = "Weekly rules from which slots are generated")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"mhac-staff", "country-office", "admin"})
@APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
public class TemplateResource {

    @Schema(name = "AvailabilityTemplate")
    public record TemplateView(
            UUID id,
            DayOfWeek dayOfWeek,
            LocalTime starts,
            LocalTime ends,
            int slotMinutes,
            int capacity,
            LocalDate validFrom,
            LocalDate validTo) {

        static TemplateView of(AvailabilityTemplate t) {
            return new TemplateView(
                    t.id, t.weekday(), t.starts, t.ends, t.slotMinutes, t.capacity, t.validFrom, t.validTo);
        }
    }

    @Schema(name = "AvailabilityTemplateRequest")
    public record TemplateRequest(
            @NotNull DayOfWeek dayOfWeek,
            @NotNull LocalTime starts,
            @NotNull LocalTime ends,
            @NotNull @Min(5) @Max(240) Integer slotMinutes,
            @NotNull @Min(1) @Max(50) Integer capacity,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {}

    private final CentreAccess access;
    private final TemplateService templates;

    TemplateResource(CentreAccess access, TemplateService templates) {
        this.access = access;
        this.templates = templates;
    }

    @GET
    @Operation(summary = "The centre's weekly availability rules")
    @APIResponse(
            responseCode = "200",
            description = "The templates",
            content = @Content(schema = @Schema(implementation = TemplateView[].class)))
    public List<TemplateView> list(@PathParam("code") String code) {
        access.require(code);
        return templates.list(code).stream().map(TemplateView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a weekly rule; slots follow at the next generation")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = TemplateRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "thursday-morning",
                                            value =
                                                    "{\"dayOfWeek\": \"THURSDAY\", \"starts\": \"08:30:00\", \"ends\": \"12:00:00\","
                                                            + " \"slotMinutes\": 30, \"capacity\": 2, \"validFrom\": \"2027-01-01\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public Response add(@PathParam("code") String code, @Valid @NotNull TemplateRequest body) {
        access.require(code);
        AvailabilityTemplate t = new AvailabilityTemplate();
        t.centreCode = code;
        t.dayOfWeek = (short) body.dayOfWeek().getValue();
        t.starts = body.starts();
        t.ends = body.ends();
        t.slotMinutes = body.slotMinutes();
        t.capacity = body.capacity();
        t.validFrom = body.validFrom();
        t.validTo = body.validTo();
        AvailabilityTemplate saved = templates.add(t);
        return Response.created(URI.create("/api/v1/centres/" + code + "/templates/" + saved.id))
                .entity(TemplateView.of(saved))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a weekly rule; existing slots stay until staff change them")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("code") String code, @PathParam("id") UUID id) {
        access.require(code);
        if (!templates.delete(code, id)) {
            throw new NotFound("template");
        }
    }
}
