package org.iom.dna.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.IntakeApi;
import org.iom.dna.console.api.NotificationApi;
import org.iom.dna.console.api.SchedulingApi;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A family case for the country office: where it stands, its appointments, its timeline with every contact
 * attempt, and booking or moving it by hand (with a reason to go beyond a day's capacity).
 */
@Path("/families/{request}")
@Produces(MediaType.TEXT_HTML)
public class FamilyPage {

    @Inject
    @RestClient
    SchedulingApi scheduling;

    @Inject
    @RestClient
    IntakeApi intake;

    @Inject
    @RestClient
    NotificationApi notification;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance family(FamilyView view);
    }

    public record FamilyView(
            SchedulingApi.Family family,
            String self,
            SchedulingApi.Appointment current,
            List<SchedulingApi.Appointment> appointments,
            IntakeApi.History history,
            String historyMissing,
            List<NotificationApi.Delivery> failedDeliveries,
            String notice,
            String problem,
            MoveForm move) {

        /**
         * The zone the family's moments are written in: its centre's (of the latest appointment), as staff there and
         * in the country office live by it; UTC for a family never booked.
         */
        public String zone() {
            return appointments.isEmpty() ? null : appointments.get(0).zone();
        }
    }

    /** The move form as typed, kept when the service refuses it. */
    public record MoveForm(String centreCode, String localDate, boolean beyondCapacity, String reason) {}

    static String address(UUID request) {
        return "/families/" + request;
    }

    @GET
    public TemplateInstance family(@PathParam("request") UUID request, @QueryParam("moved") String moved) {
        String notice = null;
        if (moved != null && moved.contains(":")) {
            String[] parts = moved.split(":", 2);
            try {
                notice = words.t("moved", parts[0], words.date(LocalDate.parse(parts[1])));
            } catch (DateTimeParseException e) {
                notice = words.t("moved", parts[0], parts[1]);
            }
        }
        return Templates.family(view(request, notice, null, null));
    }

    @POST
    @Path("/appointment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(
            @PathParam("request") UUID request,
            @RestForm String centreCode,
            @RestForm String localDate,
            @RestForm String beyondCapacity,
            @RestForm String reason) {
        MoveForm typed = new MoveForm(centreCode, localDate, beyondCapacity != null, reason);
        try {
            LocalDate day;
            try {
                day = LocalDate.parse(localDate == null ? "" : localDate.trim());
            } catch (DateTimeParseException e) {
                throw new ApiProblem(
                        400, "Bad Request", null, List.of(new ApiProblem.FieldError("localDate", "is not a date")));
            }
            SchedulingApi.Appointment booked = scheduling.bookByHand(
                    request,
                    new SchedulingApi.HandBooking(
                            centreCode == null ? null : centreCode.trim().toUpperCase(Locale.ROOT),
                            day,
                            typed.beyondCapacity(),
                            reason == null || reason.isBlank() ? null : reason.trim()));
            return Response.seeOther(
                            URI.create(address(request) + "?moved=" + booked.centreCode() + ":" + booked.localDate()))
                    .build();
        } catch (ApiProblem refused) {
            return ErrorPages.shownOnPage(
                    refused, refused.status(), words, message -> Templates.family(view(request, null, message, typed)));
        }
    }

    private FamilyView view(UUID request, String notice, String problem, MoveForm move) {
        SchedulingApi.Family family = scheduling.family(request);
        List<SchedulingApi.Appointment> appointments = scheduling.appointments(request).stream()
                .sorted(Comparator.comparing(SchedulingApi.Appointment::bookedAt)
                        .reversed())
                .toList();
        SchedulingApi.Appointment current = appointments.stream()
                .filter(a -> "BOOKED".equals(a.status()))
                .findFirst()
                .orElse(null);
        IntakeApi.History history = null;
        String historyMissing = null;
        List<NotificationApi.Delivery> failed = List.of();
        // The timeline comes from intake and notification: when one does not answer, the rest of the page still
        // serves (the move form most of all).
        try {
            history = intake.history(request);
            failed = notification.deliveries(request).stream()
                    .filter(d -> "FAILED".equals(d.status()) || "NO_CHANNEL".equals(d.status()))
                    .toList();
        } catch (RuntimeException unavailable) {
            historyMissing = ErrorPages.unavailable(words, unavailable);
        }
        return new FamilyView(
                family,
                address(request),
                current,
                appointments,
                history,
                historyMissing,
                failed,
                notice,
                problem,
                move == null ? new MoveForm(current == null ? "" : current.centreCode(), "", false, "") : move);
    }

    /** A failed delivery sent again (notification-service decides whether it may be). */
    @POST
    @Path("/deliveries/{delivery}/resend")
    public Response resend(@PathParam("request") UUID request, @PathParam("delivery") UUID delivery) {
        notification.resend(delivery);
        return Response.seeOther(URI.create(address(request))).build();
    }
}
