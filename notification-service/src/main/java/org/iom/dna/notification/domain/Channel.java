package org.iom.dna.notification.domain;

/**
 * A way to reach a family member. PROXY is an SMS to the person the member named to pass messages on
 * (a relative or neighbour with a phone), for members who have no phone of their own.
 */
public enum Channel {
    SMS,
    WHATSAPP,
    EMAIL,
    PROXY
}
