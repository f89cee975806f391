package org.iom.dna.scheduling.domain;

/**
 * BOOKED until the day's list is closed (COMPLETED, every member with an outcome) or the appointment no longer
 * stands (CANCELLED: the case withdrawn, or the family moved to a new appointment).
 */
public enum AppointmentStatus {
    BOOKED,
    COMPLETED,
    CANCELLED
}
