package org.iom.dna.notification.domain;

/**
 * What one attempt to reach a member came to, as intake's history shows it. GAVE_UP: the last allowed
 * attempt failed and the member is reported unreachable.
 */
public enum AttemptOutcome {
    SENT,
    NO_CHANNEL,
    FAILED,
    GAVE_UP
}
