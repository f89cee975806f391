package org.iom.dna.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's public API: a family's deliveries, and sending a failed one again. */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(ProblemReader.class)
@ClientHeaderParam(name = "Authorization", value = "{org.iom.dna.console.api.Bearer.header}")
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    @GET
    List<Delivery> deliveries(@QueryParam("requestId") UUID request);

    @POST
    @Path("/{delivery}/resend")
    Delivery resend(@PathParam("delivery") UUID delivery);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(
            UUID id,
            String kind,
            String channel,
            String memberRef,
            String status,
            int attempts,
            String lastError,
            Instant createdAt) {}
}
