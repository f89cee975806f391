package org.iom.dna.notification.domain;

/**
 * NO_CHANNEL: the member has no address on this channel, so nothing could be sent. CANCELLED: the
 * appointment was cancelled or moved before the message went out.
 */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED,
    NO_CHANNEL,
    CANCELLED
}
