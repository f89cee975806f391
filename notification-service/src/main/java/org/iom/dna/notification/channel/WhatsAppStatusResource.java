package org.iom.dna.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.service.DeliveryOutcomes;
import org.iom.dna.notification.webhook.Hmac;

/**
 * Where Meta tells us what became of WhatsApp messages (status webhooks). Meta cannot present a Keycloak token:
 * each request is authenticated by its {@code X-Hub-Signature-256} (HMAC-SHA256 of the body with the app secret)
 * instead, and refused without a valid one.
 */
@Path("/webhooks/whatsapp")
@Tag(name = "Provider callbacks", description = "Delivery statuses from messaging providers (signed by them)")
@PermitAll
public class WhatsAppStatusResource {

    private final NotificationConfig.WhatsApp config;
    private final DeliveryOutcomes outcomes;
    private final ObjectMapper json;

    WhatsAppStatusResource(NotificationConfig config, DeliveryOutcomes outcomes, ObjectMapper json) {
        this.config = config.whatsapp();
        this.outcomes = outcomes;
        this.json = json;
    }

    /** Meta's check that the URL is ours: echo the challenge when the verify token matches. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's verification of the callback URL")
    public Response verify(
            @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        boolean ours = "subscribe".equals(mode)
                && config.verifyToken().isPresent()
                && token != null
                && MessageDigest.isEqual(
                        config.verifyToken().get().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8));
        return ours
                ? Response.ok(challenge).build()
                : Response.status(Response.Status.FORBIDDEN).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Message statuses (sent, delivered, read, failed), signed with the app secret")
    public Response statuses(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body) throws IOException {
        if (!signedByMeta(signature, body)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        for (JsonNode entry : json.readTree(body).path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    String id = status.path("id").asText(null);
                    switch (status.path("status").asText("")) {
                        case "delivered", "read" -> outcomes.receipt(Channel.WHATSAPP, id, true);
                        case "failed" -> outcomes.receipt(Channel.WHATSAPP, id, false);
                        default -> {
                            // "sent": Meta's servers have it; the receipt decides
                        }
                    }
                }
            }
        }
        return Response.ok().build();
    }

    private boolean signedByMeta(String header, byte[] body) {
        if (header == null
                || !header.startsWith("sha256=")
                || config.appSecret().isEmpty()) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = Hmac.sha256(config.appSecret().get().getBytes(StandardCharsets.UTF_8), body);
        return MessageDigest.isEqual(expected, given);
    }
}
