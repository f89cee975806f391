package org.iom.dna.registry.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * SMART Scheduling Links names the operation {@code $bulk-publish}. Some clients send the dollar
 * percent-encoded ({@code %24bulk-publish}, as RFC 3986 allows); routing matches the path as sent,
 * so both spellings are brought to one before matching.
 */
public class BulkPublishPathFilter {

    @ServerRequestFilter(preMatching = true)
    public void normalise(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        if (raw.contains("/%24bulk-publish")) {
            URI uri = request.getUriInfo().getRequestUri();
            request.setRequestUri(URI.create(uri.toString().replace("/%24bulk-publish", "/$bulk-publish")));
        }
    }
}
