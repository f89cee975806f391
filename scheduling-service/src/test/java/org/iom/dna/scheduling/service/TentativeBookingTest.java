package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iom.dna.scheduling.testdata.Events.changed;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.next;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.OptimiserRun;
import org.iom.dna.scheduling.domain.OptimiserRunChange;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * Tentative bookings against the real database: a family booked far ahead holds its day tentatively, the re-planning
 * moves tentative families (never confirmed ones) to let more families in, never overbooks while families are booked
 * online during a run, and a tentative booking is confirmed (and only then published for the family) when its time
 * comes.
 */
@QuarkusTest
@TestProfile(TentativeBookingTest.ConfirmADayBeforeTheLeadTime.class)
class TentativeBookingTest {

    /** Bookings are confirmed one day before the lead time runs out, so a day three weeks ahead is tentative. */
    public static class ConfirmADayBeforeTheLeadTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheduling.confirmation.margin", "P1D", "scheduling.replan.time-limit", "20s");
        }
    }

    @Inject
    SchedulingState scheduling;

    @Inject
    Replanner replanner;

    @Inject
    ConfirmationService confirmations;

    @Inject
    EntityManager em;

    /**
     * Day A and day B (three weeks ahead) each see 4 persons in one slot. An urgent family of 3, first to arrive, may
     * come either day and takes day A; two standard families of 2, due on day A, then find no room. The best plan
     * moves the urgent family to day B and sees both standard families on day A.
     */
    private record TightDays(
            String country,
            SlotOpenedV1 dayA,
            SlotOpenedV1 dayB,
            SamplingRequestReceivedV1 urgent,
            SamplingRequestReceivedV1 standard1,
            SamplingRequestReceivedV1 standard2) {}

    private TightDays tightDays(Priority first) {
        String country = uniqueCountry();
        SlotOpenedV1 dayA = slot(country + "-AAA", daysAhead(21, 9), 4);
        SlotOpenedV1 dayB = slot(country + "-AAA", daysAhead(22, 9), 4);
        SamplingRequestReceivedV1 urgent = family(country)
                .priority(first)
                .adults(3)
                .deadline(dayB.localDate())
                .build();
        scheduling.receive(List.of(dayA, dayB), List.of(urgent));
        scheduling.awaitBooked(urgent.requestId());
        SamplingRequestReceivedV1 standard1 =
                family(country).adults(2).deadline(dayA.localDate()).build();
        SamplingRequestReceivedV1 standard2 =
                family(country).adults(2).deadline(dayA.localDate()).build();
        scheduling.receive(standard1, standard2);
        scheduling.awaitWaitlisted(standard1.requestId());
        scheduling.awaitWaitlisted(standard2.requestId());
        return new TightDays(country, dayA, dayB, urgent, standard1, standard2);
    }

    @Test
    void shouldHoldADayFarAheadTentativelyAndPublishItAsTentative() {
        TightDays days = tightDays(Priority.URGENT);

        Appointment held = scheduling.liveAppointment(days.urgent().requestId()).orElseThrow();
        assertThat(held.tentative()).isTrue();
        assertThat(held.localDate).isEqualTo(days.dayA().localDate());
        assertThat(scheduling.published(days.urgent().requestId(), AppointmentBookedV1.TYPE, AppointmentBookedV1.class))
                .singleElement()
                .satisfies(b -> assertThat(b.tentative()).isTrue());
    }

    @Test
    void shouldMoveATentativeFamilyToLetInTwoFamiliesThatOnlyFitItsDay() {
        TightDays days = tightDays(Priority.URGENT);

        OptimiserRun run = replanner.replan(days.country(), OptimiserRun.Trigger.ON_DEMAND, "officer");

        assertThat(run.outcome).isEqualTo(OptimiserRun.Outcome.APPLIED);
        assertThat(run.families).isEqualTo(3);
        assertThat(run.moved).isEqualTo(1);
        assertThat(run.newlyBooked).isEqualTo(2);
        assertThat(run.objectiveAfter).isLessThan(run.objectiveBefore);
        assertThat(run.optimal).isTrue();
        Appointment moved =
                scheduling.liveAppointment(days.urgent().requestId()).orElseThrow();
        assertThat(moved.localDate).isEqualTo(days.dayB().localDate());
        assertThat(moved.tentative()).isTrue();
        for (SamplingRequestReceivedV1 standard : List.of(days.standard1(), days.standard2())) {
            assertThat(scheduling.liveAppointment(standard.requestId()))
                    .get()
                    .satisfies(
                            a -> assertThat(a.localDate).isEqualTo(days.dayA().localDate()));
        }
        assertThat(scheduling.published(
                        days.urgent().requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("REPLANNED"));
        assertThat(scheduling.published(
                        days.urgent().requestId(), AppointmentConfirmedV1.TYPE, AppointmentConfirmedV1.class))
                .as("a moved family is told nothing before its day is confirmed")
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OptimiserRun.<OptimiserRun>findById(run.id).changes.stream()
                                .map(c -> c.change + " " + c.toDate)
                                .toList()))
                .containsExactlyInAnyOrder(
                        OptimiserRunChange.Change.MOVED + " " + days.dayB().localDate(),
                        OptimiserRunChange.Change.BOOKED + " " + days.dayA().localDate(),
                        OptimiserRunChange.Change.BOOKED + " " + days.dayA().localDate());
        assertSeatsAddUp(days.country());
    }

    @Test
    void shouldNeverMoveAConfirmedFamily() {
        // Medical cases are confirmed when booked: their day is fixed.
        TightDays days = tightDays(Priority.MEDICAL);
        Appointment confirmed =
                scheduling.liveAppointment(days.urgent().requestId()).orElseThrow();
        assertThat(confirmed.tentative()).isFalse();

        OptimiserRun run = replanner.replan(days.country(), OptimiserRun.Trigger.ON_DEMAND, "officer");

        assertThat(run.families).as("only the two waiting families are planned").isEqualTo(2);
        assertThat(run.moved).isZero();
        assertThat(run.newlyBooked).isZero();
        assertThat(scheduling.liveAppointment(days.urgent().requestId()))
                .get()
                .satisfies(a -> assertThat(a.id).isEqualTo(confirmed.id));
        assertThat(scheduling.family(days.standard1().requestId()).status).isEqualTo(CaseStatus.WAITING);
        assertThat(run.stillWaiting).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OptimiserRun.<OptimiserRun>findById(run.id).changes.stream()
                                .map(c -> c.change + ": " + c.reason)
                                .toList()))
                .as("each is listed with why it still waits")
                .containsExactly(
                        "WAITING: no day for the family in the best plan found",
                        "WAITING: no day for the family in the best plan found");
        assertSeatsAddUp(days.country());
    }

    @Test
    void shouldConfirmATentativeBookingWhenItsTimeComesAndCarryTheWholeBooking() {
        TightDays days = tightDays(Priority.URGENT);
        Appointment held = scheduling.liveAppointment(days.urgent().requestId()).orElseThrow();

        int confirmed = QuarkusTransaction.requiringNew()
                .call(() -> confirmations.confirmDue(held.confirmBy.plusSeconds(1), 1_000));

        assertThat(confirmed).isPositive();
        assertThat(scheduling.liveAppointment(days.urgent().requestId()))
                .get()
                .satisfies(a -> assertThat(a.confirmedAt).isNotNull());
        AppointmentConfirmedV1 event = scheduling
                .published(days.urgent().requestId(), AppointmentConfirmedV1.TYPE, AppointmentConfirmedV1.class)
                .get(0);
        assertThat(event.appointmentId()).isEqualTo(held.id);
        assertThat(event.appointment().tentative()).isFalse();
        assertThat(event.appointment().localDate()).isEqualTo(days.dayA().localDate());
        assertThat(event.appointment().members()).hasSize(3);

        OptimiserRun run = replanner.replan(days.country(), OptimiserRun.Trigger.ON_DEMAND, "officer");
        assertThat(run.moved).as("a confirmed booking is not re-planned").isZero();
    }

    @Test
    void shouldConfirmAtOnceADayInsideTheConfirmationPoint() {
        String country = uniqueCountry();
        // Lead time 2 days, margin 1 day: a day that starts within 3 days leaves nothing to re-plan.
        SlotOpenedV1 soon = slot(country + "-AAA", daysAhead(3, 0), 2);
        SamplingRequestReceivedV1 family = family(country).adults(2).build();

        scheduling.receive(List.of(soon), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).tentative()).isFalse();
        assertThat(scheduling.published(family.requestId(), AppointmentBookedV1.TYPE, AppointmentBookedV1.class))
                .singleElement()
                .satisfies(b -> assertThat(b.tentative()).isFalse());
    }

    @Test
    void shouldNeverOverbookWhileFamiliesAreBookedOnlineDuringRuns() throws Exception {
        String country = uniqueCountry();
        List<SlotOpenedV1> slots = new ArrayList<>();
        for (int day = 20; day < 24; day++) {
            SlotOpenedV1 first = slot(country + "-AAA", daysAhead(day, 8), 2);
            slots.add(first);
            slots.add(next(first, 3));
            slots.add(next(next(first, 3), 2));
        }
        LocalDate lastDay = slots.get(slots.size() - 1).localDate();
        List<SamplingRequestReceivedV1> early = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            early.add(family(country)
                    .adults(1 + i % 3)
                    .priority(i % 4 == 0 ? Priority.URGENT : Priority.STANDARD)
                    .deadline(lastDay)
                    .build());
        }
        scheduling.receive(slots, early);
        scheduling.awaitBooked(early.get(0).requestId());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<OptimiserRun>> runs = pool.submit(() -> {
                List<OptimiserRun> done = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    done.add(replanner.replan(country, OptimiserRun.Trigger.ON_DEMAND, "officer"));
                }
                return done;
            });
            Future<?> online = pool.submit(() -> {
                for (int i = 0; i < 12; i++) {
                    scheduling.receive(
                            family(country).adults(1 + i % 2).deadline(lastDay).build());
                }
            });
            online.get();
            assertThat(runs.get()).extracting(r -> r.outcome).doesNotContain(OptimiserRun.Outcome.FAILED);
        } finally {
            pool.shutdownNow();
        }
        assertSeatsAddUp(country);
    }

    @Test
    void shouldKeepATentativeFamilyOnItsDayRatherThanLeaveItOut() {
        // Leaving the tentative family of 3 out (3,000) would let two urgent families of 2 in (8,000 otherwise): a
        // plan may not take a day from a family that holds it, so it stays, and the others are planned around it.
        String country = uniqueCountry();
        SlotOpenedV1 day = slot(country + "-AAA", daysAhead(21, 9), 4);
        SamplingRequestReceivedV1 holder =
                family(country).adults(3).deadline(day.localDate()).build();
        scheduling.receive(List.of(day), List.of(holder));
        Appointment held = scheduling.awaitBooked(holder.requestId());
        SamplingRequestReceivedV1 urgent1 = family(country)
                .priority(Priority.URGENT)
                .adults(2)
                .deadline(day.localDate())
                .build();
        SamplingRequestReceivedV1 urgent2 = family(country)
                .priority(Priority.URGENT)
                .adults(2)
                .deadline(day.localDate())
                .build();
        scheduling.receive(urgent1, urgent2);
        scheduling.awaitWaitlisted(urgent1.requestId());
        scheduling.awaitWaitlisted(urgent2.requestId());

        OptimiserRun run = replanner.replan(country, OptimiserRun.Trigger.ON_DEMAND, "officer");

        assertThat(run.outcome).isEqualTo(OptimiserRun.Outcome.APPLIED);
        assertThat(run.solverStatus).contains("1 tentative famil(ies) kept on their day");
        assertThat(run.moved).isZero();
        assertThat(run.newlyBooked).isZero();
        assertThat(scheduling.liveAppointment(holder.requestId()))
                .get()
                .satisfies(a -> assertThat(a.id).isEqualTo(held.id));
        assertSeatsAddUp(country);
    }

    @Test
    void shouldUnbookATentativeFamilyBeforeAConfirmedOneWhenCapacityIsCut() {
        String country = uniqueCountry();
        SlotOpenedV1 day = slot(country + "-AAA", daysAhead(21, 9), 4);
        SamplingRequestReceivedV1 tentative = family(country).adults(2).build();
        scheduling.receive(List.of(day), List.of(tentative));
        assertThat(scheduling.awaitBooked(tentative.requestId()).tentative()).isTrue();
        // Booked after it, and confirmed at once: the newest booking, which a cut used to unbook first.
        SamplingRequestReceivedV1 told =
                family(country).priority(Priority.MEDICAL).adults(2).build();
        scheduling.receive(told);
        assertThat(scheduling.awaitBooked(told.requestId()).tentative()).isFalse();

        scheduling.change(changed(day, 2, "OPEN"));

        assertThat(scheduling.liveAppointment(told.requestId())).isPresent();
        assertThat(scheduling.published(
                        tentative.requestId(), AppointmentCancelledV1.TYPE, AppointmentCancelledV1.class))
                .as("the family never told gives way")
                .isNotEmpty();
        assertSeatsAddUp(country);
    }

    @Test
    void shouldRunOneReplanningOfACountryAtATime() {
        TightDays days = tightDays(Priority.URGENT);
        // Another instance's run holds the country.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into optimiser_lease (country, held_until) values (?1, ?2)")
                        .setParameter(1, days.country())
                        .setParameter(2, Instant.now().plusSeconds(600))
                        .executeUpdate());

        assertThatThrownBy(() -> replanner.replan(days.country(), OptimiserRun.Trigger.ON_DEMAND, "officer"))
                .isInstanceOf(Conflict.class);
        assertThat(replanner.replan(days.country(), OptimiserRun.Trigger.SCHEDULE, null))
                .isNull();
        assertThat(scheduling.liveAppointment(days.urgent().requestId()))
                .get()
                .satisfies(a -> assertThat(a.localDate).isEqualTo(days.dayA().localDate()));

        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update optimiser_lease set held_until = now() - interval '1 second'"
                                + " where country = ?1")
                        .setParameter(1, days.country())
                        .executeUpdate());
        assertThat(replanner.replan(days.country(), OptimiserRun.Trigger.ON_DEMAND, "officer").moved)
                .as("a lease whose instance died runs out")
                .isEqualTo(1);
    }

    /** Every slot of the country holds exactly the members of live appointments in it, and never more than fit. */
    private void assertSeatsAddUp(String country) {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select s.id, s.capacity, s.booked, (select count(*) from"
                                + " appointment_member m join appointment a on a.id = m.appointment_id where"
                                + " m.slot_id = s.id and a.status = 'BOOKED') from slot s where s.country = ?1")
                        .setParameter(1, country)
                        .getResultList());
        assertThat(rows).isNotEmpty();
        for (Object[] row : rows) {
            int capacity = ((Number) row[1]).intValue();
            int booked = ((Number) row[2]).intValue();
            int members = ((Number) row[3]).intValue();
            assertThat(booked).as("slot %s: places taken", row[0]).isEqualTo(members);
            assertThat(booked).as("slot %s: within capacity", row[0]).isLessThanOrEqualTo(capacity);
        }
    }
}
