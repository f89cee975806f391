package org.iom.dna.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iom.dna.platform.domain.NotFound;

/**
 * Which centres the caller may act for. Country offices and admins act for all; MHAC staff only
 * for the centre codes in their token's {@code centres} claim; notification-service for all, but only
 * where an endpoint lets its role in at all (it reads day lists to e-mail them to the centres). Another centre's resources answer
 * exactly as if they did not exist (404), so staff cannot probe what other centres hold.
 */
@RequestScoped
public class CentreAccess {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CentreAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean mayActFor(String centreCode) {
        if (!limitedToOwnCentres()) {
            return true;
        }
        return identity.hasRole("mhac-staff") && ownCentres().contains(centreCode);
    }

    /** @throws NotFound when the caller may not act for the centre (as if it did not exist) */
    public void require(String centreCode) {
        if (!mayActFor(centreCode)) {
            throw new NotFound("centre " + centreCode);
        }
    }

    /** True for MHAC staff, who see their own centres only. */
    public boolean limitedToOwnCentres() {
        return !identity.hasRole("admin")
                && !identity.hasRole("country-office")
                && !identity.hasRole("notification-service");
    }

    public Set<String> ownCentres() {
        Object claim = token.getClaim("centres");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.toSet());
        }
        if (claim instanceof JsonString single) {
            return Set.of(single.getString());
        }
        return Set.of();
    }
}
