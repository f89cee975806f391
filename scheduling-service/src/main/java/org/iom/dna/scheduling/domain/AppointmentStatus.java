package org.iom.dna.scheduling.domain;

/** An appointment is live until it is cancelled (the case withdrawn, or the family moved to a new one). */
public enum AppointmentStatus {
    BOOKED,
    CANCELLED
}
