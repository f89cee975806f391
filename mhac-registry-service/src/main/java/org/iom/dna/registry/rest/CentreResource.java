package org.iom.dna.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.service.CentreService;

@Path("/api/v1/centres")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Centres",
        description = "MHACs and ad-hoc locations, their zones, working weeks, facilities and interpreters on duty")
@SecurityRequirement(name = "keycloak")
public class CentreResource {

    static final String EXAMPLE = """
            {"name": "IOM MHAC Tehran", "country": "IR", "city": "Tehran", "cityAssumed": true,
             "zone": "Asia/Tehran", "languages": ["fa", "prs", "ps"],
             "facilities": ["WHEELCHAIR_ACCESS", "MEDICAL_CARE"], "status": "ACTIVE",
             "workingWeek": [
               {"dayOfWeek": "SATURDAY", "opens": "08:00:00", "closes": "16:30:00"},
               {"dayOfWeek": "SUNDAY", "opens": "08:00:00", "closes": "16:30:00"},
               {"dayOfWeek": "MONDAY", "opens": "08:00:00", "closes": "16:30:00"},
               {"dayOfWeek": "TUESDAY", "opens": "08:00:00", "closes": "16:30:00"},
               {"dayOfWeek": "WEDNESDAY", "opens": "08:00:00", "closes": "16:30:00"},
               {"dayOfWeek": "THURSDAY", "opens": "08:00:00", "closes": "12:30:00"}],
             "dayListEmail": "mhac-tehran@iom.example"}
            """;

    private final CentreService centres;
    private final CentreAccess access;

    CentreResource(CentreService centres, CentreAccess access) {
        this.centres = centres;
        this.access = access;
    }

    @GET
    @RolesAllowed({"mhac-staff", "country-office", "admin", "notification-service"})
    @Operation(
            summary = "List the centres with their zone and working week",
            description = "MHAC staff see their own centres; country offices, admins and notification-service (which"
                    + " e-mails each centre its day list) see all.")
    @APIResponse(
            responseCode = "200",
            description = "The centres",
            content = @Content(schema = @Schema(implementation = CentreView[].class)))
    public List<CentreView> list() {
        return centres.all().stream()
                .filter(c -> access.mayActFor(c.code))
                .map(CentreView::of)
                .toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"mhac-staff", "country-office", "admin", "notification-service"})
    @Operation(
            summary = "Read one centre; its ETag is what a change must send in If-Match",
            description = "Another centre answers MHAC staff exactly as a centre that does not exist (404).")
    @APIResponse(
            responseCode = "200",
            description = "The centre",
            content = @Content(schema = @Schema(implementation = CentreView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("code") String code) {
        access.require(code);
        Centre centre = centres.get(code);
        return Response.ok(CentreView.of(centre))
                .tag(Versions.tag(centre.version))
                .build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({"country-office", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a centre, or replace its details (then If-Match is required)",
            description =
                    "Suspending or closing a centre withdraws its future slots; the scheduler moves the families booked there.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CentreRequest.class),
                            examples = @ExampleObject(name = "tehran", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = CentreView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CentreView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED)
    public Response put(
            @PathParam("code") @Pattern(regexp = "[A-Z]{2}-[A-Z]{3}", message = "must look like ET-ADD") String code,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CentreRequest body) {
        boolean exists = centres.exists(code);
        Centre centre = exists
                ? centres.update(code, Versions.required(ifMatch), body.toDetails())
                : centres.create(code, body.toDetails());
        Response.ResponseBuilder response =
                exists ? Response.ok() : Response.created(URI.create("/api/v1/centres/" + code));
        return response.entity(CentreView.of(centre))
                .tag(Versions.tag(centre.version))
                .build();
    }
}
