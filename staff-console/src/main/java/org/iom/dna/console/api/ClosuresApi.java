package org.iom.dna.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** mhac-registry-service's closures: public holidays and other days a centre or a whole country is shut. */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemReader.class)
@ClientHeaderParam(name = "Authorization", value = "{org.iom.dna.console.api.Bearer.header}")
@Path("/api/v1/closures")
@Produces(MediaType.APPLICATION_JSON)
public interface ClosuresApi {

    @GET
    List<Closure> closures(
            @QueryParam("country") String country, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Created add(NewClosure closure);

    @DELETE
    @Path("/{closure}")
    void remove(@PathParam("closure") UUID closure);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closure(
            UUID id,
            String centreCode,
            String country,
            LocalDate firstDay,
            LocalDate lastDay,
            String reason,
            String description,
            boolean estimated) {}

    /** A centre's closure (centreCode) or a whole country's (country only). */
    record NewClosure(
            String centreCode,
            String country,
            LocalDate firstDay,
            LocalDate lastDay,
            String reason,
            String description,
            boolean estimated) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(Closure closure, int slotsWithdrawn) {}
}
