package org.iom.dna.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iom.dna.platform.rest.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimits} to every {@code /api/} request of an authenticated caller, keyed by the verified token's
 * client ({@code azp}) and subject, so that nobody can spend another caller's allowance with a forged token. Over the
 * limit: 429 problem details with {@code Retry-After}. Unauthenticated requests are left to the 401 they get anyway.
 */
public class RateLimitFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    RateLimits limits;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!limits.enabled() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .onItem()
                .transform(this::decide)
                .onFailure()
                .recoverWithNull(); // an invalid token: the resource's security check answers 401
    }

    private Response decide(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        RateLimits.Decision decision = limits.take(caller(identity));
        if (decision.allowed()) {
            return null;
        }
        return Response.fromResponse(Problem.of(
                                "too-many-requests",
                                "Too many requests",
                                429,
                                "slow down: try again in " + decision.retryAfterSeconds() + " s")
                        .toResponse())
                .header("Retry-After", decision.retryAfterSeconds())
                .build();
    }

    private static String caller(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token.getClaim("azp") + ":" + token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
