package org.iom.dna.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's public API: a case's history (status steps and every contact attempt). */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(ProblemReader.class)
@ClientHeaderParam(name = "Authorization", value = "{org.iom.dna.console.api.Bearer.header}")
@Path("/api/v1/sampling-requests")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeApi {

    @GET
    @Path("/{request}/history")
    History history(@PathParam("request") UUID request);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record History(List<Transition> transitions, List<Attempt> contactAttempts) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Transition(String from, String to, Instant at, String cause) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attempt(String personRef, String kind, String channel, int attempt, String outcome, Instant at) {}
}
