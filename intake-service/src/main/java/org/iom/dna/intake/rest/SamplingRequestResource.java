package org.iom.dna.intake.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.service.CaseFilter;
import org.iom.dna.intake.service.SamplingRequestService;
import org.iom.dna.intake.service.SubmissionResult;
import org.iom.dna.platform.audit.Audited;
import org.iom.dna.platform.domain.NotAllowed;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;

@Path("/api/v1/sampling-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sampling requests", description = "Family cases the IND asks IOM to sample")
@SecurityRequirement(name = "keycloak")
public class SamplingRequestResource {

    private static final String SORT = "-?(receivedAt|deadline|priority|status|updatedAt)";

    private final SamplingRequestService service;
    private final SecurityIdentity identity;

    SamplingRequestResource(SamplingRequestService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("ind-system")
    @Audited(
            record = "sampling-request",
            fields = {
                "names",
                "birth dates",
                "sex",
                "nationality",
                "city",
                "contact",
                "needs details",
                "guardian",
                "note"
            })
    @Operation(
            summary = "Submit a family case",
            description = "Idempotent on indReference: resending the same content returns 200 and the stored case.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SamplingRequestSubmission.class),
                            examples = @ExampleObject(name = "mother-and-son", value = Examples.SUBMISSION)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same request was submitted before; the stored case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    public Response submit(@Valid @NotNull SamplingRequestSubmission submission, @Context UriInfo uri) {
        SubmissionResult result = service.submit(submission.toCommand());
        SamplingRequestView view = SamplingRequestView.of(result.request());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(
                        uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(summary = "Read a family case with its status and each member's appointment")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public SamplingRequestView get(@PathParam("id") UUID id) {
        return service.find(id).map(SamplingRequestView::of).orElseThrow(() -> new NotFound("sampling request"));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(summary = "Every status transition of a case and every attempt to reach its members, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content = @Content(schema = @Schema(implementation = HistoryView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public HistoryView history(@PathParam("id") UUID id) {
        return service.history(id).map(HistoryView::of).orElseThrow(() -> new NotFound("sampling request"));
    }

    @GET
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(
            summary = "Find cases",
            description = "The IND looks a case up by its own reference (indReference). Country offices and admins "
                    + "list and filter all cases, a page at a time, in a stable order.")
    @APIResponse(
            responseCode = "200",
            description = "A page of cases and the total number of matches",
            content = @Content(schema = @Schema(implementation = CaseListView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public CaseListView search(
            @Parameter(description = "The IND's reference; returns at most one case") @QueryParam("indReference")
                    String indReference,
            @Parameter(description = "Sampling country, e.g. ET")
                    @QueryParam("country")
                    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                    String country,
            @QueryParam("status") RequestStatus status,
            @QueryParam("priority") Priority priority,
            @Parameter(description = "Only cases whose deadline is before this date") @QueryParam("deadlineBefore")
                    LocalDate deadlineBefore,
            @Parameter(description = "Received at or after this instant (ISO 8601, UTC)") @QueryParam("receivedFrom")
                    Instant receivedFrom,
            @Parameter(description = "Received before this instant") @QueryParam("receivedTo") Instant receivedTo,
            @Parameter(description = "receivedAt, deadline, priority, status or updatedAt; prefix - for descending")
                    @QueryParam("sort")
                    @DefaultValue("-receivedAt")
                    @Pattern(
                            regexp = SORT,
                            message =
                                    "must be one of receivedAt, deadline, priority, status, updatedAt, optionally prefixed with -")
                    String sort,
            // Bounded so that page × size stays a valid row offset.
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (indReference != null) {
            List<SamplingRequestView> found =
                    service.findByIndReference(indReference).map(SamplingRequestView::of).stream()
                            .toList();
            return new CaseListView(found, 0, size, found.size());
        }
        if (!identity.hasRole("country-office") && !identity.hasRole("admin")) {
            throw new NotAllowed("the IND looks cases up by indReference; listing is for IOM staff");
        }
        boolean descending = sort.startsWith("-");
        SamplingRequestService.PageOf result = service.search(
                new CaseFilter(country, status, priority, deadlineBefore, receivedFrom, receivedTo),
                descending ? sort.substring(1) : sort,
                descending,
                page,
                size);
        return new CaseListView(
                result.items().stream().map(SamplingRequestView::of).toList(), page, size, result.total());
    }
}
