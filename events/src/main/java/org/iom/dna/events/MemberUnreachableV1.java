package org.iom.dna.events;

import java.time.Instant;
import java.util.UUID;

/** Every channel to a member has been tried without success: staff and the IND must be told. */
public record MemberUnreachableV1(UUID requestId, String memberRef, int attempts, Instant declaredAt) {

    public static final String TYPE = "org.iom.dna.notification.MemberUnreachable.v1";
}
