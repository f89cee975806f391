package org.iom.dna.notification.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.notification.webhook.WebhookDelivery;
import org.iom.dna.notification.webhook.WebhookService;
import org.iom.dna.notification.webhook.WebhookSubscription;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.openapi.ProblemResponses;

/**
 * The IND registers where it wants to be told of changes to its cases; country offices see what was sent and
 * retry what was parked. The signing scheme is in docs/webhooks.md.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed notices of every case change to the IND's systems")
@SecurityRequirement(name = "keycloak")
public class WebhookResource {

    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "https://webhooks.ind.example.nl/dna-sampling")
            String url,

            @Size(max = 200) String description) {}

    public record SubscriptionView(UUID id, String url, String description, Instant createdAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id, s.url, s.description, s.createdAt);
        }
    }

    /** @param secret the signing secret: shown once, in this answer only */
    public record Subscribed(UUID id, String url, String description, Instant createdAt, String secret) {}

    public record DeliveryView(
            UUID id,
            UUID subscriptionId,
            String type,
            UUID requestId,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(
                    d.id,
                    d.subscriptionId,
                    d.type,
                    d.requestId,
                    d.status.name(),
                    d.attempts,
                    d.lastStatus,
                    d.lastError,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null,
                    d.createdAt,
                    d.deliveredAt);
        }
    }

    @POST
    @Path("/webhooks")
    @RolesAllowed({"ind-system", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a URL to be told of every case change",
            description = "The URL must be https and reach a public address: loopback, link-local, private and"
                    + " reserved addresses, user info and other schemes are refused before any connection is made,"
                    + " and redirects are never followed. The answer carries the signing secret, once.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = SubscriptionRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "ind",
                                            value = "{\"url\": \"https://webhooks.ind.example.nl/dna-sampling\","
                                                    + " \"description\": \"IND case system, production\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Registered; keep the secret, it is not shown again",
            content = @Content(schema = @Schema(implementation = Subscribed.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public Response subscribe(@Valid @NotNull SubscriptionRequest body) {
        WebhookService.Subscribed created = webhooks.subscribe(
                body.url(), body.description(), identity.getPrincipal().getName());
        WebhookSubscription s = created.subscription();
        return Response.created(URI.create("/api/v1/webhooks/" + s.id))
                .entity(new Subscribed(s.id, s.url, s.description, s.createdAt, created.secret()))
                .build();
    }

    @GET
    @Path("/webhooks")
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(summary = "The registered URLs (without their secrets)")
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions",
            content = @Content(schema = @Schema(implementation = SubscriptionView[].class)))
    public List<SubscriptionView> subscriptions() {
        return webhooks.subscriptions().stream().map(SubscriptionView::of).toList();
    }

    @DELETE
    @Path("/webhooks/{id}")
    @RolesAllowed({"ind-system", "admin"})
    @Operation(summary = "Stop sending to a URL; webhooks still waiting for it are parked")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public Response unsubscribe(@PathParam("id") UUID id) {
        webhooks.unsubscribe(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/webhook-deliveries")
    @RolesAllowed({"ind-system", "country-office", "admin"})
    @Operation(summary = "Webhooks sent or waiting, newest first (at most 500); FAILED ones are parked")
    @APIResponse(
            responseCode = "200",
            description = "The webhooks",
            content = @Content(schema = @Schema(implementation = DeliveryView[].class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<DeliveryView> deliveries(@QueryParam("status") String status, @QueryParam("requestId") UUID requestId) {
        return webhooks.deliveries(status(status), Optional.ofNullable(requestId)).stream()
                .map(DeliveryView::of)
                .toList();
    }

    @POST
    @Path("/webhook-deliveries/{id}/retry")
    @RolesAllowed({"country-office", "admin"})
    @Operation(summary = "Send a parked webhook again, from its first attempt")
    @APIResponse(
            responseCode = "200",
            description = "Pending again (or as it was, when it was not parked)",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public DeliveryView retry(@PathParam("id") UUID id) {
        return DeliveryView.of(webhooks.retry(id));
    }

    private static Optional<WebhookDelivery.Status> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WebhookDelivery.Status.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("status", "must be PENDING, DELIVERED or FAILED");
        }
    }
}
