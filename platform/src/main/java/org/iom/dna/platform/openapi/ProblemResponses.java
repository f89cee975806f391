package org.iom.dna.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.iom.dna.platform.rest.Problem;

/**
 * The error responses every service shares, declared once. An operation names the ones it can give with
 * {@code @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)}; the ones every operation can give
 * are added here: 401, 403 and 429 to each secured operation, 503 (a dependency is away, try again) to each under
 * {@code /api/}. Each is an RFC 9457 problem with an example, so a client sees the shape it will parse.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";

    static final String SCHEMA = "Problem";

    /** One shared response: its name, status, what it means, and the problem a client would get. */
    record Shared(String name, int status, String description, String slug, String title, String detail) {}

    static final List<Shared> SHARED = List.of(
            new Shared(
                    BAD_REQUEST,
                    400,
                    "The request is not valid; `errors` names each offending value by its JSON path",
                    "validation",
                    "The request is not valid",
                    "1 value is not valid"),
            new Shared(
                    UNAUTHORIZED,
                    401,
                    "No token, or one that is expired, forged or for another audience",
                    "unauthorized",
                    "Not authenticated",
                    "A valid bearer token from the suite's Keycloak realm is required"),
            new Shared(
                    FORBIDDEN,
                    403,
                    "The caller's role (or centre) does not allow this operation",
                    "forbidden",
                    "Not allowed",
                    "Your role does not allow this operation"),
            new Shared(
                    NOT_FOUND,
                    404,
                    "Nothing with this id (or not visible to the caller)",
                    "not-found",
                    "Not found",
                    "No sampling request with this id"),
            new Shared(
                    CONFLICT,
                    409,
                    "The change conflicts with the resource's current state",
                    "conflict",
                    "Conflict",
                    "The case is already cancelled"),
            new Shared(
                    PRECONDITION_FAILED,
                    412,
                    "If-Match names an older version: read the resource again and reapply the change",
                    "stale-write",
                    "The resource has changed",
                    "If-Match names version 3; the current version is 4"),
            new Shared(
                    PAYLOAD_TOO_LARGE,
                    413,
                    "The body is larger than the service accepts",
                    "too-large",
                    "The request body is too large",
                    "The body may be at most 256 KiB"),
            new Shared(
                    PRECONDITION_REQUIRED,
                    428,
                    "A change needs If-Match with the version it was based on",
                    "precondition-required",
                    "If-Match is required",
                    "Send If-Match with the version you read"),
            new Shared(
                    TOO_MANY_REQUESTS,
                    429,
                    "The caller made more requests than its allowance; retry after the Retry-After seconds",
                    "too-many-requests",
                    "Too many requests",
                    "slow down: try again in 2 s"),
            new Shared(
                    SERVICE_UNAVAILABLE,
                    503,
                    "A dependency (the database or the broker) is away; retry after the Retry-After seconds",
                    "unavailable",
                    "Temporarily unavailable",
                    "Try again shortly"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(SCHEMA, problemSchema());
        for (Shared shared : SHARED) {
            components.addResponse(shared.name(), response(shared));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> addCommonResponses(path, item));
    }

    private static void addCommonResponses(String path, PathItem item) {
        if (!path.startsWith("/api/")) {
            return;
        }
        for (Operation operation : item.getOperations().values()) {
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                responses = OASFactory.createAPIResponses();
                operation.setResponses(responses);
            }
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                putIfAbsent(responses, "401", UNAUTHORIZED);
                putIfAbsent(responses, "403", FORBIDDEN);
                putIfAbsent(responses, "429", TOO_MANY_REQUESTS);
            }
            putIfAbsent(responses, "503", SERVICE_UNAVAILABLE);
        }
    }

    /** Replaces what the security extension adds (a bare description) with the shared problem response. */
    private static void putIfAbsent(APIResponses responses, String status, String name) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null || existing.getRef() == null && existing.getContent() == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }
    }

    private static APIResponse response(Shared shared) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", Problem.type(shared.slug()).toString());
        example.put("title", shared.title());
        example.put("status", shared.status());
        example.put("detail", shared.detail());
        if (shared.status() == 400) {
            example.put(
                    "errors", List.of(Map.of("path", "$.members[0].dateOfBirth", "message", "must be in the past")));
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMA))
                .example(example);
        APIResponse response = OASFactory.createAPIResponse()
                .description(shared.description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
        if (shared.status() == 503 || shared.status() == 429) {
            response.addHeader(
                    "Retry-After",
                    OASFactory.createHeader()
                            .description("Seconds to wait before retrying")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        return response;
    }

    /** The schema of {@link Problem}, written out because no operation refers to the class itself any more. */
    private static Schema problemSchema() {
        Schema fieldError = object().addProperty(
                        "path", string("JSON path of the offending value, e.g. $.members[1].phone"))
                .addProperty("message", string("What is wrong with it"));
        return object().description("RFC 9457 problem details")
                .addProperty("type", string("Stable URI a client may switch on").format("uri"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32"))
                .addProperty("detail", string("This occurrence; never repeats personal data from the request"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError))
                .addProperty(
                        "existing",
                        string("For conflicts: where the conflicting resource lives")
                                .format("uri"));
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
