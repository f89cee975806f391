package org.iom.dna.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.service.CentreService;
import org.iom.dna.registry.service.SlotService;

/**
 * A centre's slots for partners, following SMART Scheduling Links: a {@code $bulk-publish} manifest
 * that points to newline-delimited FHIR Location, Schedule and Slot resources. Withdrawn slots are left
 * out; blocked ones are {@code busy-unavailable}. The registry does not know bookings, so an open slot is {@code free}.
 */
@Path("/api/v1/centres/{code}/slots/$bulk-publish")
// The feed shows capacity and, by its gaps, closures: MHAC staff see their own centres' feeds only, country offices
// and admins every one. No partner reads it until a partner role with a free-slots-only feed exists.
@RolesAllowed({"mhac-staff", "country-office", "admin"})
@APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
@Tag(name = "Slots")
@SecurityRequirement(name = "keycloak")
public class BulkPublishResource {

    private static final String NDJSON = "application/fhir+ndjson";
    private static final int WEEKS = 8;

    private final ObjectMapper json;
    private final CentreService centres;
    private final SlotService slots;
    private final CentreAccess access;

    BulkPublishResource(ObjectMapper json, CentreService centres, SlotService slots, CentreAccess access) {
        this.json = json;
        this.centres = centres;
        this.slots = slots;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SMART Scheduling Links manifest for one centre's slots (next 8 weeks)")
    @APIResponse(responseCode = "200", description = "The manifest")
    public Map<String, Object> manifest(@PathParam("code") String code, @Context UriInfo uri) {
        Centre centre = centre(code);
        String base = uri.getAbsolutePath().toString();
        return ordered(
                "transactionTime",
                Instant.now().toString(),
                "request",
                base,
                "output",
                List.of(
                        ordered("type", "Location", "url", base + "/locations.ndjson"),
                        ordered("type", "Schedule", "url", base + "/schedules.ndjson"),
                        ordered(
                                "type",
                                "Slot",
                                "url",
                                base + "/slots.ndjson",
                                "extension",
                                Map.of("state", List.of(centre.country)))),
                "error",
                List.of());
    }

    @GET
    @Path("/locations.ndjson")
    @Produces(NDJSON)
    @Operation(summary = "The centre as a FHIR Location (ndjson)")
    public String locations(@PathParam("code") String code) {
        Centre c = centre(code);
        return line(ordered(
                "resourceType",
                "Location",
                "id",
                c.code,
                "name",
                c.name,
                "address",
                ordered("city", c.city, "country", c.country, "text", c.address == null ? c.city : c.address),
                "extension",
                List.of(ordered("url", "http://hl7.org/fhir/StructureDefinition/timezone", "valueCode", c.zone))));
    }

    @GET
    @Path("/schedules.ndjson")
    @Produces(NDJSON)
    @Operation(summary = "The centre's DNA-sampling Schedule (ndjson)")
    public String schedules(@PathParam("code") String code) {
        Centre c = centre(code);
        return line(ordered(
                "resourceType",
                "Schedule",
                "id",
                scheduleId(c),
                "serviceType",
                List.of(Map.of("text", "DNA sampling for family reunification")),
                "actor",
                List.of(Map.of("reference", "Location/" + c.code))));
    }

    @GET
    @Path("/slots.ndjson")
    @Produces(NDJSON)
    @Operation(summary = "The centre's slots as FHIR Slots (ndjson), start and end with the centre's UTC offset")
    public String slots(@PathParam("code") String code) {
        Centre c = centre(code);
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return slots.published(c, WEEKS).stream()
                .map(s -> line(ordered(
                        "resourceType",
                        "Slot",
                        "id",
                        s.id.toString(),
                        "schedule",
                        Map.of("reference", "Schedule/" + scheduleId(c)),
                        "status",
                        s.status == SlotStatus.OPEN && s.capacity > 0 ? "free" : "busy-unavailable",
                        "start",
                        iso.format(s.startsAt.atZone(c.zoneId())),
                        "end",
                        iso.format(s.endsAt.atZone(c.zoneId())),
                        "extension",
                        List.of(ordered(
                                "url", "https://dna-sampling.iom.example/fhir/capacity", "valueInteger", s.capacity)))))
                .collect(Collectors.joining());
    }

    private static String scheduleId(Centre c) {
        return c.code + "-dna-sampling";
    }

    /** Another centre answers exactly as one that does not exist. */
    private Centre centre(String code) {
        access.require(code);
        return centres.get(code);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private String line(Object resource) {
        try {
            return json.writeValueAsString(resource) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
