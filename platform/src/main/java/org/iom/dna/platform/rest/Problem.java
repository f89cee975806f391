package org.iom.dna.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. {@code type} is a stable URI clients may switch on; {@code detail}
 * explains this occurrence and never repeats personal data from the request.
 *
 * @param errors for validation problems, one entry per violation with its JSON path
 * @param existing for conflicts, where the resource that conflicts lives
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors, URI existing) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://dna-sampling.iom.example/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(type(slug), title, status, detail, null, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** @param path JSON path of the offending value, e.g. {@code $.members[1].phone} */
    public record FieldError(String path, String message) {}
}
