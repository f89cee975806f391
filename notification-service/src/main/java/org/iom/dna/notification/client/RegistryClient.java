package org.iom.dna.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The registry's centres, read with notification-service's own service-account token. */
@RegisterRestClient(configKey = "registry")
@OidcClientFilter
@Path("/api/v1/centres")
public interface RegistryClient {

    /** What the day list needs of a centre: where it is in time, and where its list goes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Centre(String code, String name, String zone, String status, String dayListEmail) {}

    @GET
    List<Centre> centres();
}
