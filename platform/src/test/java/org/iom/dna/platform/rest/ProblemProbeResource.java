package org.iom.dna.platform.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.JDBCConnectionException;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotAllowed;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.PreconditionFailed;
import org.iom.dna.platform.domain.Violation;

/**
 * A resource for the tests only: each operation fails the way a service's resource can, so that
 * {@link ProblemMappers} and {@link BodyTooLarge} are tested as clients meet them.
 */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    /** Personal data a failure's message may quote; no answer may repeat it. */
    public static final String PERSONAL_DATA = "Selam Tesfay +251911234567";

    public static final URI EXISTING = URI.create("/api/v1/sampling-requests/6f1c2a40-7b1e-4c5e-9a51-3d2f0c9e8b11");

    public record Member(
            @NotBlank String memberRef, @Min(0) @Max(130) int age, List<@NotBlank String> channels) {}

    public record Family(
            @NotBlank String indReference, @Valid List<Member> members, Map<String, @NotBlank String> labels) {}

    @GET
    @Path("/not-found")
    public String notFound() {
        throw new NotFound("centre ET-XXX");
    }

    @GET
    @Path("/conflict")
    public String conflict(@QueryParam("existing") boolean existing) {
        throw new Conflict(
                "duplicate-reference",
                "Reference already used",
                "indReference was used for a different family",
                existing ? EXISTING : null);
    }

    @GET
    @Path("/invalid")
    public String invalid() {
        throw new InvalidRequest(List.of(
                new Violation("$.members[1].phone", "is not a phone number"),
                new Violation("$.deadline", "must be in the future"),
                new Violation("$.members[0].accompaniedBy", "names no adult of the family"),
                new Violation("$.deadline", "is after the IND's limit")));
    }

    @GET
    @Path("/stale")
    public String stale() {
        throw PreconditionFailed.stale("Changed meanwhile", "the centre changed since version 3");
    }

    @GET
    @Path("/version-required")
    public String versionRequired() {
        throw PreconditionFailed.versionRequired("send If-Match with the centre's ETag");
    }

    @GET
    @Path("/not-allowed")
    public String notAllowed() {
        throw new NotAllowed("mhac-staff may only change their own centres");
    }

    @GET
    @Path("/database-away")
    public String databaseAway() {
        throw new JDBCConnectionException(
                "Unable to acquire JDBC Connection for " + PERSONAL_DATA,
                new SQLException("Connection refused", "08001"));
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("could not store " + PERSONAL_DATA);
    }

    @GET
    @Path("/http/{status}")
    public String http(@PathParam("status") int status) {
        throw new WebApplicationException(status);
    }

    @GET
    @Path("/page")
    public String page(@QueryParam("size") @Min(1) @Max(100) int size) {
        return "{\"size\": " + size + "}";
    }

    @GET
    @Path("/days/{date}")
    public String day(
            @PathParam("date") java.time.LocalDate date, @QueryParam("unit") java.time.temporal.ChronoUnit unit) {
        return "{\"date\": \"" + date + "\"}";
    }

    @POST
    @Path("/families")
    public Family submit(@Valid @NotNull Family family) {
        return family;
    }
}
