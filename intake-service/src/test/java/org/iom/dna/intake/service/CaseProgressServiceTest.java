package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.FamilyDeadlineAtRiskV1;
import org.iom.dna.events.FamilyUnreachableV1;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.domain.ContactAttempt;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.messaging.ContractViolation;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * How scheduling's and notification's reports move a case: RECEIVED, WAITLISTED, SCHEDULED, PARTIALLY_SAMPLED,
 * SAMPLED, or UNREACHABLE; and what they may no longer change once the IND cancelled the case.
 */
@QuarkusTest
class CaseProgressServiceTest {

    @Inject
    IntakeApi api;

    @Inject
    CaseProgressService progress;

    private static void inTransaction(Runnable step) {
        QuarkusTransaction.requiringNew().run(step);
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** The contract violation a consumer parks the event for, however the transaction wrapped it. */
    private static Throwable violation(Runnable step) {
        Throwable thrown = catchThrowable(() -> inTransaction(step));
        while (thrown != null && !(thrown instanceof ContractViolation)) {
            thrown = thrown.getCause();
        }
        return thrown;
    }

    @Test
    void shouldWaitlistAReceivedCase() {
        String id = api.submitted();

        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));

        assertThat(api.status(id)).isEqualTo("WAITLISTED");
    }

    @Test
    void shouldRecordWhyACaseWaits() {
        String id = api.submitted();

        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));

        api.history(Tokens.indSystem(), id)
                .body("transitions[1].cause", equalTo("no feasible day yet; waiting for capacity"));
    }

    @Test
    void shouldRecordAStatusOnlyOnceWhenTheSameReportComesTwice() {
        String id = api.submitted();

        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));
        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));

        assertThat(api.transitions(id)).containsExactly("RECEIVED", "WAITLISTED");
    }

    @Test
    void shouldNotWaitlistAScheduledCase() {
        String id = api.submitted();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));

        assertThat(api.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldScheduleTheCaseWhenTheWholeFamilyIsBooked() {
        String id = api.submitted();

        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        assertThat(api.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldSayWhereAndWhenTheFamilyIsBookedInTheHistory() {
        String id = api.submitted();

        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        api.history(Tokens.indSystem(), id)
                .body(
                        "transitions[1].cause",
                        equalTo("appointment booked at " + Events.CENTRE + " on " + Events.appointmentDay()));
    }

    @Test
    void shouldShowEachMembersAppointmentInLocalAndUtcTime() {
        String id = api.submitted();
        UUID appointment = UUID.randomUUID();
        AppointmentBookedV1 booked = Events.booked(uuid(id), appointment);

        inTransaction(() -> progress.appointmentBooked(booked));

        api.get(Tokens.indSystem(), id)
                .body("members[1].appointment.appointmentId", equalTo(appointment.toString()))
                .body("members[1].appointment.centreCode", equalTo(Events.CENTRE))
                .body(
                        "members[1].appointment.localDate",
                        equalTo(Events.appointmentDay().toString()))
                .body("members[1].appointment.localTime", equalTo("08:30:00"))
                .body("members[1].appointment.zone", equalTo(Events.ZONE))
                .body(
                        "members[1].appointment.startsAt",
                        equalTo(booked.members().get(1).startsAt().toString()));
    }

    @Test
    void shouldShowTheIndATentativeAppointmentApartUntilItIsConfirmed() {
        String id = api.submitted();
        AppointmentBookedV1 booked = Events.booked(uuid(id), UUID.randomUUID()).withTentative(true);

        inTransaction(() -> progress.appointmentBooked(booked));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("SCHEDULED"))
                .body("members[0].appointment.confirmed", equalTo(false))
                .body("members[1].appointment.confirmed", equalTo(false));
        api.history(Tokens.indSystem(), id)
                .body(
                        "transitions[1].cause",
                        equalTo("appointment tentatively booked at " + Events.CENTRE + " on "
                                + Events.appointmentDay()));

        inTransaction(() -> progress.appointmentConfirmed(new AppointmentConfirmedV1(
                booked.appointmentId(), booked.requestId(), Instant.now(), booked.withTentative(false))));

        api.get(Tokens.indSystem(), id)
                .body("members[0].appointment.confirmed", equalTo(true))
                .body("members[1].appointment.confirmed", equalTo(true));
    }

    @Test
    void shouldKeepTheCaseScheduledWhenATentativeDayIsReplanned() {
        String id = api.submitted();
        AppointmentBookedV1 first = Events.booked(uuid(id), UUID.randomUUID()).withTentative(true);
        AppointmentBookedV1 replanned = Events.booked(uuid(id), UUID.randomUUID(), 1, Families.MOTHER, Families.SON)
                .withTentative(true);

        inTransaction(() -> {
            progress.appointmentBooked(first);
            progress.appointmentCancelled(Events.appointmentCancelled(uuid(id), first.appointmentId(), "REPLANNED"));
            progress.appointmentBooked(replanned);
        });

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("SCHEDULED"))
                .body(
                        "members[0].appointment.appointmentId",
                        equalTo(replanned.appointmentId().toString()));
        api.history(Tokens.indSystem(), id).body("transitions", hasSize(2));
    }

    @Test
    void shouldKeepTheCaseReceivedWhileOnlyPartOfTheFamilyIsBooked() {
        String id = api.submitted();

        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID(), 0, Families.MOTHER)));

        assertThat(api.status(id)).isEqualTo("RECEIVED");
        api.get(Tokens.indSystem(), id)
                .body("members[0].appointment.centreCode", equalTo(Events.CENTRE))
                .body("members[1].appointment", nullValue());
    }

    @Test
    void shouldIgnoreABookedMemberTheCaseDoesNotHave() {
        String id = api.submitted();

        inTransaction(() -> progress.appointmentBooked(
                Events.booked(uuid(id), UUID.randomUUID(), 0, Families.MOTHER, Families.SON, "P-99")));

        assertThat(api.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldReplaceTheAppointmentWhenTheFamilyIsRebooked() {
        String id = api.submitted();
        UUID second = UUID.randomUUID();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        inTransaction(
                () -> progress.appointmentBooked(Events.booked(uuid(id), second, 1, Families.MOTHER, Families.SON)));

        api.get(Tokens.indSystem(), id)
                .body("members.appointment.appointmentId", equalTo(List.of(second.toString(), second.toString())));
    }

    @Test
    void shouldScheduleAWaitlistedCaseOnceBooked() {
        String id = api.submitted();
        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));

        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        assertThat(api.transitions(id)).containsExactly("RECEIVED", "WAITLISTED", "SCHEDULED");
    }

    @Test
    void shouldScheduleACaseWhoseMemberWasUnreachableOnceBooked() {
        String id = api.submitted();
        inTransaction(() -> progress.memberUnreachable(Events.unreachable(uuid(id), Families.MOTHER)));

        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        assertThat(api.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldNotReopenACancelledCaseWhenABookingArrivesLate() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);

        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        assertThat(api.status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void shouldPutTheFamilyBackOnTheWaitlistWhenItsAppointmentIsWithdrawn() {
        String id = api.submitted();
        UUID appointment = UUID.randomUUID();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), appointment)));

        inTransaction(() ->
                progress.appointmentCancelled(Events.appointmentCancelled(uuid(id), appointment, "SLOT_WITHDRAWN")));

        assertThat(api.status(id)).isEqualTo("WAITLISTED");
        api.history(Tokens.indSystem(), id)
                .body("transitions[2].cause", equalTo("appointment cancelled (SLOT_WITHDRAWN); being rescheduled"));
    }

    @Test
    void shouldClearTheWithdrawnAppointmentFromEveryMember() {
        String id = api.submitted();
        UUID appointment = UUID.randomUUID();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), appointment)));

        inTransaction(() ->
                progress.appointmentCancelled(Events.appointmentCancelled(uuid(id), appointment, "CAPACITY_CUT")));

        api.get(Tokens.indSystem(), id).body("members.appointment", equalTo(Arrays.asList(null, null)));
    }

    @Test
    void shouldShowTheNewAppointmentWhenSchedulingMovesTheFamily() {
        String id = api.submitted();
        UUID old = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), old)));

        // Scheduling cancels the old appointment (MOVED), then books the new one, in that order.
        inTransaction(() -> progress.appointmentCancelled(Events.appointmentCancelled(uuid(id), old, "MOVED")));
        inTransaction(
                () -> progress.appointmentBooked(Events.booked(uuid(id), moved, 1, Families.MOTHER, Families.SON)));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("SCHEDULED"))
                .body("members.appointment.appointmentId", equalTo(List.of(moved.toString(), moved.toString())));
    }

    @Test
    void shouldIgnoreTheAppointmentCancellationThatFollowsTheIndsOwnCancellation() {
        String id = api.submitted();
        UUID appointment = UUID.randomUUID();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), appointment)));
        api.cancel(id, CancellationReason.WITHDRAWN_BY_APPLICANT).statusCode(200);

        inTransaction(() ->
                progress.appointmentCancelled(Events.appointmentCancelled(uuid(id), appointment, "REQUEST_CANCELLED")));

        assertThat(api.transitions(id)).containsExactly("RECEIVED", "SCHEDULED", "CANCELLED");
    }

    @Test
    void shouldPartlySampleTheCaseWhenOneMemberIsSampled() {
        String id = api.submitted();

        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.MOTHER, "SAMPLED")));

        assertThat(api.status(id)).isEqualTo("PARTIALLY_SAMPLED");
        api.history(Tokens.indSystem(), id).body("transitions[1].cause", equalTo("1 of 2 members sampled"));
    }

    @Test
    void shouldSampleTheCaseWhenEveryMemberIsSampled() {
        String id = api.submitted();
        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.MOTHER, "SAMPLED")));

        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.SON, "SAMPLED")));

        assertThat(api.transitions(id)).containsExactly("RECEIVED", "PARTIALLY_SAMPLED", "SAMPLED");
    }

    @Test
    void shouldShowEachMembersOutcome() {
        String id = api.submitted();

        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.SON, "NO_SHOW")));

        api.get(Tokens.indSystem(), id).body("members.outcome", equalTo(Arrays.asList(null, "NO_SHOW")));
    }

    @Test
    void shouldNotMoveTheCaseWhenNobodyWasSampled() {
        String id = api.submitted();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.MOTHER, "NO_SHOW")));

        assertThat(api.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldRecordAnOutcomeOnACancelledCaseWithoutReopeningIt() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);

        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.MOTHER, "SAMPLED")));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("CANCELLED"))
                .body("members[0].outcome", equalTo("SAMPLED"));
    }

    @Test
    void shouldRefuseAnAttendanceForAMemberTheCaseDoesNotHave() {
        String id = api.submitted();

        assertThat(violation(() -> progress.attendanceRecorded(Events.attended(uuid(id), "P-99", "SAMPLED"))))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("attendance names an unknown member of " + id);
    }

    @Test
    void shouldRefuseAReportAboutACaseIntakeDoesNotHave() {
        UUID unknown = UUID.randomUUID();

        assertThat(violation(() -> progress.waitlisted(Events.waitlisted(unknown))))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("event names unknown request " + unknown);
    }

    @Test
    void shouldRequireTheCallersTransaction() {
        String id = api.submitted();

        // Outside a transaction the inbox could not record the event id with its effect.
        assertThatThrownBy(() -> progress.waitlisted(Events.waitlisted(uuid(id))))
                .isInstanceOf(TransactionalException.class);
        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }

    @Test
    void shouldKeepEveryContactAttempt() {
        String id = api.submitted();
        UUID delivery = UUID.randomUUID();

        inTransaction(() -> progress.contactAttempted(Events.attempt(uuid(id), delivery, 1, "FAILED")));

        List<ContactAttempt> attempts =
                QuarkusTransaction.requiringNew().call(() -> ContactAttempt.forRequest(uuid(id)));
        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.deliveryId).isEqualTo(delivery);
            assertThat(a.personRef).isEqualTo(Families.MOTHER);
            assertThat(a.kind).isEqualTo("APPOINTMENT_CONFIRMATION");
            assertThat(a.channel).isEqualTo("SMS");
            assertThat(a.attempt).isEqualTo(1);
            assertThat(a.outcome).isEqualTo("FAILED");
            assertThat(a.at).isEqualTo(Instant.parse("2026-11-28T10:01:00Z"));
        });
    }

    @Test
    void shouldListContactAttemptsInTheOrderTheyWereMade() {
        String id = api.submitted();
        UUID delivery = UUID.randomUUID();

        inTransaction(() -> progress.contactAttempted(Events.attempt(uuid(id), delivery, 2, "SENT")));
        inTransaction(() -> progress.contactAttempted(Events.attempt(uuid(id), delivery, 1, "FAILED")));

        api.history(Tokens.user("officer"), id).body("contactAttempts.attempt", equalTo(List.of(1, 2)));
    }

    @Test
    void shouldNotMoveTheCaseForAContactAttempt() {
        String id = api.submitted();

        inTransaction(() -> progress.contactAttempted(Events.attempt(uuid(id), UUID.randomUUID(), 1, "GAVE_UP")));

        assertThat(api.transitions(id)).containsExactly("RECEIVED");
    }

    @Test
    void shouldRefuseAContactAttemptForACaseIntakeDoesNotHave() {
        UUID unknown = UUID.randomUUID();

        assertThat(violation(() -> progress.contactAttempted(Events.attempt(unknown, UUID.randomUUID(), 1, "SENT"))))
                .isInstanceOf(ContractViolation.class);
    }

    @Test
    void shouldMarkTheCaseUnreachableWhenAMemberCannotBeReached() {
        String id = api.submitted();

        inTransaction(() -> progress.memberUnreachable(Events.unreachable(uuid(id), Families.MOTHER)));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("UNREACHABLE"))
                .body("members.unreachable", equalTo(List.of(true, false)));
        api.history(Tokens.indSystem(), id)
                .body("transitions[1].cause", equalTo("member P-1 not reached after 6 attempts"));
    }

    @Test
    void shouldMarkAScheduledCaseUnreachable() {
        String id = api.submitted();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        inTransaction(() -> progress.memberUnreachable(Events.unreachable(uuid(id), Families.SON)));

        assertThat(api.status(id)).isEqualTo("UNREACHABLE");
    }

    @Test
    void shouldFlagTheMemberButKeepASampledCaseSampled() {
        String id = api.submitted();
        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.MOTHER, "SAMPLED")));
        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.SON, "SAMPLED")));

        inTransaction(() -> progress.memberUnreachable(Events.unreachable(uuid(id), Families.MOTHER)));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("SAMPLED"))
                .body("members[0].unreachable", equalTo(true));
    }

    @Test
    void shouldKeepACancelledCaseCancelledWhenAMemberCannotBeReached() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.OTHER).statusCode(200);

        inTransaction(() -> progress.memberUnreachable(Events.unreachable(uuid(id), Families.MOTHER)));

        assertThat(api.status(id)).isEqualTo("CANCELLED");
    }

    private static FamilyUnreachableV1 missedTwice(UUID requestId) {
        return new FamilyUnreachableV1(
                requestId,
                List.of(
                        new FamilyUnreachableV1.MissedAppointment(
                                UUID.randomUUID(), "ET-ADD", LocalDate.of(2027, 1, 12), List.of(Families.MOTHER)),
                        new FamilyUnreachableV1.MissedAppointment(
                                UUID.randomUUID(), "ET-ADD", LocalDate.of(2027, 2, 2), List.of(Families.MOTHER))),
                Instant.now());
    }

    @Test
    void shouldMarkTheCaseUnreachableWhenTheFamilyMissedItsLastAppointment() {
        String id = api.submitted();
        inTransaction(() -> progress.appointmentBooked(Events.booked(uuid(id), UUID.randomUUID())));

        inTransaction(() -> progress.familyUnreachable(missedTwice(uuid(id))));

        assertThat(api.status(id)).isEqualTo("UNREACHABLE");
        api.history(Tokens.indSystem(), id)
                .body(
                        "transitions[-1].cause",
                        equalTo("missed 2 appointment(s): ET-ADD on 2027-01-12, ET-ADD on 2027-02-02"));
    }

    @Test
    void shouldMarkAPartlySampledCaseUnreachableWhenTheRestMissedTheirAppointments() {
        String id = api.submitted();
        inTransaction(() -> progress.attendanceRecorded(Events.attended(uuid(id), Families.SON, "SAMPLED")));

        inTransaction(() -> progress.familyUnreachable(missedTwice(uuid(id))));

        assertThat(api.status(id)).isEqualTo("UNREACHABLE");
    }

    @Test
    void shouldKeepACancelledCaseCancelledWhenTheFamilyMissedItsAppointments() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.OTHER).statusCode(200);

        inTransaction(() -> progress.familyUnreachable(missedTwice(uuid(id))));

        assertThat(api.status(id)).isEqualTo("CANCELLED");
    }

    private static FamilyDeadlineAtRiskV1 atRisk(UUID requestId, String reason) {
        return new FamilyDeadlineAtRiskV1(
                requestId, LocalDate.of(2027, 1, 31), reason, Instant.parse("2027-01-10T06:00:00Z"));
    }

    @Test
    void shouldShowTheIndThatTheDeadlineIsAtRisk() {
        String id = api.submitted();
        inTransaction(() -> progress.waitlisted(Events.waitlisted(uuid(id))));

        inTransaction(() -> progress.deadlineAtRisk(atRisk(uuid(id), "NO_OPEN_SLOT")));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("WAITLISTED"))
                .body("deadlineAtRisk.reason", equalTo("NO_OPEN_SLOT"))
                .body("deadlineAtRisk.since", equalTo("2027-01-10T06:00:00Z"));
    }

    @Test
    void shouldNoteTheRiskInTheHistory() {
        String id = api.submitted();

        inTransaction(() -> progress.deadlineAtRisk(atRisk(uuid(id), "LEAD_TIME_PASSES_DEADLINE")));

        api.history(Tokens.indSystem(), id)
                .body("transitions[-1].cause", equalTo("deadline 2027-01-31 at risk: LEAD_TIME_PASSES_DEADLINE"));
    }

    @Test
    void shouldKeepTheFirstRiskWhenTheWarningComesAgain() {
        String id = api.submitted();
        inTransaction(() -> progress.deadlineAtRisk(atRisk(uuid(id), "NO_OPEN_SLOT")));

        inTransaction(() -> progress.deadlineAtRisk(atRisk(uuid(id), "NO_DAY_FITS_FAMILY")));

        api.get(Tokens.indSystem(), id).body("deadlineAtRisk.reason", equalTo("NO_OPEN_SLOT"));
    }

    @Test
    void shouldNotShowARiskOnACaseWithoutOne() {
        String id = api.submitted();

        api.get(Tokens.indSystem(), id).body("deadlineAtRisk", org.hamcrest.Matchers.nullValue());
    }
}
