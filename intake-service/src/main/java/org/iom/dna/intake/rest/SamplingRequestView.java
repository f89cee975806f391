package org.iom.dna.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.SamplingRequest;

/**
 * A case as the IND and country offices read it: references, scheduling facts and status. Names and
 * contact details are not repeated here; the IND already has them and staff do not need them to follow a case.
 */
@Schema(name = "SamplingRequest")
public record SamplingRequestView(
        UUID id,
        String indReference,
        String caseNumber,
        String priority,
        LocalDate deadline,
        String country,
        String preferredCentre,
        @Schema(enumeration = {"RECEIVED", "WAITLISTED", "SCHEDULED", "PARTIALLY_SAMPLED", "SAMPLED",
                "CANCELLED", "UNREACHABLE", "EXPIRED"}) String status,
        Instant receivedAt,
        Instant updatedAt,
        List<Member> members) {

    public record Member(
            String personRef,
            String relationship,
            int ageOnDeadline,
            boolean minor,
            String accompaniedBy,
            String preferredLanguage,
            Appointment appointment) {
    }

    /** Local date and time at the centre, with its IANA zone; {@code startsAt} is the same instant in UTC. */
    public record Appointment(UUID appointmentId, String centreCode, LocalDate localDate, LocalTime localTime,
            String zone, Instant startsAt) {
    }

    static SamplingRequestView of(SamplingRequest r) {
        return new SamplingRequestView(r.id, r.indReference, r.caseNumber, r.priority.name(), r.deadline,
                r.country.name(), r.preferredCentre, r.status.name(), r.receivedAt, r.updatedAt,
                r.members.stream().map(SamplingRequestView::member).toList());
    }

    private static Member member(FamilyMember m) {
        Appointment appointment = m.appointmentId == null ? null
                : new Appointment(m.appointmentId, m.centreCode, m.localDate, m.localTime, m.zone, m.startsAt);
        return new Member(m.personRef, m.relationship.name(), m.ageOnDeadline, m.minor, m.accompaniedBy,
                m.language, appointment);
    }
}
