package org.iom.dna.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.SchedulingApi;

/** A country's waitlist for its office: families whose deadline is at risk first, then by deadline. */
@Path("/countries/{country}/waitlist")
@Produces(MediaType.TEXT_HTML)
public class WaitlistPage {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** At risk first (the IND has been told), then the nearest deadline, then the longest wait. */
    static final Comparator<SchedulingApi.Family> URGENCY = Comparator.comparing(
                    (SchedulingApi.Family f) -> f.deadlineAtRiskSince() == null)
            .thenComparing(SchedulingApi.Family::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SchedulingApi.Family::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    @Inject
    @RestClient
    SchedulingApi scheduling;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance waitlist(String country, List<SchedulingApi.Family> families);
    }

    @GET
    public TemplateInstance waitlist(@PathParam("country") String country) {
        if (!COUNTRY.matcher(country).matches()) {
            throw new ApiProblem(404, "Not Found", null, null);
        }
        List<SchedulingApi.Family> families =
                scheduling.waitlist(country).stream().sorted(URGENCY).toList();
        return Templates.waitlist(country, families);
    }
}
