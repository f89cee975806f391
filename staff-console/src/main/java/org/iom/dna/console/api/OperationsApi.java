package org.iom.dna.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * The dead-letter API every service has (platform's operations resource). One client per service, made by
 * {@link Services#operations}.
 */
@ClientHeaderParam(name = "Authorization", value = "{org.iom.dna.console.api.Bearer.header}")
@Path("/api/v1/operations/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public interface OperationsApi {

    @GET
    List<DeadLetter> deadLetters();

    @POST
    @Path("/{id}/replay")
    Map<String, Object> replay(@PathParam("id") long id);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeadLetter(
            long id, String consumer, String eventType, String reason, Instant parkedAt, Instant replayedAt) {}
}
