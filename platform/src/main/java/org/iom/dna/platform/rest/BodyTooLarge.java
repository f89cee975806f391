package org.iom.dna.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused before any resource runs. When the
 * client declares the size (Content-Length), this refuses it first and as problem details, like
 * every other error of the API; a chunked body over the limit still gets the HTTP layer's bare 413.
 */
@ApplicationScoped
public class BodyTooLarge {

    /** Before Quarkus's own size check (order -2). */
    private static final int BEFORE_THE_HTTP_LAYERS_CHECK = -3;

    private final long limit;

    BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_THE_HTTP_LAYERS_CHECK).handler(context -> {
            String declared = context.request().getHeader("Content-Length");
            if (declared == null || !declared.matches("\\d{1,18}") || Long.parseLong(declared) <= limit) {
                context.next();
                return;
            }
            Problem problem = Problem.of(
                    "too-large",
                    "Request body too large",
                    413,
                    "the body is larger than the " + limit / 1024 + " KiB this service accepts");
            context.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
        });
    }
}
