package org.iom.dna.notification.channel;

/**
 * What a provider said to one message. Only {@link Rejected} is about the recipient (a number that does not exist,
 * an address no server takes) and counts toward giving up on the member; {@link Unavailable} is about us or the
 * provider (down, timing out, 5xx, throttling) and only puts the message off.
 *
 * <p>Reasons are short words for operators; they never hold an address, a name or message text.
 */
public sealed interface SendOutcome {

    /** The provider took the message; {@code providerRef} is its name for it (to match a delivery receipt). */
    record Accepted(String providerRef) implements SendOutcome {}

    record Rejected(String reason) implements SendOutcome {}

    record Unavailable(String reason) implements SendOutcome {}
}
