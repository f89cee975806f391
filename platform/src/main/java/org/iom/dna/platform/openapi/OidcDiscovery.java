package org.iom.dna.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points Swagger UI's login at the Keycloak realm this deployment actually uses. The security scheme is declared
 * at build time; its OpenID Connect discovery URL is set when the service starts, from the same
 * {@code quarkus.oidc.auth-server-url} that validates tokens, so one image serves every environment.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OidcDiscovery implements OASFilter {

    static final String SCHEME = "keycloak";
    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> realm =
                ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        if (realm.isEmpty() || openAPI.getComponents() == null) {
            return;
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes() == null
                ? null
                : openAPI.getComponents().getSecuritySchemes().get(SCHEME);
        if (scheme != null) {
            scheme.setOpenIdConnectUrl(discoveryUrl(realm.get()));
        }
    }

    static String discoveryUrl(String realm) {
        return realm.replaceAll("/+$", "") + WELL_KNOWN;
    }
}
