package org.iom.dna.scheduling.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.bookByHand;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.close;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.handBooking;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.outcome;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.record;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.sampled;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.slotToday;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.FamilyUnreachableV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.Attendance;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * Closing the day makes attendance final: members never recorded did not come; a family with members still to
 * sample is booked again (those members only), until it has missed as many appointments as the scheduler offers
 * (two in the test profile's default), when the IND is told it is unreachable.
 */
@QuarkusTest
class DayClosingTest {

    private static final String OFFICER = "officer";

    @Inject
    SchedulingState scheduling;

    private String centre;
    private SamplingRequestReceivedV1 family;

    /** Two adults of a country of their own, waiting, and a centre with room for them today. */
    private UUID twoAdultsBookedToday() {
        String country = uniqueCountry();
        centre = AppointmentDay.uniqueCentre();
        family = family(country).adults(2).build();
        scheduling.receive(List.of(slotToday(centre, country, 13, 2)), List.of(family));
        scheduling.awaitWaitlisted(family.requestId());
        return bookAgainToday();
    }

    private UUID bookAgainToday() {
        return UUID.fromString(bookByHand(OFFICER, family.requestId(), handBooking(centre, today()))
                .statusCode(200)
                .extract()
                .path("id"));
    }

    @Test
    void shouldRecordAMemberNeverSeenAsNoShow() {
        UUID appointment = twoAdultsBookedToday();
        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-10")).statusCode(200);

        close(OFFICER, centre, today()).statusCode(200).body("noShows", equalTo(1));

        assertThat(scheduling.published(family.requestId(), AttendanceRecordedV1.TYPE, AttendanceRecordedV1.class))
                .extracting(AttendanceRecordedV1::memberRef, AttendanceRecordedV1::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-1", "SAMPLED"),
                        org.assertj.core.groups.Tuple.tuple("P-2", "NO_SHOW"));
    }

    @Test
    void shouldExcuseAMemberWhoseDayWasNeverConfirmedToTheFamily() {
        UUID appointment = twoAdultsBookedToday();
        // A tentative booking whose confirmation stalled: the family was never told of the day.
        QuarkusTransaction.requiringNew()
                .run(() -> Appointment.update("confirmedAt = null where id = ?1", appointment));
        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-11")).statusCode(200);

        close(OFFICER, centre, today()).statusCode(200).body("noShows", equalTo(0));

        assertThat(scheduling.published(family.requestId(), AttendanceRecordedV1.TYPE, AttendanceRecordedV1.class))
                .extracting(AttendanceRecordedV1::memberRef, AttendanceRecordedV1::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-1", "SAMPLED"),
                        org.assertj.core.groups.Tuple.tuple("P-2", "EXCUSED"));
        assertThat(scheduling.family(family.requestId()).missedAppointments).isZero();
    }

    @Test
    void shouldCompleteTheAppointmentWhenTheDayCloses() {
        UUID appointment = twoAdultsBookedToday();

        close(OFFICER, centre, today()).statusCode(200);

        assertThat(scheduling.appointments(family.requestId()))
                .filteredOn(a -> a.id.equals(appointment))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.status).isEqualTo(AppointmentStatus.COMPLETED);
                    assertThat(a.closedAt).isNotNull();
                });
    }

    @Test
    void shouldCompleteTheCaseWhenEveryoneWasSampled() {
        UUID appointment = twoAdultsBookedToday();
        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-11")).statusCode(200);
        record(OFFICER, appointment, "P-2", sampled("P-2", "KIT-12")).statusCode(200);

        close(OFFICER, centre, today()).statusCode(200).body("completed", equalTo(1));

        assertThat(scheduling.family(family.requestId()).status).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void shouldBookAgainOnlyTheMemberWhoDidNotCome() {
        UUID appointment = twoAdultsBookedToday();
        SlotOpenedV1 later = AppointmentDay.slotAt(centre, family.country(), daysAhead(5, 9), 2);
        scheduling.open(later);
        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-13")).statusCode(200);

        close(OFFICER, centre, today()).statusCode(200).body("rebooked", equalTo(1));

        Appointment again = scheduling.awaitBooked(family.requestId(), 1);
        assertThat(again.members).extracting(m -> m.memberRef()).containsExactly("P-2");
        assertThat(again.localDate).isEqualTo(later.localDate());
    }

    @Test
    void shouldCountANoShowAsAMissedAppointment() {
        twoAdultsBookedToday();

        close(OFFICER, centre, today()).statusCode(200);

        FamilyCase after = scheduling.family(family.requestId());
        assertThat(after.missedAppointments).isEqualTo(1);
        assertThat(after.status).isEqualTo(CaseStatus.WAITING);
    }

    @Test
    void shouldNotCountAnExcusedAbsenceAsMissed() {
        UUID appointment = twoAdultsBookedToday();
        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-14")).statusCode(200);
        record(OFFICER, appointment, "P-2", outcome(Attendance.EXCUSED)).statusCode(200);

        close(OFFICER, centre, today()).statusCode(200);

        FamilyCase after = scheduling.family(family.requestId());
        assertThat(after.missedAppointments).isZero();
        assertThat(after.status).isEqualTo(CaseStatus.WAITING);
    }

    @Test
    void shouldNotBookAgainAMemberWhoRefused() {
        UUID appointment = twoAdultsBookedToday();
        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-15")).statusCode(200);
        record(OFFICER, appointment, "P-2", outcome(Attendance.REFUSED)).statusCode(200);

        close(OFFICER, centre, today()).statusCode(200);

        assertThat(scheduling.family(family.requestId()).status).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void shouldReportTheFamilyUnreachableAfterTheLastMissedAppointment() {
        twoAdultsBookedToday();
        close(OFFICER, centre, today()).statusCode(200);
        scheduling.open(slotToday(centre, family.country(), 15, 2));
        bookAgainToday();

        close(OFFICER, centre, today()).statusCode(200).body("unreachable", equalTo(1));

        assertThat(scheduling.family(family.requestId()).status).isEqualTo(CaseStatus.UNREACHABLE);
        assertThat(scheduling.published(family.requestId(), FamilyUnreachableV1.TYPE, FamilyUnreachableV1.class))
                .singleElement()
                .satisfies(e -> assertThat(e.missed())
                        .hasSize(2)
                        .allSatisfy(m -> assertThat(m.absentMembers()).containsExactly("P-1", "P-2")));
    }

    @Test
    void shouldRefuseToCloseWhileAMemberIsCheckedInWithoutOutcome() {
        UUID appointment = twoAdultsBookedToday();
        record(OFFICER, appointment, "P-1", outcome(Attendance.CHECKED_IN)).statusCode(200);

        close(OFFICER, centre, today())
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("members-checked-in").toString()));

        assertThat(scheduling.liveAppointment(family.requestId())).isPresent();
    }

    @Test
    void shouldRefuseAttendanceAfterTheDayIsClosed() {
        UUID appointment = twoAdultsBookedToday();
        close(OFFICER, centre, today()).statusCode(200);

        record(OFFICER, appointment, "P-1", sampled("P-1", "KIT-16"))
                .statusCode(409)
                .body("type", equalTo(Problem.type("day-closed").toString()));
    }

    @Test
    void shouldRefuseToCloseADayThatHasNotBegun() {
        twoAdultsBookedToday();
        SlotOpenedV1 tomorrow = AppointmentDay.slotAt(
                centre,
                family.country(),
                today().plusDays(1).atTime(10, 0).atZone(AppointmentDay.MORNING).toInstant(),
                2);
        scheduling.open(tomorrow);
        bookByHand(OFFICER, family.requestId(), handBooking(centre, today().plusDays(1)))
                .statusCode(200);

        close(OFFICER, centre, today().plusDays(1))
                .statusCode(409)
                .body("type", equalTo(Problem.type("day-not-begun").toString()));
    }

    @Test
    void shouldCloseAnEmptyDayWithoutChangingAnything() {
        close(OFFICER, AppointmentDay.uniqueCentre(), today()).statusCode(200).body("appointments", equalTo(0));
    }
}
