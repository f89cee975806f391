package org.iom.dna.scheduling.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.scheduling.domain.OptimiserRun;
import org.iom.dna.scheduling.service.Replanner;

/** The re-planning runs of tentative bookings and waitlists: what each changed, and a run on demand. */
@Path("/api/v1/optimiser-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Re-planning")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"country-office", "admin"})
public class OptimiserRunResource {

    private static final String RUN_EXAMPLE =
            "{\"runId\": \"5b0f7c2e-8a4d-4e1f-9c3b-7d2a6e8f1b40\", \"country\": \"ET\","
                    + " \"trigger\": \"ON_DEMAND\", \"requestedBy\": \"officer.addis\", \"startedAt\": \"2026-11-30T06:00:00Z\","
                    + " \"finishedAt\": \"2026-11-30T06:00:01.4Z\", \"outcome\": \"APPLIED\", \"families\": 3, \"moved\": 1,"
                    + " \"newlyBooked\": 2, \"stillWaiting\": 0, \"objectiveBefore\": 4000, \"objectiveAfter\": 6,"
                    + " \"bestBound\": 6, \"optimal\": true, \"solveMillis\": 212, \"solverStatus\": \"ET optimal\","
                    + " \"detail\": null, \"changes\": [{\"requestId\": \"9d2e4b6a-1c3f-4a5e-8b7d-0f2a4c6e8a1b\","
                    + " \"change\": \"MOVED\", \"fromCentre\": \"ET-ADD\", \"fromDate\": \"2026-12-14\", \"toCentre\":"
                    + " \"ET-ADD\", \"toDate\": \"2026-12-15\", \"reason\": null}]}";
    private static final String REQUEST_EXAMPLE = "{\"country\": \"ET\"}";

    private final Replanner replanner;
    private final SecurityIdentity identity;

    OptimiserRunResource(Replanner replanner, SecurityIdentity identity) {
        this.replanner = replanner;
        this.identity = identity;
    }

    @GET
    @Transactional
    @Operation(
            summary = "The latest re-planning runs, newest first",
            description = "All countries or one. Each run says how many tentative and waiting families it planned,"
                    + " how many it moved, booked or left waiting, and the objective before and after (read one run"
                    + " for what it did to each family).")
    @APIResponse(
            responseCode = "200",
            description = "The runs, without their changes",
            content = @Content(schema = @Schema(implementation = OptimiserRunView[].class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<OptimiserRunView> latest(
            @Parameter(description = "Only this sampling country's runs, e.g. ET")
                    @QueryParam("country")
                    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                    String country,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return OptimiserRun.latest(country, limit).stream()
                .map(run -> OptimiserRunView.of(run, false))
                .toList();
    }

    @GET
    @Path("/{runId}")
    @Transactional
    @Operation(summary = "One re-planning run, with what it did to each family")
    @APIResponse(
            responseCode = "200",
            description = "The run and its changes",
            content =
                    @Content(
                            schema = @Schema(implementation = OptimiserRunView.class),
                            examples = @ExampleObject(name = "one-move", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public OptimiserRunView run(@PathParam("runId") UUID runId) {
        OptimiserRun run = OptimiserRun.findById(runId);
        if (run == null) {
            throw new NotFound("optimiser run " + runId);
        }
        return OptimiserRunView.of(run, true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Re-plan a country now",
            description = "Re-plans the country's tentative bookings and waiting families together (confirmed"
                    + " appointments stay where they are), applies the best plan found within the configured time"
                    + " limit, and answers with the run. Families are told of a moved day only when it is confirmed. One run"
                    + " per country at a time: 409 while another is under way.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = OptimiserRunRequest.class),
                            examples = @ExampleObject(name = "ethiopia", value = REQUEST_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "The run, finished",
            content =
                    @Content(
                            schema = @Schema(implementation = OptimiserRunView.class),
                            examples = @ExampleObject(name = "one-move", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response replan(@Valid @NotNull OptimiserRunRequest body) {
        OptimiserRun run = replanner.replan(
                body.country(),
                OptimiserRun.Trigger.ON_DEMAND,
                identity.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/optimiser-runs/" + run.id))
                .entity(OptimiserRunView.of(run, true))
                .build();
    }
}
