package org.iom.dna.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scheduling's day lists, read with notification-service's own service-account token. References only, no names. */
@RegisterRestClient(configKey = "scheduling")
@OidcClientFilter
@Path("/api/v1/centres")
public interface SchedulingClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayList(String centreCode, LocalDate localDate, List<Appointment> appointments) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Appointment(
            UUID appointmentId,
            UUID requestId,
            String priority,
            String status,
            String location,
            List<Member> members) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(
            String memberRef,
            String ageBand,
            boolean minor,
            String accompaniedBy,
            LocalTime localStart,
            Instant startsAt,
            String language,
            boolean needsInterpreter,
            boolean needsAccessibility,
            boolean needsMedicalCare) {}

    @GET
    @Path("/{centreCode}/days/{date}")
    DayList dayList(@PathParam("centreCode") String centreCode, @PathParam("date") String date);
}
