package org.iom.dna.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The signed-in staff member as the pages need them: name, roles and an MHAC's centres. These only decide which
 * links a page offers; what the user may see and do is decided by each service from the same token.
 */
@RequestScoped
public class Staff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityIdentity identity;
    private List<String> centres;

    @Inject
    Staff(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean mhacStaff() {
        return identity.hasRole("mhac-staff");
    }

    /** Country-office staff and administrators: the queues, moves, runs and dead letters. */
    public boolean countryOffice() {
        return identity.hasRole("country-office") || identity.hasRole("admin");
    }

    /** The centres in the access token's {@code centres} claim (MHAC staff act for those only). */
    public List<String> centres() {
        if (centres == null) {
            centres = readCentres();
        }
        return centres;
    }

    private List<String> readCentres() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        List<String> found = new ArrayList<>();
        if (token == null) {
            return found;
        }
        // The token was verified when the session was made; its claims are only read here.
        String[] parts = token.getToken().split("\\.");
        if (parts.length < 2) {
            return found;
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            claims.path("centres").forEach(c -> found.add(c.asText()));
        } catch (Exception unreadable) {
            // No centres: the pages offer none, and the services would refuse them anyway.
        }
        return found;
    }
}
