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
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.RegistryApi;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An MHAC's slots on one day: change a slot's places, block or open it, or the whole day. The registry checks
 * the version read against the one it holds, so two colleagues never overwrite each other's change unseen.
 */
@Path("/centres/{centre}/slots")
@Produces(MediaType.TEXT_HTML)
public class SlotsPage {

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance slots(
                RegistryApi.Centre centre,
                LocalDate date,
                String self,
                List<RegistryApi.Slot> slots,
                String notice,
                String problem);
    }

    static String address(String centre, LocalDate date) {
        return "/centres/" + centre + "/slots?date=" + date;
    }

    @GET
    public TemplateInstance slots(
            @PathParam("centre") String centre,
            @QueryParam("date") LocalDate date,
            @QueryParam("changed") String changed) {
        return page(centre, date, changed == null ? null : words.t("day_blocked", changed), null);
    }

    @POST
    @Path("/{slot}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @PathParam("centre") String centre,
            @PathParam("slot") UUID slot,
            @RestForm LocalDate date,
            @RestForm int version,
            @RestForm Integer capacity,
            @RestForm String status) {
        return act(centre, date, () -> {
            registry.changeSlot(centre, slot, "\"" + version + "\"", new RegistryApi.SlotChange(capacity, status));
            return 1;
        });
    }

    @POST
    @Path("/day")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response day(@PathParam("centre") String centre, @RestForm LocalDate date, @RestForm String action) {
        return act(
                centre,
                date,
                () -> ("unblock".equals(action) ? registry.unblockDay(centre, date) : registry.blockDay(centre, date))
                        .slotsChanged());
    }

    private Response act(String centre, LocalDate date, Supplier<Integer> change) {
        try {
            int changed = change.get();
            return Response.seeOther(URI.create(address(centre, date) + "&changed=" + changed))
                    .build();
        } catch (ApiProblem refused) {
            return ErrorPages.shownOnPage(
                    refused, refused.status(), words, message -> page(centre, date, null, message));
        }
    }

    private TemplateInstance page(String centre, LocalDate date, String notice, String problem) {
        RegistryApi.Centre about = registry.centre(centre);
        LocalDate day = date == null ? about.today() : date;
        List<RegistryApi.Slot> slots = registry.slots(centre, day, day);
        return Templates.slots(about, day, address(centre, day), slots, notice, problem);
    }
}
