package org.iom.dna.scheduling.domain;

/**
 * Where one member stands on the appointment day. BOOKED until MHAC staff record them; CHECKED_IN when they
 * arrive; then one outcome. SAMPLED, REFUSED and IDENTITY_MISMATCH end the member's part in the case; NO_SHOW
 * and EXCUSED mean they still need an appointment.
 */
public enum Attendance {
    BOOKED,
    CHECKED_IN,
    SAMPLED,
    NO_SHOW,
    EXCUSED,
    REFUSED,
    IDENTITY_MISMATCH;

    /** An outcome of the day, reported to the IND (AttendanceRecordedV1). */
    public boolean isOutcome() {
        return this != BOOKED && this != CHECKED_IN;
    }

    /** The member needs no further appointment. */
    public boolean endsMembersPart() {
        return this == SAMPLED || this == REFUSED || this == IDENTITY_MISMATCH;
    }

    /** Counts towards the appointments a family may miss before the case is reported unreachable. */
    public boolean isMissed() {
        return this == NO_SHOW;
    }
}
