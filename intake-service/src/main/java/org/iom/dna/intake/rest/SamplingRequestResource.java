package org.iom.dna.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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
import org.iom.dna.intake.service.SamplingRequestService;
import org.iom.dna.intake.service.SubmissionResult;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.platform.rest.ProblemException;

@Path("/api/v1/sampling-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sampling requests", description = "Family cases the IND asks IOM to sample")
@SecurityRequirement(name = "keycloak")
public class SamplingRequestResource {

    private final SamplingRequestService service;

    SamplingRequestResource(SamplingRequestService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("ind-system")
    @Operation(summary = "Submit a family case",
            description = "Idempotent on indReference: resending the same content returns 200 and the stored case.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SamplingRequestSubmission.class),
            examples = @ExampleObject(name = "mother-and-son", value = Examples.SUBMISSION)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "200", description = "The same request was submitted before; the stored case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid; every violation listed with its JSON path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks role ind-system",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "indReference already used for different content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT_PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body larger than 256 KiB")
    public Response submit(@Valid @NotNull SamplingRequestSubmission submission, @Context UriInfo uri) {
        SubmissionResult result = service.submit(submission);
        SamplingRequestView view = SamplingRequestView.of(result.request());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(summary = "Read a family case with its status and each member's appointment")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed to read cases",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = Examples.NOT_FOUND_PROBLEM)))
    public SamplingRequestView get(@PathParam("id") UUID id) {
        return service.find(id).map(SamplingRequestView::of)
                .orElseThrow(() -> ProblemException.notFound("sampling request"));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(summary = "Every status transition of a case, oldest first, with its cause")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(implementation = StatusTransitionView[].class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed to read cases",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<StatusTransitionView> history(@PathParam("id") UUID id) {
        if (service.find(id).isEmpty()) {
            throw ProblemException.notFound("sampling request");
        }
        return service.history(id).stream().map(StatusTransitionView::of).toList();
    }
}
