package org.iom.dna.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.iom.dna.console.api.ApiProblem;
import org.iom.dna.console.api.Services;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures as pages in the staff member's language, never a stack trace. A page of another centre, a case that
 * does not exist and a page the user's role does not reach all answer as absent (404) or not allowed (403), as the
 * service answered; a service that did not answer gives 503 and its name.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Words words;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String title, String message);
    }

    @ServerExceptionMapper
    public Response refused(ApiProblem problem) {
        return switch (problem.status()) {
            case 404 -> page(404, "error_not_found_title", words.t("error_not_found"));
            case 403 -> page(403, "error_forbidden_title", words.t("error_forbidden"));
            default ->
                page(
                        problem.status() >= 500 ? 502 : problem.status(),
                        "error_title",
                        words.t("error_rejected", problem.plainWords()));
        };
    }

    @ServerExceptionMapper
    public Response absent(NotFoundException notFound) {
        return page(404, "error_not_found_title", words.t("error_not_found"));
    }

    @ServerExceptionMapper
    public Response unanswered(ProcessingException failure) {
        // Only which service: the address in the exception's message may name a family's case.
        LOG.warnf(
                "%s did not answer (%s)",
                Services.named(failure).orElse("a service"), failure.getClass().getSimpleName());
        return page(503, "error_unavailable_title", unavailable(words, failure));
    }

    /**
     * A refusal of what a form asked (400, 409, 412...): the page again, with the service's reason in plain words
     * beside the form, answered with {@code status}. A page that is not the user's (403, 404) fails as a whole.
     */
    static Response shownOnPage(ApiProblem refused, int status, Words words, Function<String, TemplateInstance> page) {
        if (refused.status() == 404 || refused.status() == 403) {
            throw refused;
        }
        return Response.status(status)
                .entity(page.apply(words.t("error_rejected", refused.plainWords())))
                .build();
    }

    static String unavailable(Words words, Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return words.t("error_rejected", problem.plainWords());
        }
        return words.t("error_unavailable", Services.named(failure).orElse("service"));
    }

    private Response page(int status, String titleKey, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(words.t(titleKey), message).render())
                .build();
    }
}
