package org.iom.dna.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotAllowed;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.PreconditionFailed;
import org.iom.dna.platform.json.JsonPaths;
import org.iom.dna.platform.json.StrictJson;
import org.iom.dna.platform.messaging.Failures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem details. Responses name the offending field but never echo the
 * rejected value: a request body holds names, phone numbers and birth dates.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return new Problem(Problem.type(e.kind()), e.title(), 409, e.getMessage(), null, e.existing()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequest e) {
        return validation(e.violations().stream()
                .map(v -> new Problem.FieldError(v.path(), v.message()))
                .toList());
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailed e) {
        return e.missing()
                ? Problem.of("precondition-required", e.title(), 428, e.getMessage())
                        .toResponse()
                : Problem.of("stale-write", e.title(), 412, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowed e) {
        return Problem.of("forbidden", "Not allowed", 403, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return validation(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(jsonPath(v), v.getMessage()))
                .toList());
    }

    /** One shape for every invalid request: the violations sorted by path, then message. */
    private static Response validation(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream()
                .sorted(Comparator.comparing(Problem.FieldError::path).thenComparing(Problem.FieldError::message))
                .toList();
        return new Problem(
                        Problem.type("validation"),
                        "The request is not valid",
                        400,
                        sorted.size() + " field(s) are not valid",
                        sorted,
                        null)
                .toResponse();
    }

    // Listed one by one: Quarkus has its own mapper for MismatchedInputException that would win otherwise.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        JsonParseException.class
    })
    public Response unreadable(JsonProcessingException e) {
        return unreadableBody(e);
    }

    /** For resources that read JSON themselves (e.g. a merge patch) and meet the same failure. */
    public static Response unreadableBody(JsonProcessingException e) {
        String path = "$";
        String message = "is not valid JSON";
        if (e instanceof JsonMappingException mapping) {
            path = JsonPaths.of(mapping);
            message = e instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : StrictJson.NUL_MESSAGE.equals(e.getOriginalMessage())
                            ? StrictJson.NUL_MESSAGE
                            : "has the wrong type or format";
        } else if (e instanceof JsonParseException parse
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")
                && parse.getProcessor() != null) {
            path = JsonPaths.of(parse.getProcessor().getParsingContext());
            message = "is given more than once";
        }
        return new Problem(
                        Problem.type("validation"),
                        "The request is not valid",
                        400,
                        "the body could not be read",
                        List.of(new Problem.FieldError(path, message)),
                        null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        // RFC 6750: a 401 names the scheme it wants, whichever layer refused (the same answer everywhere).
        return Response.fromResponse(Problem.of(
                                "unauthorized",
                                "Authentication required",
                                401,
                                "send a valid bearer token from the suite's Keycloak realm")
                        .toResponse())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** A token that is not valid (expired, from another realm, malformed): the same answer as no token. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Not allowed", 403, "your role does not allow this operation")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // The JSON reader reports a syntax error as a 400 wrapping the parser's exception.
            return unreadableBody(unreadable);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (a date, a number, a status name);
            // that is the client's mistake about the parameter, not a missing resource.
            return new Problem(
                            Problem.type("validation"),
                            "The request is not valid",
                            400,
                            "a path or query parameter has the wrong type or format",
                            List.of(),
                            null)
                    .toResponse();
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return Problem.of("http-" + status, title, status, null).toResponse();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (Failures.isTransient(e)) {
            // The database (or broker) is briefly away: tell the client to come back. Every write of
            // the API is idempotent (a resent submission with the same reference gives the same case).
            LOG.warnf("answered 503: %s", e.getClass().getSimpleName());
            return Response.fromResponse(Problem.of(
                                    "unavailable",
                                    "Service temporarily unavailable",
                                    503,
                                    "a dependency of this service is briefly unavailable; retry after the given seconds")
                            .toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        // The message of a database or library exception may quote personal data: log its type only.
        String incident = UUID.randomUUID().toString();
        LOG.errorf(
                "incident %s: unexpected %s at %s",
                incident, e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return Problem.of("internal", "Internal error", 500, "the error was logged as incident " + incident)
                .toResponse();
    }

    private static String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder("$");
        String parameter = null;
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            // The first nodes name the Java method and parameter: not part of the JSON document.
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                path.append("['").append(node.getKey()).append("']");
            }
            if (node.getName() != null
                    && node.getKind() != ElementKind.BEAN
                    && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append('.').append(node.getName());
            }
        }
        // A query or path parameter is not in the body: name it as it is (e.g. "size").
        return path.length() == 1 && parameter != null ? parameter : path.toString();
    }
}
