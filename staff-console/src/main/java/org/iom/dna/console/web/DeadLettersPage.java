package org.iom.dna.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.OperationsApi;
import org.iom.dna.console.api.Services;

/** Every service's dead letters on one page, each with a replay once its cause is fixed. */
@Path("/dead-letters")
@Produces(MediaType.TEXT_HTML)
public class DeadLettersPage {

    @Inject
    Services services;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(List<ServiceLetters> services, String notice);
    }

    /** One service's parked records, or why they could not be read. */
    public record ServiceLetters(String service, List<OperationsApi.DeadLetter> letters, String problem) {}

    @GET
    public TemplateInstance deadLetters(@QueryParam("replayed") Long replayed) {
        List<ServiceLetters> all = new ArrayList<>();
        for (String service : Services.NAMES) {
            try {
                all.add(new ServiceLetters(service, services.operations(service).deadLetters(), null));
            } catch (ApiProblem refused) {
                all.add(new ServiceLetters(service, List.of(), words.t("error_rejected", refused.plainWords())));
            } catch (RuntimeException unavailable) {
                all.add(new ServiceLetters(service, List.of(), words.t("error_unavailable", service)));
            }
        }
        return Templates.deadLetters(all, replayed == null ? null : words.t("replayed", replayed));
    }

    @POST
    @Path("/{service}/{id}/replay")
    public Response replay(@PathParam("service") String service, @PathParam("id") long id) {
        if (!Services.NAMES.contains(service)) {
            throw new ApiProblem(404, "Not Found", null, null);
        }
        services.operations(service).replay(id);
        return Response.seeOther(URI.create("/dead-letters?replayed=" + id)).build();
    }
}
