package org.iom.dna.notification.domain;

/**
 * What one attempt to reach a member on one channel came to, as intake's history shows it. SENT: the
 * provider took the message. DELIVERED / UNDELIVERED: its delivery receipt came back. NO_CHANNEL: the
 * member has no address on this channel. FAILED: the provider refused the recipient (the next channel is
 * tried). GAVE_UP: every channel failed on the last allowed attempt; the member is reported unreachable.
 */
public enum AttemptOutcome {
    SENT,
    DELIVERED,
    UNDELIVERED,
    NO_CHANNEL,
    FAILED,
    GAVE_UP
}
