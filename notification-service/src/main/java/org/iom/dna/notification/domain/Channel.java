package org.iom.dna.notification.domain;

public enum Channel {
    EMAIL,
    SMS
}
