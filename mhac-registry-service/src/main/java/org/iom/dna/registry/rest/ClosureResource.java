package org.iom.dna.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.service.ClosureService;

@Path("/api/v1/closures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closures", description = "Public holidays and closures at short notice, for a centre or a whole country")
@SecurityRequirement(name = "keycloak")
public class ClosureResource {

    @Schema(name = "Closure")
    public record ClosureView(
            UUID id,
            String centreCode,
            String country,
            LocalDate firstDay,
            LocalDate lastDay,
            String reason,
            String description,

            @Schema(description = "true for lunar holidays until the date is announced")
            boolean estimated) {

        static ClosureView of(Closure c) {
            return new ClosureView(
                    c.id, c.centreCode, c.country, c.firstDay, c.lastDay, c.reason, c.description, c.estimated);
        }
    }

    @Schema(name = "ClosureRequest", description = "Give centreCode or country, not both")
    public record ClosureRequest(
            @Pattern(regexp = "[A-Z]{2}-[A-Z]{3}", message = "must be a centre code such as SD-KRT")
            String centreCode,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String country,

            @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay,

            @NotNull
            @Pattern(regexp = "PUBLIC_HOLIDAY|SECURITY|OTHER", message = "must be PUBLIC_HOLIDAY, SECURITY or OTHER")
            String reason,

            @Size(max = 200) String description,
            boolean estimated) {}

    public record Created(ClosureView closure, int slotsWithdrawn) {}

    private final ClosureService closures;
    private final CentreAccess access;

    ClosureResource(ClosureService closures, CentreAccess access) {
        this.closures = closures;
        this.access = access;
    }

    @GET
    @RolesAllowed({"mhac-staff", "country-office", "admin"})
    @Operation(
            summary = "Closures overlapping a date range, for a country or a centre (its own and its country's)",
            description = "MHAC staff see only the closures that apply to their own centres.")
    @APIResponse(
            responseCode = "200",
            description = "The closures",
            content = @Content(schema = @Schema(implementation = ClosureView[].class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public List<ClosureView> list(
            @QueryParam("country") String country,
            @QueryParam("centreCode") String centreCode,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        LocalDate first = from != null ? from : LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate last = to != null ? to : first.plusYears(1);
        if (!access.limitedToOwnCentres()) {
            return closures.list(country, centreCode, first, last).stream()
                    .map(ClosureView::of)
                    .toList();
        }
        // Security closures can say more than a centre's own staff need to know about other centres.
        if (centreCode != null) {
            access.require(centreCode);
        }
        return access.ownCentres().stream()
                .sorted()
                .filter(own -> centreCode == null || own.equals(centreCode))
                .flatMap(own -> closures.list(null, own, first, last).stream())
                .filter(c -> country == null
                        || country.equals(c.country)
                        || (c.centreCode != null && c.centreCode.startsWith(country + "-")))
                .distinct()
                .map(ClosureView::of)
                .toList();
    }

    @POST
    @RolesAllowed({"country-office", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Close a centre or a country for some days",
            description = "Withdraws the slots on those days; the scheduler moves the families booked into them.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ClosureRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "security",
                                            value =
                                                    "{\"centreCode\": \"SD-KRT\", \"firstDay\": \"2027-01-10\", \"lastDay\": \"2027-01-14\","
                                                            + " \"reason\": \"SECURITY\", \"description\": \"Road closures in the city centre\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created, with how many slots were withdrawn",
            content = @Content(schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public Response create(@Valid @NotNull ClosureRequest body) {
        ClosureService.Result created = closures.create(toClosure(body));
        return Response.created(URI.create("/api/v1/closures/" + created.closure().id))
                .entity(new Created(ClosureView.of(created.closure()), created.slotsWithdrawn()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"country-office", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Correct a closure, e.g. when a lunar holiday's date is announced",
            description = "Slots the old days no longer need open again; slots of the new days are withdrawn.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ClosureRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "eid-announced",
                                            value =
                                                    "{\"country\": \"SD\", \"firstDay\": \"2027-03-10\", \"lastDay\": \"2027-03-11\","
                                                            + " \"reason\": \"PUBLIC_HOLIDAY\", \"description\": \"Eid al-Fitr, date announced\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The closure, with how many slots were withdrawn",
            content = @Content(schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public Created replace(@PathParam("id") UUID id, @Valid @NotNull ClosureRequest body) {
        ClosureService.Result result = closures.replace(id, toClosure(body)).orElseThrow(() -> new NotFound("closure"));
        return new Created(ClosureView.of(result.closure()), result.slotsWithdrawn());
    }

    private static Closure toClosure(ClosureRequest body) {
        Closure closure = new Closure();
        closure.centreCode = body.centreCode();
        closure.country = body.country();
        closure.firstDay = body.firstDay();
        closure.lastDay = body.lastDay();
        closure.reason = body.reason();
        closure.description = body.description();
        closure.estimated = body.estimated();
        return closure;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"country-office", "admin"})
    @Operation(summary = "Remove a closure; the future slots it withdrew open again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public void delete(@PathParam("id") UUID id) {
        if (!closures.delete(id)) {
            throw new NotFound("closure");
        }
    }
}
