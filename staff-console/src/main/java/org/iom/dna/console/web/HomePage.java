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
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
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
        static native TemplateInstance home(List<CentreLinks> centres, List<Country> countries, boolean noRole);
    }

    /** A country office's country, with its centres' day lists. */
    public record Country(String code, List<CentreLinks> centres) {}

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
        List<Country> countries = List.of();
        if (staff.mhacStaff()) {
            for (String code : staff.centres()) {
                try {
                    centres.add(links(registry.centre(code)));
                } catch (ApiProblem unknown) {
                    // A centre in the account that the registry does not know (yet): the others still serve.
                }
            }
        }
        if (staff.countryOffice()) {
            countries = registry.centres().stream()
                    .collect(Collectors.groupingBy(RegistryApi.Centre::country, TreeMap::new, Collectors.toList()))
                    .entrySet()
                    .stream()
                    .map(country -> new Country(
                            country.getKey(),
                            country.getValue().stream()
                                    .sorted(Comparator.comparing(RegistryApi.Centre::code))
                                    .map(this::links)
                                    .toList()))
                    .toList();
        }
        return Templates.home(centres, countries, !staff.mhacStaff() && !staff.countryOffice());
    }

    private CentreLinks links(RegistryApi.Centre centre) {
        LocalDate today = centre.today();
        return new CentreLinks(
                centre.code(),
                centre.name(),
                DayListPage.address(centre.code(), today),
                words.t("home_today", words.date(today)),
                DayListPage.address(centre.code(), today.plusDays(1)),
                words.t("home_tomorrow", words.date(today.plusDays(1))),
                SlotsPage.address(centre.code(), today));
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
