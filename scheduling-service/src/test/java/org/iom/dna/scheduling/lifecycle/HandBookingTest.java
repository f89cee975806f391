package org.iom.dna.scheduling.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.bookByHand;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.handBooking;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.slotToday;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.family;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.rest.HandBookingRequest;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** Country-office staff book or move a family by hand, within capacity or, with a reason, beyond it. */
@QuarkusTest
class HandBookingTest {

    private static final String OFFICER = "officer";

    @Inject
    SchedulingState scheduling;

    private record Setup(
            String centre, SlotOpenedV1 morning, SlotOpenedV1 afternoon, SamplingRequestReceivedV1 family) {}

    /** A waiting two-adult family and two separate one-place runs today at its country's centre. */
    private Setup waitingFamilyWithTwoRunsToday() {
        String country = uniqueCountry();
        String centre = AppointmentDay.uniqueCentre();
        SlotOpenedV1 morning = slotToday(centre, country, 13, 1);
        SlotOpenedV1 morningNext = AppointmentDay.next(morning, 1);
        SlotOpenedV1 afternoon = slotToday(centre, country, 16, 2);
        SamplingRequestReceivedV1 family = family(country).adults(2).build();
        scheduling.receive(List.of(morning, morningNext, afternoon), List.of(family));
        scheduling.awaitWaitlisted(family.requestId());
        return new Setup(centre, morning, afternoon, family);
    }

    @Test
    void shouldBookAWaitingFamilyOnTheDayStaffChoseDespiteTheLeadTime() {
        Setup s = waitingFamilyWithTwoRunsToday();

        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("localDate", equalTo(today().toString()))
                .body("bookedBy", equalTo(OFFICER));

        Appointment live = scheduling.liveAppointment(s.family().requestId()).orElseThrow();
        assertThat(live.localDate).isEqualTo(today());
        assertThat(live.members).hasSize(2);
    }

    @Test
    void shouldTellEveryoneOfAHandBooking() {
        Setup s = waitingFamilyWithTwoRunsToday();

        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);

