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

        @Schema(description = "Sampling country, or the country of the ad-hoc location")
        String country,

        boolean adHocLocation,
        String preferredCentre,

        @Schema(
                enumeration = {
                    "RECEIVED",
                    "WAITLISTED",
                    "SCHEDULED",
                    "PARTIALLY_SAMPLED",
                    "SAMPLED",
                    "CANCELLED",
                    "UNREACHABLE",
                    "EXPIRED"
                })
        String status,

        String cancellationReason,
        Instant receivedAt,
        Instant updatedAt,
        List<Member> members,

        @Schema(
                description = "Set when scheduling found no day and the deadline is near, or the members cannot"
                        + " travel in time: the case may miss its deadline unless something changes")
        DeadlineAtRisk deadlineAtRisk,

        @Schema(
                description = "Set once the case's personal data was erased (its retention after closing ran out, or"
                        + " the IND asked): the IND's reference, the case number and the members' references are"
                        + " replaced, and only anonymous facts remain")
        Erasure erasure) {

    /** @param reason RETENTION or IND_REQUEST */
    public record Erasure(Instant at, String reason) {}

    /** @param reason LEAD_TIME_PASSES_DEADLINE, NO_OPEN_SLOT or NO_DAY_FITS_FAMILY */
    public record DeadlineAtRisk(Instant since, String reason) {}

    public record Member(
            String personRef,
            String relationship,
            int ageOnDeadline,
            boolean minor,
            String accompaniedBy,
            boolean accompaniedByGuardian,
            String preferredLanguage,
            Needs needs,
            Appointment appointment,

            @Schema(
                    description =
                            "Attendance outcome once recorded: SAMPLED, NO_SHOW, EXCUSED, REFUSED, IDENTITY_MISMATCH")
            String outcome,

            boolean unreachable) {}

    public record Needs(boolean interpreter, boolean accessibility, boolean medical) {}

    /**
     * Local date and time at the centre, with its IANA zone; {@code startsAt} is the same instant in UTC.
     *
     * @param confirmed false while the appointment is tentative: scheduling may still move it to another day, and the
     *     family has not been told of it yet
     */
    public record Appointment(
            UUID appointmentId,
            String centreCode,
            LocalDate localDate,
            LocalTime localTime,
            String zone,
            Instant startsAt,
            boolean confirmed) {}

    public static SamplingRequestView of(SamplingRequest r) {
        return new SamplingRequestView(
                r.id,
                r.indReference,
                r.caseNumber,
                r.priority.name(),
                r.deadline,
                r.country,
                r.adHoc,
                r.preferredCentre,
                r.status.name(),
                r.cancelReason == null ? null : r.cancelReason.name(),
                r.receivedAt,
                r.updatedAt,
                r.members.stream().map(SamplingRequestView::member).toList(),
                r.deadlineAtRiskSince == null
                        ? null
                        : new DeadlineAtRisk(r.deadlineAtRiskSince, r.deadlineAtRiskReason),
                r.erasedAt == null ? null : new Erasure(r.erasedAt, r.erasureReason));
    }

    private static Member member(FamilyMember m) {
        Appointment appointment = m.appointmentId == null
                ? null
                : new Appointment(
                        m.appointmentId,
                        m.centreCode,
                        m.localDate,
                        m.localTime,
                        m.zone,
                        m.startsAt,
                        m.appointmentConfirmed);
        return new Member(
                m.personRef,
                m.relationship.name(),
                m.ageOnDeadline,
                m.minor,
                m.accompaniedBy,
                m.hasGuardian,
                m.language,
                new Needs(m.needsInterpreter, m.needsAccessibility, m.needsMedical),
                appointment,
                m.outcome,
                m.unreachable);
    }
}
