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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.SchedulingApi;
import org.jboss.resteasy.reactive.RestForm;

/** The re-planning runs of the last 30 days, what each changed, and a run on demand for one country. */
@Path("/optimiser-runs")
@Produces(MediaType.TEXT_HTML)
public class OptimiserRunsPage {

    @Inject
    @RestClient
    SchedulingApi scheduling;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runs(List<SchedulingApi.Run> runs, String problem);

        static native TemplateInstance run(SchedulingApi.Run run);
    }

    @GET
    public TemplateInstance runs() {
        return Templates.runs(scheduling.runs(null), null);
    }

    @GET
    @Path("/{run}")
    public TemplateInstance run(@PathParam("run") UUID run) {
        return Templates.run(scheduling.run(run));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replan(@RestForm String country) {
        try {
            SchedulingApi.Run run = scheduling.replan(
                    Map.of("country", country == null ? "" : country.trim().toUpperCase(Locale.ROOT)));
            return Response.seeOther(URI.create("/optimiser-runs/" + run.runId()))
                    .build();
        } catch (ApiProblem refused) {
            return ErrorPages.shownOnPage(
                    refused, refused.status(), words, message -> Templates.runs(scheduling.runs(null), message));
        }
    }
}
