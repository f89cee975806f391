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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.ClosuresApi;
import org.jboss.resteasy.reactive.RestForm;

/** A country's closures and holidays, from today on: add one for a centre or the whole country, or remove one. */
@Path("/countries/{country}/closures")
@Produces(MediaType.TEXT_HTML)
public class ClosuresPage {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** How far ahead the page lists closures: a year of holidays. */
    private static final int DAYS_AHEAD = 366;

    @Inject
    @RestClient
    ClosuresApi closures;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance closures(
                String country, List<ClosuresApi.Closure> closures, String notice, String problem, ClosureForm form);
    }

    /** The form as typed, kept when the registry refuses it. */
    public record ClosureForm(
            String centreCode, String firstDay, String lastDay, String reason, String description, boolean estimated) {

        static final ClosureForm EMPTY = new ClosureForm("", "", "", "PUBLIC_HOLIDAY", "", false);
    }

    static String address(String country) {
        return "/countries/" + country + "/closures";
    }

    @GET
    public TemplateInstance closures(
            @PathParam("country") String country,
            @QueryParam("withdrawn") Integer withdrawn,
            @QueryParam("removed") String removed) {
        String notice = withdrawn != null
                ? words.t("closure_added", withdrawn)
                : removed != null ? words.t("closure_removed") : null;
        return page(country, notice, null, ClosureForm.EMPTY);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("country") String country,
            @RestForm String centreCode,
            @RestForm String firstDay,
            @RestForm String lastDay,
            @RestForm String reason,
            @RestForm String description,
            @RestForm String estimated) {
        ClosureForm typed = new ClosureForm(centreCode, firstDay, lastDay, reason, description, estimated != null);
        try {
            String centre = centreCode == null || centreCode.isBlank()
                    ? null
                    : centreCode.trim().toUpperCase(Locale.ROOT);
            ClosuresApi.Created created = closures.add(new ClosuresApi.NewClosure(
                    centre,
                    centre == null ? country : null,
                    day("firstDay", firstDay),
                    day("lastDay", lastDay),
                    reason,
                    description == null || description.isBlank() ? null : description.trim(),
                    typed.estimated()));
            return Response.seeOther(URI.create(address(country) + "?withdrawn=" + created.slotsWithdrawn()))
                    .build();
        } catch (ApiProblem refused) {
            return ErrorPages.shownOnPage(
                    refused, refused.status(), words, message -> page(country, null, message, typed));
        }
    }

    @POST
    @Path("/{closure}/removal")
    public Response remove(@PathParam("country") String country, @PathParam("closure") UUID closure) {
        closures.remove(closure);
        return Response.seeOther(URI.create(address(country) + "?removed=" + closure))
                .build();
    }

    private static LocalDate day(String field, String typed) {
        try {
            return LocalDate.parse(typed == null ? "" : typed.trim());
        } catch (DateTimeParseException e) {
            throw new ApiProblem(400, "Bad Request", null, List.of(new ApiProblem.FieldError(field, "is not a date")));
        }
    }

    private TemplateInstance page(String country, String notice, String problem, ClosureForm form) {
        if (!COUNTRY.matcher(country).matches()) {
            throw new ApiProblem(404, "Not Found", null, null);
        }
        LocalDate today = LocalDate.now();
        List<ClosuresApi.Closure> found =
                new ArrayList<>(closures.closures(country, today.minusDays(1), today.plusDays(DAYS_AHEAD)));
        found.sort((a, b) -> a.firstDay().compareTo(b.firstDay()));
        return Templates.closures(country, found, notice, problem, form);
    }
}
