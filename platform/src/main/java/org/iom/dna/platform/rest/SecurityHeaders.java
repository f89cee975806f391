package org.iom.dna.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every answer of the suite's APIs carries: {@code X-Content-Type-Options: nosniff}, so that no browser reads
 * a JSON answer as something else; and {@code Cache-Control: no-store} on {@code /api/}, whose answers may hold
 * personal data that no browser, proxy or shared cache may keep.
 */
public class SecurityHeaders {

    @ServerResponseFilter
    public void addTo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (request.getUriInfo().getPath().startsWith("/api/")
                && !response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
