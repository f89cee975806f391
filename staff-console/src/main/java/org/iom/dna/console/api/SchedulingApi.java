package org.iom.dna.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scheduling-service's public API, as far as the console uses it (its OpenAPI document has the rest). */
@RegisterRestClient(configKey = "scheduling")
@RegisterProvider(ProblemReader.class)
@ClientHeaderParam(name = "Authorization", value = "{org.iom.dna.console.api.Bearer.header}")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulingApi {

    @GET
    @Path("/centres/{centre}/days/{date}")
    DayList dayList(@PathParam("centre") String centre, @PathParam("date") LocalDate date);

    @PUT
    @Path("/appointments/{appointment}/members/{member}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> recordAttendance(
            @PathParam("appointment") UUID appointment, @PathParam("member") String member, AttendanceEntry entry);

    @POST
    @Path("/centres/{centre}/days/{date}/close")
    DayClosed closeDay(@PathParam("centre") String centre, @PathParam("date") LocalDate date);

    @GET
    @Path("/waitlist")
    List<Family> waitlist(@QueryParam("country") String country);

    @GET
    @Path("/families/{request}")
    Family family(@PathParam("request") UUID request);

    @GET
    @Path("/families/{request}/appointments")
    List<Appointment> appointments(@PathParam("request") UUID request);

    @PUT
    @Path("/families/{request}/appointment")
    @Consumes(MediaType.APPLICATION_JSON)
    Appointment bookByHand(@PathParam("request") UUID request, HandBooking booking);

    @GET
    @Path("/optimiser-runs")
    List<Run> runs(@QueryParam("country") String country);

    @GET
    @Path("/optimiser-runs/{run}")
    Run run(@PathParam("run") UUID run);

    @POST
    @Path("/optimiser-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    Run replan(Map<String, String> country);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayList(String centreCode, LocalDate localDate, List<DayAppointment> appointments) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayAppointment(
            UUID appointmentId,
            UUID requestId,
            String priority,
            String status,
            String location,
            List<DayMember> members) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayMember(
            String memberRef,
            String ageBand,
            boolean minor,
            String accompaniedBy,
            LocalTime localStart,
            String language,
            boolean needsInterpreter,
            boolean needsAccessibility,
            boolean needsMedicalCare,
            String attendance) {}

    /** What a member's attendance becomes; null fields are left out of the request. */
    record AttendanceEntry(
            String attendance,
            Boolean identityVerified,
            String consentGivenBy,
            String kitNumber,
            String correctionReason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayClosed(int appointments, int noShows, int rebooked, int completed, int unreachable) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Family(
            UUID requestId,
            String status,
            String priority,
            LocalDate deadline,
            Instant receivedAt,
            String waitReason,
            Instant deadlineAtRiskSince,
            int missedAppointments,
            KeptDay dayKeptForIt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeptDay(String centreCode, LocalDate localDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Appointment(
            UUID id,
            String status,
            String centreCode,
            String zone,
            LocalDate localDate,
            Instant bookedAt,
            String bookedBy,
            String overrideReason,
            List<AppointmentMember> members) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppointmentMember(String memberRef, LocalTime localStart, String attendance) {}

    record HandBooking(String centreCode, LocalDate localDate, boolean beyondCapacity, String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(
            UUID runId,
            String country,
            String trigger,
            String requestedBy,
            Instant startedAt,
            String outcome,
            int families,
            int moved,
            int newlyBooked,
            int stillWaiting,
            Long objectiveBefore,
            Long objectiveAfter,
            String detail,
            List<RunChange> changes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RunChange(
            UUID requestId,
            String change,
            String fromCentre,
            LocalDate fromDate,
            String toCentre,
            LocalDate toDate,
            String reason) {}
}
