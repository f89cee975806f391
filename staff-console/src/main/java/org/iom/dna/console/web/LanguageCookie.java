package org.iom.dna.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A language chosen with {@code ?lang=} is kept for the next pages, in a cookie that lasts a year. */
public class LanguageCookie {

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        Words.supported(request.getUriInfo().getQueryParameters().getFirst("lang"))
                .ifPresent(language -> response.getHeaders()
                        .add(
                                "Set-Cookie",
                                new NewCookie.Builder(Words.COOKIE)
                                        .value(language.code())
                                        .path("/")
                                        .maxAge(365 * 24 * 3600)
                                        .httpOnly(true)
                                        .sameSite(NewCookie.SameSite.LAX)
                                        .build()));
    }
}
