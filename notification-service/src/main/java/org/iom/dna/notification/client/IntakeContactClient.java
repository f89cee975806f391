package org.iom.dna.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake's internal contact endpoint, called with notification-service's own service-account token. */
@RegisterRestClient(configKey = "intake")
@OidcClientFilter
@Path("/internal/v1/sampling-requests")
public interface IntakeContactClient {

    @GET
    @Path("/{id}/members/{personRef}/contact")
    MemberContact contact(
            @PathParam("id") UUID requestId,
            @PathParam("personRef") String personRef,
            @QueryParam("purpose") String purpose);
}
