package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.minor;
import static org.iom.dna.scheduling.testdata.Events.next;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentBookedV1.BookedMember;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.testdata.Events;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * The hard rules of booking one family, each with the smallest case that breaks it: lead time,
 * deadline (in the centre's local date), minors with their adult, capacity under a concurrent cut,
 * and what the IND is told. Where a family is placed within a day is {@link FamilyMatcherTest}'s.
 */
@QuarkusTest
class BookingServiceTest {

    @Inject
    SchedulingState scheduling;

    @Inject
    BookingService booking;

    @Inject
    DataSource dataSource;

    @Test
    void shouldBookTheWholeFamilyAtOneCentreOnOneDay() {
        String centre = uniqueCountry() + "-AAA";
        SlotOpenedV1 first = slot(centre, daysAhead(5, 9), 1);
        SlotOpenedV1 second = next(first, 1);
        SamplingRequestReceivedV1 family = family(first.country()).adults(2).build();

        scheduling.receive(List.of(first, second), List.of(family));

        Appointment appointment = scheduling.awaitBooked(family.requestId());
        assertThat(appointment.centreCode).isEqualTo(centre);
        assertThat(appointment.localDate).isEqualTo(first.localDate());
        assertThat(appointment.members)
                .extracting(m -> m.slotId)
                .containsExactlyInAnyOrder(first.slotId(), second.slotId());
    }

    @Test
    void shouldPublishTheBookingKeyedByTheRequestWithEachMembersSlot() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 family = family(slot.country()).adults(2).build();

        scheduling.receive(List.of(slot), List.of(family));
        Appointment appointment = scheduling.awaitBooked(family.requestId());

        OutboxEvent event = scheduling.outbox(family.requestId()).stream()
                .filter(e -> e.type.equals(AppointmentBookedV1.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(event.topic).isEqualTo(Topics.APPOINTMENTS);
        assertThat(event.key).isEqualTo(family.requestId().toString());
        assertThat(scheduling.read(event.payload, AppointmentBookedV1.class))
                .usingRecursiveComparison()
                .ignoringFields("bookedAt")
                .isEqualTo(new AppointmentBookedV1(
                        appointment.id,
                        family.requestId(),
                        slot.centreCode(),
                        slot.zone(),
                        slot.localDate(),
                        0,
                        null,
                        List.of(
                                new BookedMember("P-1", slot.slotId(), slot.startsAt(), slot.localStart()),
                                new BookedMember("P-2", slot.slotId(), slot.startsAt(), slot.localStart())),
                        null,
                        null,
                        false));
    }

    @Test
    void shouldSeatAMinorRightAfterTheAdultWhoAccompaniesThem() {
        String country = uniqueCountry();
        SlotOpenedV1 first = slot(country + "-AAA", daysAhead(5, 9), 1);
        SlotOpenedV1 second = next(first, 1);
        SlotOpenedV1 third = next(second, 1);
        // The IND listed the father between the mother and her son.
        SamplingRequestReceivedV1 family = family(country)
                .members(adult("mother", country), adult("father", country), minor("son", "mother", country))
                .build();

        scheduling.receive(List.of(first, second, third), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).members)
                .extracting(m -> m.key.memberRef, m -> m.slotId)
                .containsExactlyInAnyOrder(
                        tuple("mother", first.slotId()),
                        tuple("son", second.slotId()),
                        tuple("father", third.slotId()));
    }

    @Test
    void shouldNotBookASlotThatStartsInsideTheSameCountryLeadTime() {
        String centre = uniqueCountry() + "-AAA";
        // An hour short of the two days a family living in the sampling country needs.
        SlotOpenedV1 tooSoon = slot(
                centre,
                Instant.now()
                        .plus(Duration.ofDays(2))
                        .minus(Duration.ofHours(1))
                        .truncatedTo(ChronoUnit.MINUTES),
                1);
        SlotOpenedV1 inTime = slot(centre, daysAhead(6, 9), 1);
        SamplingRequestReceivedV1 family = family(tooSoon.country()).build();

        scheduling.receive(List.of(tooSoon, inTime), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).members)
                .extracting(m -> m.slotId)
                .containsExactly(inTime.slotId());
    }

    @Test
    void shouldBookAfterTheShortLeadTimeWhenEveryMemberLivesInTheSamplingCountry() {
        String country = uniqueCountry();
        SlotOpenedV1 afterFiveDays = slot(country + "-AAA", daysAhead(5, 9), 2);
        SlotOpenedV1 afterSixteenDays = slot(country + "-AAA", daysAhead(16, 9), 2);
        SamplingRequestReceivedV1 family = family(country)
                .members(adult("P-1", country), adult("P-2", country))
                .build();

        scheduling.receive(List.of(afterFiveDays, afterSixteenDays), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).localDate).isEqualTo(afterFiveDays.localDate());
    }

    @Test
    void shouldWaitTheLongLeadTimeWhenOneMemberLivesInAnotherCountry() {
        String country = uniqueCountry();
        SlotOpenedV1 afterFiveDays = slot(country + "-AAA", daysAhead(5, 9), 2);
        SlotOpenedV1 afterSixteenDays = slot(country + "-AAA", daysAhead(16, 9), 2);
        // One of two lives across the border: the family needs the 14 days of travel lead time.
        SamplingRequestReceivedV1 family = family(country)
                .members(adult("P-1", country), adult("P-2", "TR"))
                .build();

        scheduling.receive(List.of(afterFiveDays, afterSixteenDays), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).localDate).isEqualTo(afterSixteenDays.localDate());
    }

    @Test
    void shouldBookOnTheDeadlineDayItself() {
        SlotOpenedV1 onDeadline = slot(uniqueCountry() + "-AAA", daysAhead(8, 15), 1);
        SamplingRequestReceivedV1 family =
                family(onDeadline.country()).deadline(onDeadline.localDate()).build();

        scheduling.receive(List.of(onDeadline), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).localDate).isEqualTo(family.deadline());
    }

    @Test
    void shouldWaitlistRatherThanBookTheDayAfterTheDeadline() {
        SlotOpenedV1 dayAfter = slot(uniqueCountry() + "-AAA", daysAhead(9, 9), 1);
        SamplingRequestReceivedV1 family = family(dayAfter.country())
                .deadline(dayAfter.localDate().minusDays(1))
                .build();

        scheduling.receive(List.of(dayAfter), List.of(family));

        scheduling.awaitWaitlisted(family.requestId());
        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
    }

    @Test
    void shouldMeasureTheDeadlineInTheCentresLocalDate() {
        LocalDate deadline = LocalDate.now(ZoneId.of("UTC")).plusDays(9);
        // 22:00 UTC on the deadline is 01:30 the next morning in Tehran: a day too late there.
        SlotOpenedV1 lateEvening = slot(
                uniqueCountry() + "-THR",
                ZoneId.of("Asia/Tehran"),
                deadline.atTime(22, 0).toInstant(ZoneOffset.UTC),
                1);
        SamplingRequestReceivedV1 family =
                family(lateEvening.country()).deadline(deadline).build();

        scheduling.receive(List.of(lateEvening), List.of(family));

        scheduling.awaitWaitlisted(family.requestId());
        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
    }

    @Test
    void shouldPublishThatTheFamilyWaitsWhenNoDayIsFeasible() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();

        scheduling.receive(family);
        FamilyCase waiting = scheduling.awaitWaitlisted(family.requestId());

        OutboxEvent event = scheduling.outbox(family.requestId()).stream()
                .filter(e -> e.type.equals(FamilyWaitlistedV1.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(event.topic).isEqualTo(Topics.APPOINTMENTS);
        assertThat(event.key).isEqualTo(family.requestId().toString());
        FamilyWaitlistedV1 payload = scheduling.read(event.payload, FamilyWaitlistedV1.class);
        assertThat(payload.requestId()).isEqualTo(family.requestId());
        // The database rounds to microseconds; the event carries the instant as it was taken.
        assertThat(payload.waitlistedAt()).isCloseTo(waiting.waitlistedAt, within(1, ChronoUnit.MICROS));
    }

    @Test
    void shouldNameTheMembersWhoWaitSoThatTheyCanBeTold() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();

        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());

        OutboxEvent event = scheduling.outbox(family.requestId()).stream()
                .filter(e -> e.type.equals(FamilyWaitlistedV1.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(scheduling.read(event.payload, FamilyWaitlistedV1.class).memberRefs())
                .containsExactlyElementsOf(family.members().stream()
                        .map(SamplingRequestReceivedV1.Member::memberRef)
                        .toList());
    }

    @Test
    void shouldTellTheIndOnlyOnceThatAFamilyWaits() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());

        assertThat(booking.tryBook(family.requestId())).isEmpty();
        assertThat(booking.tryBook(family.requestId())).isEmpty();

        assertThat(scheduling.published(family.requestId(), FamilyWaitlistedV1.TYPE, FamilyWaitlistedV1.class))
                .hasSize(1);
        assertThat(scheduling.family(family.requestId()).status).isEqualTo(CaseStatus.WAITING);
    }

    @Test
    void shouldNotBookAFamilyWhoseCaseWasCancelled() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());
        scheduling.cancel(Events.cancelled(family.requestId()));
        scheduling.open(slot(family.country() + "-AAA", daysAhead(5, 9), 1));

        assertThat(booking.tryBook(family.requestId())).isEmpty();
        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
    }

    @Test
    void shouldNotBookAPlaceThatStaffCutWhileTheBookingWasUnderWay() throws SQLException {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 family = family(slot.country()).build();
        scheduling.open(slot);

        try (Connection staff = dataSource.getConnection()) {
            staff.setAutoCommit(false);
            try (PreparedStatement cut = staff.prepareStatement("update slot set capacity = 0 where id = ?")) {
                cut.setObject(1, slot.slotId());
                cut.executeUpdate();
            }
            // The booking reads the slot as it was (one free place) and must wait for the cut to commit.
            scheduling.receive(family);
            await().atMost(SchedulingState.DECISION).until(this::aBookingWaitsForASlot);
            staff.commit();
        }

        scheduling.awaitWaitlisted(family.requestId());
        assertThat(scheduling.liveAppointment(family.requestId())).isEmpty();
        assertThat(scheduling.slot(slot.slotId()).booked).isZero();
    }

    private boolean aBookingWaitsForASlot() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'"
                        + " and query like 'update slot set booked%'");
                ResultSet count = waiting.executeQuery()) {
            return count.next() && count.getInt(1) > 0;
        }
    }
}
