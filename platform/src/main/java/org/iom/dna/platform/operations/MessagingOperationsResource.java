package org.iom.dna.platform.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.messaging.DeadLetters;
import org.iom.dna.platform.messaging.ParkedEvents;
import org.iom.dna.platform.openapi.ProblemResponses;

/**
 * Dead letters (records this service's consumers parked) and parked outbox rows (events the broker
 * refused): listed for country offices and admins, and replayed or released once the cause is fixed.
 * Every service has these operations; each shows only its own.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters and parked events: inspect and replay")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"country-office", "admin"})
public class MessagingOperationsResource {

    private static final String CONSUMER = "^[a-z0-9.-]{1,100}$";
    private static final String REPLAY_EXAMPLE = "{\"id\": 7, \"outcome\": \"APPLIED\"}";

    private final DeadLetters deadLetters;
    private final ParkedEvents parkedEvents;

    MessagingOperationsResource(DeadLetters deadLetters, ParkedEvents parkedEvents) {
        this.deadLetters = deadLetters;
        this.parkedEvents = parkedEvents;
    }

    @GET
    @Path("/dead-letters")
    @Operation(
            summary = "Parked records, oldest first",
            description = "Records a consumer of this service could not apply and will not retry by itself: ones"
                    + " that break their contract, or that failed the same unexplained way while the database answered."
                    + " Transient failures (database or broker away) are retried, never parked.")
    @APIResponse(
            responseCode = "200",
            description = "Parked records (without payloads)",
            content = @Content(schema = @Schema(implementation = DeadLetterView[].class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<DeadLetterView> deadLetters(
            @Parameter(description = "Only this consumer's, e.g. scheduling.sampling-requests")
                    @QueryParam("consumer")
                    @Pattern(regexp = CONSUMER)
                    String consumer,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.parked(consumer, limit).stream()
                .map(d -> DeadLetterView.of(d, false))
                .toList();
    }

    @GET
    @Path("/dead-letters/depth")
    @Operation(
            summary = "How many records each consumer has parked",
            description = "Also lists this service's consumers, so a consumer with none parked shows 0.")
    @APIResponse(
            responseCode = "200",
            description = "Parked records per consumer",
            content = @Content(examples = @ExampleObject(name = "none", value = "{\"scheduling.slots\": 0}")))
    public Map<String, Long> depth() {
        Map<String, Long> depth = new java.util.TreeMap<>();
        deadLetters.consumers().forEach(consumer -> depth.put(consumer, 0L));
        depth.putAll(deadLetters.depth());
        return depth;
    }

    @GET
    @Path("/dead-letters/{id}")
    @Operation(summary = "One dead letter, with its payload and headers")
    @APIResponse(
            responseCode = "200",
            description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public DeadLetterView deadLetter(@PathParam("id") long id) {
        return deadLetters
                .find(id)
                .map(d -> DeadLetterView.of(d, true))
                .orElseThrow(() -> new NotFound("dead letter " + id));
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Operation(
            summary = "Replay one dead letter through its consumer",
            description = "Goes through the inbox like a delivery from Kafka: an event is applied at most once,"
                    + " however often it is replayed (ALREADY_APPLIED, ALREADY_REPLAYED).")
    @APIResponse(
            responseCode = "200",
            description = "Replayed, or nothing left to do",
            content =
                    @Content(
                            schema = @Schema(implementation = DeadLetters.Replay.class),
                            examples = @ExampleObject(name = "applied", value = REPLAY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public DeadLetters.Replay replay(@PathParam("id") long id) {
        DeadLetters.Replay replay = deadLetters.replay(id).orElseThrow(() -> new NotFound("dead letter " + id));
        if (replay.outcome() == DeadLetters.Outcome.STILL_FAILING
                || replay.outcome() == DeadLetters.Outcome.NO_CONSUMER) {
            throw new Conflict("replay-failed", "The dead letter could not be applied", replay.reason(), null);
        }
        return replay;
    }

    @POST
    @Path("/dead-letters/replay")
    @Operation(
            summary = "Replay parked records, oldest first",
            description = "Each record is replayed as by the single replay; the outcome of each is listed.")
    @APIResponse(
            responseCode = "200",
            description = "One outcome per record",
            content =
                    @Content(
                            schema = @Schema(implementation = DeadLetters.Replay[].class),
                            examples = @ExampleObject(name = "applied", value = "[" + REPLAY_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<DeadLetters.Replay> replayAll(
            @Parameter(description = "Only this consumer's") @QueryParam("consumer") @Pattern(regexp = CONSUMER)
                    String consumer,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.replayAll(consumer, limit);
    }

    @GET
    @Path("/parked-events")
    @Operation(
            summary = "Outbox events the broker refused for good, oldest first",
            description = "Later events of the same key wait behind a parked one, so their order holds.")
    @APIResponse(
            responseCode = "200",
            description = "Parked outbox rows",
            content = @Content(schema = @Schema(implementation = ParkedEventView[].class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<ParkedEventView> parkedEvents(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parkedEvents.parked(limit).stream().map(ParkedEventView::of).toList();
    }

    @POST
    @Path("/parked-events/{position}/release")
    @Operation(summary = "Give a parked event back to the relay (after the broker's limit or the topic was fixed)")
    @APIResponse(
            responseCode = "200",
            description = "Released; the relay sends it, then the events behind it",
            content = @Content(schema = @Schema(implementation = ParkedEventView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public ParkedEventView release(@PathParam("position") long position) {
        return parkedEvents
                .release(position)
                .map(ParkedEventView::of)
                .orElseThrow(() -> new NotFound("parked event " + position));
    }
}