        assertThat(scheduling.published(s.family().requestId(), AppointmentBookedV1.TYPE, AppointmentBookedV1.class))
                .singleElement()
                .satisfies(booked -> assertThat(booked.localDate()).isEqualTo(today()));
    }

    @Test
    void shouldMoveABookedFamilyWithAHigherSequence() {
        Setup s = waitingFamilyWithTwoRunsToday();
        UUID first = UUID.fromString(bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200)
                .extract()
                .path("id"));

        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200)
                .body("replaces", equalTo(first.toString()))
                .body("sequence", equalTo(1));

        List<Appointment> history = scheduling.appointments(s.family().requestId());
        assertThat(history)
                .extracting(a -> a.status)
                .containsExactly(AppointmentStatus.CANCELLED, AppointmentStatus.BOOKED);
    }

    @Test
    void shouldAnnounceTheMovedAppointmentAsCancelledForTheMove() {
        Setup s = waitingFamilyWithTwoRunsToday();
        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);

        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);

        assertThat(scheduling.published(
                        s.family().requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .extracting(AppointmentCancelledV1::reason)
                .containsExactly("MOVED");
    }

    @Test
    void shouldGiveTheMovedFromPlacesBack() {
        Setup s = waitingFamilyWithTwoRunsToday();
        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);
        Appointment first = scheduling.liveAppointment(s.family().requestId()).orElseThrow();
        UUID firstSlot = first.members.get(0).slotId;

        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);

        Appointment second = scheduling.liveAppointment(s.family().requestId()).orElseThrow();
        assertThat(second.members).extracting(m -> m.slotId).doesNotContain(firstSlot);
        assertThat(scheduling.slot(firstSlot).booked).isZero();
        assertThat(scheduling.slot(s.afternoon().slotId()).booked).isEqualTo(2);
    }

    @Test
    void shouldRefuseADayWithoutRoomUnlessStaffOverride() {
        Setup s = waitingFamilyWithTwoRunsToday();
        SamplingRequestReceivedV1 big = family(s.family().country()).adults(3).build();
        scheduling.receive(big);

        bookByHand(OFFICER, big.requestId(), handBooking(s.centre(), today()))
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("no-room").toString()));

        assertThat(scheduling.slot(s.afternoon().slotId()).booked).isZero();
    }

    @Test
    void shouldRequireAReasonToBookBeyondCapacity() {
        Setup s = waitingFamilyWithTwoRunsToday();

        bookByHand(OFFICER, s.family().requestId(), new HandBookingRequest(s.centre(), today(), true, " "))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", hasItem("$.reason"));
    }

    @Test
    void shouldBookBeyondCapacityWithAReasonKeptOnTheAppointment() {
        Setup s = waitingFamilyWithTwoRunsToday();
        SamplingRequestReceivedV1 big = family(s.family().country()).adults(3).build();
        scheduling.receive(big);

        bookByHand(
                        OFFICER,
                        big.requestId(),
                        new HandBookingRequest(s.centre(), today(), true, "escort available today only"))
                .statusCode(200)
                .body("overrideReason", equalTo("escort available today only"));

        Appointment live = scheduling.liveAppointment(big.requestId()).orElseThrow();
        int seated = live.members.stream()
                .mapToInt(m -> scheduling.slot(m.slotId).booked)
                .max()
                .orElseThrow();
        assertThat(seated).isGreaterThan(scheduling.slot(live.members.get(0).slotId).capacity);
    }

    @Test
    void shouldNotRecordAnOverrideWhenTheFamilyFitsAnyway() {
        Setup s = waitingFamilyWithTwoRunsToday();

        bookByHand(OFFICER, s.family().requestId(), new HandBookingRequest(s.centre(), today(), true, "just in case"))
                .statusCode(200)
                .body("overrideReason", equalTo(null));
    }

    @Test
    void shouldRefuseADayAfterTheDeadline() {
        Setup s = waitingFamilyWithTwoRunsToday();
        SamplingRequestReceivedV1 due =
                family(s.family().country()).deadline(today().minusDays(1)).build();
        scheduling.receive(due);

        bookByHand(OFFICER, due.requestId(), handBooking(s.centre(), today()))
                .statusCode(400)
                .body("errors.path", hasItem("$.localDate"));
    }

    @Test
    void shouldRefuseADayWithoutOpenSlots() {
        Setup s = waitingFamilyWithTwoRunsToday();

        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today().plusDays(3)))
                .statusCode(409)
                .body("type", equalTo(Problem.type("no-open-slot").toString()));
    }

    @Test
    void shouldRefuseACentreWithoutAnInterpreterTheFamilyNeeds() {
        Setup s = waitingFamilyWithTwoRunsToday();
        String country = s.family().country();
        SamplingRequestReceivedV1 needsOne = family(country)
                .members(new org.iom.dna.events.SamplingRequestReceivedV1.Member(
                        "P-1", 40, false, null, "ps", true, false, false, country, null))
                .build();
        scheduling.receive(needsOne);

        bookByHand(OFFICER, needsOne.requestId(), handBooking(s.centre(), today()))
                .statusCode(409)
                .body("type", equalTo(Problem.type("no-interpreter").toString()));
    }

    @Test
    void shouldRefuseACentreWithoutWhatAMemberNeeds() {
        Setup s = waitingFamilyWithTwoRunsToday();
        String country = s.family().country();
        SamplingRequestReceivedV1 needsCare = family(country)
                .members(new org.iom.dna.events.SamplingRequestReceivedV1.Member(
                        "P-1", 58, false, null, "ar", false, false, true, country, null))
                .build();
        scheduling.receive(needsCare);

        bookByHand(OFFICER, needsCare.requestId(), handBooking(s.centre(), today()))
                .statusCode(409)
                .body("type", equalTo(Problem.type("no-facility").toString()))
                .body("detail", containsString("MEDICAL_CARE"));
    }

    @Test
    void shouldRefuseAnUnknownFamily() {
        bookByHand(OFFICER, UUID.randomUUID(), handBooking("QM-HBK", today())).statusCode(404);
    }

    @Test
    void shouldRefuseMhacStaffTheHandBooking() {
        bookByHand("staff-addis", UUID.randomUUID(), handBooking("ET-ADD", today()))
                .statusCode(403);
    }

    @Test
    void shouldRefuseACentreCodeOfAnotherShape() {
        bookByHand(OFFICER, UUID.randomUUID(), handBooking("addis", today()))
                .statusCode(400)
                .body("errors.path", hasItem("$.centreCode"));
    }

    @Test
    void shouldListTheHistoryOldestFirst() {
        Setup s = waitingFamilyWithTwoRunsToday();
        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);
        bookByHand(OFFICER, s.family().requestId(), handBooking(s.centre(), today()))
                .statusCode(200);

        io.restassured.RestAssured.given()
                .auth()
                .oauth2(org.iom.dna.testing.Tokens.user(OFFICER))
                .get("/api/v1/families/{id}/appointments", s.family().requestId())
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("CANCELLED", "BOOKED")))
                .body("sequence", equalTo(List.of(0, 1)));
    }
}
