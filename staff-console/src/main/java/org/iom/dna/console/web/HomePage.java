package org.iom.dna.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.RegistryApi;

/** Where each staff member starts: an MHAC's centres (today, tomorrow, slots), a country office's queues. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    Staff staff;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<CentreLinks> centres, List<String> countries, boolean noRole);
    }

    /** A centre with its own today and tomorrow, in its own time zone. */
    public record CentreLinks(
            String code,
            String name,
            String today,
            String todayLabel,
            String tomorrow,
            String tomorrowLabel,
            String slots) {}

    @GET
    public TemplateInstance home() {
        List<CentreLinks> centres = new ArrayList<>();
        List<String> countries = List.of();
        if (staff.mhacStaff()) {
            for (String code : staff.centres()) {
                RegistryApi.Centre centre = registry.centre(code);
                LocalDate today = centre.today();
                centres.add(new CentreLinks(
                        code,
                        centre.name(),
                        DayListPage.address(code, today),
                        words.t("home_today", words.date(today)),
                        DayListPage.address(code, today.plusDays(1)),
                        words.t("home_tomorrow", words.date(today.plusDays(1))),
                        SlotsPage.address(code, today)));
            }
        }
        if (staff.countryOffice()) {
            countries = registry.centres().stream()
                    .map(RegistryApi.Centre::country)
                    .distinct()
                    .sorted()
                    .toList();
        }
        return Templates.home(centres, countries, !staff.mhacStaff() && !staff.countryOffice());
    }

    /** The case-number box of the home page. */
    @GET
    @Path("/families")
    public Response openFamily(@QueryParam("request") String request) {
        try {
            return Response.seeOther(URI.create(FamilyPage.address(UUID.fromString(request.trim()))))
                    .build();
        } catch (RuntimeException notAnId) {
            return Response.seeOther(URI.create("/")).build();
        }
    }
}
