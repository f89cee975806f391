package org.iom.dna.notification.message;

/**
 * What a message tells the family. Stored as {@code Delivery.kind}; a reminder's kind names how long before the
 * appointment it goes, e.g. {@code APPOINTMENT_REMINDER_72H}, so that each reminder is its own delivery.
 */
public enum NoticeKind {
    APPOINTMENT_CONFIRMATION,
    APPOINTMENT_MOVED,
    APPOINTMENT_CANCELLED,
    APPOINTMENT_REMINDER,
    /** No appointment yet: the family is told it waits and will be sent a date. */
    FAMILY_WAITLISTED;

    private static final String REMINDER_PREFIX = APPOINTMENT_REMINDER.name() + "_";

    /** The stored kind of the reminder that goes {@code hoursBefore} the appointment. */
    public static String reminder(long hoursBefore) {
        return REMINDER_PREFIX + hoursBefore + "H";
    }

    public static NoticeKind of(String storedKind) {
        return storedKind.startsWith(REMINDER_PREFIX) ? APPOINTMENT_REMINDER : valueOf(storedKind);
    }
}
