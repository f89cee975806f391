package org.iom.dna.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.RegistryApi;
import org.iom.dna.console.api.SchedulingApi;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A centre's day at the door: families in the order they are due, each member's slot, age band, needs and
 * interpreter language, and one form per member to check in and record the outcome.
 */
@Path("/centres/{centre}/days/{date}")
@Produces(MediaType.TEXT_HTML)
public class DayListPage {

    private static final Pattern CENTRE = Pattern.compile("[A-Z]{2}-[A-Z]{3}");

    @Inject
    @RestClient
    SchedulingApi scheduling;

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance day(DayView view);
    }

    /** The page as a whole. */
    public record DayView(
            String centreCode,
            String centreName,
            LocalDate date,
            String title,
            String previous,
            String next,
            String self,
            List<FamilyRow> families,
            String notice,
            Failure failure) {}

    public record FamilyRow(
            int number, String priority, String location, UUID appointmentId, List<MemberRow> members) {}

    public record MemberRow(
            String id,
            SchedulingApi.DayMember member,
            String needs,
            String minorWith,
            List<Consent> consentOptions,
            String consentDefault,
            boolean recorded,
            boolean outcomeRecorded,
            String failure) {}

    /** Who may give consent for a member's sample: a member of the case, or a guardian from outside it. */
    public record Consent(String value, String label) {}

    /** What scheduling calls consent by an appointed guardian or escort who is not a member of the case. */
    static final String GUARDIAN = "GUARDIAN";

    /** A refusal by the service, shown beside the member it concerns (or above the list, for the whole day). */
    public record Failure(UUID appointmentId, String memberRef, String message) {}

    @GET
    public TemplateInstance day(
            @PathParam("centre") String centre,
            @PathParam("date") LocalDate date,
            @QueryParam("recorded") String recorded,
            @QueryParam("closed") String closed) {
        String notice = null;
        if (recorded != null && recorded.contains(":")) {
            String[] parts = recorded.split(":", 2);
            notice = words.t("recorded", parts[0], words.label("att_", parts[1]));
        } else if (closed != null) {
            String[] figures = closed.split(",");
            if (figures.length == 3) {
                notice = words.t("day_closed", figures[0], figures[1], figures[2]);
            }
        }
        return Templates.day(view(centre, date, notice, null));
    }

    /** Check-in and outcomes: one form per member; the same address answers with or without JavaScript. */
    @POST
    @Path("/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(
            @PathParam("centre") String centre,
            @PathParam("date") LocalDate date,
            @BeanParam AttendanceForm form,
            @HeaderParam("HX-Request") String htmx) {
        requireCentreCode(centre);
        try {
            scheduling.recordAttendance(form.appointmentId, form.memberRef, form.entry());
        } catch (ApiProblem refused) {
            // htmx swaps only successful answers: the same page with the message beside the member.
            return ErrorPages.shownOnPage(
                    refused,
                    htmx != null ? 200 : refused.status(),
                    words,
                    message -> Templates.day(
                            view(centre, date, null, new Failure(form.appointmentId, form.memberRef, message))));
        }
        return seeOther(
                centre,
                date,
                "recorded",
                form.memberRef + ":" + form.attendance,
                rowId(form.appointmentId, form.memberRef));
    }

    /** Closing is final: the form asks staff to confirm that everyone who came is recorded. */
    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(
            @PathParam("centre") String centre, @PathParam("date") LocalDate date, @RestForm String everyoneRecorded) {
        requireCentreCode(centre);
        if (everyoneRecorded == null) {
            return Response.seeOther(UriBuilder.fromPath(address(centre, date)).build())
                    .build();
        }
        try {
            SchedulingApi.DayClosed closed = scheduling.closeDay(centre, date);
            return seeOther(
                    centre,
                    date,
                    "closed",
                    closed.appointments() + "," + closed.noShows() + "," + closed.rebooked(),
                    null);
        } catch (ApiProblem refused) {
            return ErrorPages.shownOnPage(
                    refused,
                    refused.status(),
                    words,
                    message -> Templates.day(view(centre, date, null, new Failure(null, null, message))));
        }
    }

    /** Back to the day, saying what was done (built with UriBuilder: typed-in values are encoded, never raw). */
    private static Response seeOther(String centre, LocalDate date, String name, String value, String fragment) {
        UriBuilder to = UriBuilder.fromPath(address(centre, date)).queryParam(name, value);
        if (fragment != null) {
            to.fragment(fragment);
        }
        return Response.seeOther(to.build()).build();
    }

    /** A member's row: member references repeat across families (each case numbers its own), appointments do not. */
    static String rowId(UUID appointment, String memberRef) {
        return "m-" + appointment + "-" + memberRef;
    }

    static String address(String centre, LocalDate date) {
        return "/centres/" + centre + "/days/" + date;
    }

    private static void requireCentreCode(String centre) {
        if (!CENTRE.matcher(centre).matches()) {
            throw new ApiProblem(404, "Not Found", null, null);
        }
    }

    private DayView view(String centre, LocalDate date, String notice, Failure failure) {
        requireCentreCode(centre);
        // The day list first: for a centre that is not the user's, scheduling answers 404 and the page is absent.
        SchedulingApi.DayList day = scheduling.dayList(centre, date);
        RegistryApi.Centre about = registry.centre(centre);
        List<FamilyRow> families = new ArrayList<>();
        int number = 1;
        for (SchedulingApi.DayAppointment appointment : day.appointments()) {
            if (!"CANCELLED".equals(appointment.status())) {
                families.add(family(number++, appointment, failure));
            }
        }
        return new DayView(
                centre,
                about.name(),
                date,
                words.t("day_title", about.name(), words.date(date)),
                address(centre, date.minusDays(1)),
                address(centre, date.plusDays(1)),
                address(centre, date),
                families,
                notice,
                failure);
    }

    private FamilyRow family(int number, SchedulingApi.DayAppointment appointment, Failure failure) {
        List<Consent> adults = appointment.members().stream()
                .filter(m -> !m.minor())
                .map(m -> new Consent(m.memberRef(), m.memberRef()))
                .toList();
        // A minor's consent: an adult of the family, else a guardian from outside the case; never guessed for them.
        List<Consent> forMinors = new ArrayList<>(adults);
        forMinors.add(new Consent(GUARDIAN, words.t("consent_guardian")));
        List<MemberRow> members = appointment.members().stream()
                .map(m -> new MemberRow(
                        rowId(appointment.appointmentId(), m.memberRef()),
                        m,
                        needs(m),
                        m.minor() ? words.t("minor_with", m.accompaniedBy() == null ? "?" : m.accompaniedBy()) : null,
                        m.minor() ? forMinors : List.of(new Consent(m.memberRef(), m.memberRef())),
                        m.minor() ? m.accompaniedBy() : m.memberRef(),
                        !"BOOKED".equals(m.attendance()),
                        !"BOOKED".equals(m.attendance()) && !"CHECKED_IN".equals(m.attendance()),
                        failure != null
                                        && appointment.appointmentId().equals(failure.appointmentId())
                                        && m.memberRef().equals(failure.memberRef())
                                ? failure.message()
                                : null))
                .toList();
        return new FamilyRow(
                number,
                words.label("prio_", appointment.priority()),
                appointment.location(),
                appointment.appointmentId(),
                members);
    }

    private String needs(SchedulingApi.DayMember m) {
        List<String> needs = new ArrayList<>();
        if (m.needsInterpreter()) {
            needs.add(words.t("need_interpreter"));
        }
        if (m.needsAccessibility()) {
            needs.add(words.t("need_accessibility"));
        }
        if (m.needsMedicalCare()) {
            needs.add(words.t("need_medical"));
        }
        return needs.isEmpty() ? words.t("needs_none") : String.join(", ", needs);
    }

    /** One member's record, as the day list's forms send it. */
    public static class AttendanceForm {
        @RestForm
        UUID appointmentId;

        @RestForm
        String memberRef;

        @RestForm
        String attendance;

        @RestForm
        String identityVerified;

        @RestForm
        String consentGivenBy;

        @RestForm
        String kitNumber;

        @RestForm
        String correctionReason;

        SchedulingApi.AttendanceEntry entry() {
            boolean sampled = "SAMPLED".equals(attendance);
            boolean checkIn = "CHECKED_IN".equals(attendance);
            return new SchedulingApi.AttendanceEntry(
                    attendance,
                    sampled || checkIn ? Boolean.valueOf(identityVerified != null) : null,
                    sampled ? blankToNull(consentGivenBy) : null,
                    sampled ? blankToNull(kitNumber) : null,
                    blankToNull(correctionReason));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
