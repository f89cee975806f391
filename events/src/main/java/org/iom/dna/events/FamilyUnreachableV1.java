package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The family missed as many appointments as the scheduler offers (a member did not come, without excuse): it is
 * not booked again, and the IND is told, with each missed appointment, so that staff can try to reach the family.
 *
 * @param missed the appointments at which a member did not come, oldest first
 */
public record FamilyUnreachableV1(UUID requestId, List<MissedAppointment> missed, Instant declaredAt) {

    public static final String TYPE = "org.iom.dna.scheduling.FamilyUnreachable.v1";

    /** @param absentMembers the member references recorded NO_SHOW that day */
    public record MissedAppointment(
            UUID appointmentId, String centreCode, LocalDate localDate, List<String> absentMembers) {}
}
