package org.iom.dna.registry.rest;

import jakarta.ws.rs.core.EntityTag;
import org.iom.dna.platform.domain.PreconditionFailed;

/** ETag / If-Match for optimistic locking: the ETag is the row's version. */
final class Versions {

    private Versions() {}

    static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** @throws PreconditionFailed (428) when If-Match is missing, (412) when it is not a version of ours */
    static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionFailed.versionRequired(
                    "send the ETag you read in If-Match, so a change made meanwhile is not overwritten");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw PreconditionFailed.stale("Precondition failed", "If-Match does not name a version of this resource");
        }
    }
}
