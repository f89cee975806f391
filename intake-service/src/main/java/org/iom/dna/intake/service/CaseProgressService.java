package org.iom.dna.intake.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.FamilyDeadlineAtRiskV1;
import org.iom.dna.events.FamilyUnreachableV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.intake.domain.ContactAttempt;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.intake.domain.StatusTransition;
import org.iom.dna.platform.messaging.ContractViolation;

/**
 * Follows what scheduling and notification report, so the IND can read each case's status here:
 * RECEIVED → WAITLISTED → SCHEDULED → PARTIALLY_SAMPLED → SAMPLED, or UNREACHABLE, EXPIRED, CANCELLED.
 * Events about a case that was cancelled or is finished are recorded but do not move it back.
 */
@ApplicationScoped
public class CaseProgressService {

    private static final Set<RequestStatus> OPEN = Set.of(
            RequestStatus.RECEIVED, RequestStatus.WAITLISTED, RequestStatus.SCHEDULED, RequestStatus.UNREACHABLE);

    @Transactional(Transactional.TxType.MANDATORY)
    public void waitlisted(FamilyWaitlistedV1 event) {
        SamplingRequest request = request(event.requestId());
        if (request.status == RequestStatus.RECEIVED) {
            request.transitionTo(RequestStatus.WAITLISTED, "no feasible day yet; waiting for capacity");
        }
    }

