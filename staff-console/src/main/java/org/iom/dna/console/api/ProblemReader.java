package org.iom.dna.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's error answer (problem+json, or anything else) into an {@link ApiProblem}. */
public class ProblemReader implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiProblem toThrowable(Response response) {
        String title = response.getStatusInfo().getReasonPhrase();
        String detail = null;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(text(response));
            if (body != null && body.isObject()) {
                title = body.path("title").asText(title);
                detail = body.hasNonNull("detail") ? body.get("detail").asText() : null;
                for (JsonNode error : body.path("errors")) {
                    errors.add(new ApiProblem.FieldError(
                            error.path("path").asText(""), error.path("message").asText("")));
                }
            }
        } catch (Exception notJson) {
            // An empty body or a proxy's HTML page: the status line says enough.
        }
        return new ApiProblem(response.getStatus(), title, detail, errors);
    }

    private static String text(Response response) {
        Object entity = null;
        try {
            entity = response.getEntity();
        } catch (IllegalStateException streamed) {
            // A client response: the body is read below.
        }
        return entity instanceof String text ? text : response.readEntity(String.class);
    }
}
