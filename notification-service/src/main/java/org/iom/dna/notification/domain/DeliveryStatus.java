package org.iom.dna.notification.domain;

/** NO_CHANNEL: the member has no address on this channel, so nothing could be sent. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, NO_CHANNEL
}
