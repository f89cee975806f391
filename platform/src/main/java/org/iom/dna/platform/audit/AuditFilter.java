package org.iom.dna.platform.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iom.dna.platform.rest.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every call of an {@link Audited} operation once its outcome is known, refused and failed ones included.
 * The entry is written before the answer leaves: if it cannot be written, personal data is not handed out (503).
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AuditTrail trail;

    @ServerResponseFilter
    public Uni<Void> record(
            ContainerRequestContext request,
            ContainerResponseContext response,
            ResourceInfo resource,
            HttpServerRequest http) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        AuditTrail.Outcome outcome = AuditTrail.Outcome.of(response.getStatus());
        String source =
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull() // an invalid token: recorded as anonymous
                .map(identity ->
                        entry(identity, audited, operation(request, resource), request, response, source, outcome))
                .chain(entry -> Uni.createFrom()
                        .item(() -> trail.append(entry))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onFailure()
                .invoke(e -> {
                    LOG.errorf(
                            "audit trail not written (%s): the answer is withheld",
                            e.getClass().getSimpleName());
                    Problem problem = Problem.of(
                            "audit-unavailable",
                            "Service unavailable",
                            503,
                            "the access could not be recorded; nothing was handed out: try again later");
                    response.setStatus(503);
                    response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
                })
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private static AuditTrail.Entry entry(
            SecurityIdentity identity,
            Audited audited,
            String operation,
            ContainerRequestContext request,
            ContainerResponseContext response,
            String source,
            AuditTrail.Outcome outcome) {
        boolean anonymous = identity == null || identity.isAnonymous();
        JsonWebToken token = !anonymous && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        var path = request.getUriInfo().getPathParameters();
        return new AuditTrail.Entry(
                Instant.now(),
                anonymous
                        ? "anonymous"
                        : token != null
                                ? token.getSubject()
                                : identity.getPrincipal().getName(),
                anonymous ? "anonymous" : identity.getPrincipal().getName(),
                token == null ? null : token.getClaim("azp"),
                token == null ? null : token.getTokenID(),
                source,
                operation,
                audited.record(),
                recordId(path.getFirst("id"), response),
                path.getFirst("personRef"),
                String.join(",", audited.fields()),
                outcome,
                statedPurpose(request.getUriInfo().getQueryParameters().getFirst("purpose")));
    }

    /** {@code GET /internal/v1/sampling-requests/{id}/members/{personRef}/contact}: the template, never the values. */
    private static String operation(ContainerRequestContext request, ResourceInfo resource) {
        Path onClass = resource.getResourceClass().getAnnotation(Path.class);
        Path onMethod = resource.getResourceMethod().getAnnotation(Path.class);
        String path = (onClass == null ? "" : onClass.value()) + (onMethod == null ? "" : "/" + onMethod.value());
        return request.getMethod() + " " + path.replaceAll("/+", "/");
    }

    /** The record named in the path, or the one the call created (its Location). */
    private static String recordId(String inPath, ContainerResponseContext response) {
        if (inPath != null) {
            return inPath;
        }
        Object location = response.getHeaders().getFirst("Location");
        if (location == null) {
            return null;
        }
        String created = location.toString();
        return created.substring(created.lastIndexOf('/') + 1);
    }

    /** What the caller says the read is for, without control characters (PostgreSQL cannot store NUL). */
    private static String statedPurpose(String purpose) {
        if (purpose == null) {
            return null;
        }
        String clean = purpose.replaceAll("\\p{Cntrl}", "").strip();
        return clean.isEmpty() ? null : clean;
    }
}
