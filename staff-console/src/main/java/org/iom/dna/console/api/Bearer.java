package org.iom.dna.console.api;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user's access token, sent with every call to a service: the console acts as the user, never as
 * itself, so each service applies its own rules (roles, an MHAC's own centres) exactly as for any other client.
 */
public final class Bearer {

    private Bearer() {}

    /** The Authorization header of the current request's user (refreshed by quarkus-oidc when it expires). */
    public static String header() {
        SecurityIdentity identity =
                Arc.container().instance(SecurityIdentity.class).get();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return "Bearer " + token.getToken();
    }
}
