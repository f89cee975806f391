package org.iom.dna.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.service.DeliveryOutcomes;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.platform.openapi.ProblemResponses;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "Every message sent, or tried, to a family")
@SecurityRequirement(name = "keycloak")
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final DeliveryOutcomes outcomes;

    DeliveryResource(DeliveryService deliveries, DeliveryOutcomes outcomes) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
    }

    public record DeliveryView(
            UUID id,
            String kind,
            String channel,
            String memberRef,
            String centreCode,
            LocalDate localDate,
            LocalTime localStart,
            String status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt,
            UUID fallbackOf,
            int outageRetries,
            String providerRef,
            String receipt,
            Instant receiptAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id,
                    d.kind,
                    d.channel.name(),
                    d.memberRef,
                    d.centreCode,
                    d.localDate,
                    d.localStart,
                    d.status.name(),
                    d.attempts,
                    d.lastError,
                    d.createdAt,
                    d.sentAt,
                    d.fallbackOf,
                    d.outageRetries,
                    d.providerRef,
                    d.receipt,
                    d.receiptAt);
        }
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed({"country-office", "admin"})
    @Operation(
            summary = "Send a message again, on the same channel",
            description = "For a family who lost the message or asks for it again. A message about an appointment"
                    + " that no longer stands is not sent again (409).")
    @APIResponse(
            responseCode = "200",
            description = "Pending again; the dispatcher sends it within seconds",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public DeliveryView resend(@PathParam("id") UUID id) {
        return DeliveryView.of(outcomes.resend(id));
    }

    @GET
    @RolesAllowed({"country-office", "admin"})
    @Operation(summary = "Deliveries for one sampling request, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The deliveries",
            content =
                    @Content(
                            schema = @Schema(implementation = DeliveryView[].class),
                            examples =
                                    @ExampleObject(
                                            name = "sent",
                                            value = "[{\"id\": \"5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b\","
                                                    + " \"kind\": \"APPOINTMENT_CONFIRMATION\", \"channel\": \"SMS\", \"memberRef\": \"P-100231\","
                                                    + " \"centreCode\": \"ET-ADD\", \"localDate\": \"2026-12-09\", \"localStart\": \"08:30:00\","
                                                    + " \"status\": \"SENT\", \"attempts\": 1, \"createdAt\": \"2026-11-28T09:12:03Z\","
                                                    + " \"sentAt\": \"2026-11-28T09:12:04Z\", \"fallbackOf\": null, \"outageRetries\": 0,"
                                                    + " \"providerRef\": \"5f1c2a\", \"receipt\": \"DELIVERED\","
                                                    + " \"receiptAt\": \"2026-11-28T09:12:09Z\"}]")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<DeliveryView> forRequest(@QueryParam("requestId") UUID requestId) {
        return deliveries.forRequest(requestId).stream().map(DeliveryView::of).toList();
    }
}
