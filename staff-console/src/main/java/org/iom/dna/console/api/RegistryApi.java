package org.iom.dna.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** mhac-registry-service's public API: centres and their slots. */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemReader.class)
@ClientHeaderParam(name = "Authorization", value = "{org.iom.dna.console.api.Bearer.header}")
@Path("/api/v1/centres")
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryApi {

    @GET
    List<Centre> centres();

    @GET
    @Path("/{centre}")
    Centre centre(@PathParam("centre") String centre);

    @GET
    @Path("/{centre}/slots")
    List<Slot> slots(
            @PathParam("centre") String centre, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    /** @param version the slot's version as read, sent as If-Match so a change made meanwhile is not overwritten */
    @PATCH
    @Path("/{centre}/slots/{slot}")
    @Consumes(MediaType.APPLICATION_JSON)
    Slot changeSlot(
            @PathParam("centre") String centre,
            @PathParam("slot") UUID slot,
            @HeaderParam("If-Match") String version,
            SlotChange change);

    @POST
    @Path("/{centre}/days/{date}/block")
    DayResult blockDay(@PathParam("centre") String centre, @PathParam("date") LocalDate date);

    @POST
    @Path("/{centre}/days/{date}/unblock")
    DayResult unblockDay(@PathParam("centre") String centre, @PathParam("date") LocalDate date);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Centre(String code, String name, String country, String city, String zone) {

        public ZoneId zoneId() {
            return ZoneId.of(zone);
        }

        public LocalDate today() {
            return LocalDate.now(zoneId());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Slot(
            UUID id,
            LocalDate localDate,
            LocalTime localStart,
            LocalTime localEnd,
            int capacity,
            String status,
            int version) {}

    /** Null fields are left out: change the capacity, the status, or both. */
    record SlotChange(Integer capacity, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayResult(int slotsChanged) {}
}