    /** Scheduling booked (or re-booked) the family: remember each member's slot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentBooked(AppointmentBookedV1 booked) {
        SamplingRequest request = request(booked.requestId());
        for (AppointmentBookedV1.BookedMember slot : booked.members()) {
            request.members.stream()
                    .filter(m -> m.personRef.equals(slot.memberRef()))
                    .findFirst()
                    .ifPresent(m -> {
                        m.appointmentId = booked.appointmentId();
                        m.centreCode = booked.centreCode();
                        m.zone = booked.zone();
                        m.localDate = booked.localDate();
                        m.localTime = slot.localStart();
                        m.startsAt = slot.startsAt();
                        m.appointmentConfirmed = !booked.tentative();
                    });
        }
        boolean everyoneBooked = request.members.stream().allMatch(m -> m.appointmentId != null);
        if (everyoneBooked && OPEN.contains(request.status)) {
            request.transitionTo(
                    RequestStatus.SCHEDULED,
                    (booked.tentative() ? "appointment tentatively booked at " : "appointment booked at ")
                            + booked.centreCode() + " on " + booked.localDate());
        }
    }

    /** A tentative appointment is now fixed, and the family is being told of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentConfirmed(AppointmentConfirmedV1 confirmed) {
        SamplingRequest request = request(confirmed.requestId());
        request.members.stream()
                .filter(m -> confirmed.appointmentId().equals(m.appointmentId))
                .forEach(m -> m.appointmentConfirmed = true);
    }

    /**
     * Scheduling unbooked the family because its slots changed under it (a closure, a capacity cut);
     * it is rebooked, whole, as soon as a feasible day exists. A cancellation the IND asked for is
     * already recorded here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentCancelled(AppointmentCancelledV1 event) {
        SamplingRequest request = request(event.requestId());
        if ("REQUEST_CANCELLED".equals(event.reason())) {
            return;
        }
        request.members.stream()
                .filter(m -> event.appointmentId().equals(m.appointmentId))
                .forEach(m -> {
                    m.appointmentId = null;
                    m.centreCode = null;
                    m.zone = null;
                    m.localDate = null;
                    m.localTime = null;
                    m.startsAt = null;
                });
        // A re-planned tentative day is replaced by the booking published with it: the case stays scheduled.
        if (request.status == RequestStatus.SCHEDULED && !"REPLANNED".equals(event.reason())) {
            request.transitionTo(
                    RequestStatus.WAITLISTED, "appointment cancelled (" + event.reason() + "); being rescheduled");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void attendanceRecorded(AttendanceRecordedV1 event) {
        SamplingRequest request = request(event.requestId());
        FamilyMember member = request.members.stream()
                .filter(m -> m.personRef.equals(event.memberRef()))
                .findFirst()
                .orElseThrow(() -> new ContractViolation("attendance names an unknown member of " + event.requestId()));
        member.outcome = event.outcome();
        if (request.status == RequestStatus.CANCELLED || request.status == RequestStatus.EXPIRED) {
            return;
        }
        long sampled = request.members.stream()
                .filter(m -> "SAMPLED".equals(m.outcome))
                .count();
        if (sampled == request.members.size()) {
            request.transitionTo(RequestStatus.SAMPLED, "every member sampled");
        } else if (sampled > 0) {
            request.transitionTo(
                    RequestStatus.PARTIALLY_SAMPLED, sampled + " of " + request.members.size() + " members sampled");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contactAttempted(ContactAttemptRecordedV1 event) {
        request(event.requestId());
        ContactAttempt attempt = new ContactAttempt();
        attempt.requestId = event.requestId();
        attempt.deliveryId = event.deliveryId();
        attempt.personRef = event.memberRef();
        attempt.kind = event.kind();
        attempt.channel = event.channel();
        attempt.attempt = event.attempt();
        attempt.outcome = event.outcome();
        attempt.at = event.attemptedAt();
        attempt.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberUnreachable(MemberUnreachableV1 event) {
        SamplingRequest request = request(event.requestId());
        request.members.stream()
                .filter(m -> m.personRef.equals(event.memberRef()))
                .forEach(m -> m.unreachable = true);
        if (OPEN.contains(request.status)) {
            request.transitionTo(
                    RequestStatus.UNREACHABLE,
                    "member " + event.memberRef() + " not reached after " + event.attempts() + " attempts");
        }
    }

    /**
     * Scheduling finds no day and the deadline is near (or the members cannot travel in time). The case keeps its
     * status; the IND sees the risk on the case and as a line in its history.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineAtRisk(FamilyDeadlineAtRiskV1 event) {
        SamplingRequest request = request(event.requestId());
        if (request.deadlineAtRiskSince != null || !OPEN.contains(request.status)) {
            return;
        }
        request.deadlineAtRiskSince = event.flaggedAt();
        request.deadlineAtRiskReason = event.reason();
        request.updatedAt = Instant.now();
        StatusTransition.record(
                request.id,
                request.status,
                request.status,
                request.updatedAt,
                "deadline " + event.deadline() + " at risk: " + event.reason());
    }

    /** The family missed every appointment scheduling offers: staff must reach it before anything else. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void familyUnreachable(FamilyUnreachableV1 event) {
        SamplingRequest request = request(event.requestId());
        if (OPEN.contains(request.status) || request.status == RequestStatus.PARTIALLY_SAMPLED) {
            request.transitionTo(
                    RequestStatus.UNREACHABLE,
                    "missed " + event.missed().size() + " appointment(s): "
                            + event.missed().stream()
                                    .map(m -> m.centreCode() + " on " + m.localDate())
                                    .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** Cases whose deadline passed before every member was sampled. Hourly, and safe on several instances. */
    @Scheduled(every = "${intake.expiry.interval:1h}", delayed = "30s")
    @Transactional
    public void expireOverdue() {
        List<SamplingRequest> overdue = SamplingRequest.list(
                "deadline < ?1 and status in ?2",
                LocalDate.now(),
                List.of(
                        RequestStatus.RECEIVED,
                        RequestStatus.WAITLISTED,
                        RequestStatus.SCHEDULED,
                        RequestStatus.PARTIALLY_SAMPLED,
                        RequestStatus.UNREACHABLE));
        overdue.forEach(
                r -> r.transitionTo(RequestStatus.EXPIRED, "deadline " + r.deadline + " passed before sampling"));
    }

    private static SamplingRequest request(UUID id) {
        return SamplingRequest.<SamplingRequest>findByIdOptional(id)
                .orElseThrow(() -> new ContractViolation("event names unknown request " + id));
    }
}
