package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Generation adds each centre's missing slots, once, and never on closed days. */
@QuarkusTest
class SlotGenerationServiceTest {

    private static final String ZONE = "Asia/Beirut";
    private static final LocalTime HALF_EIGHT = LocalTime.of(8, 30);
    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Inject
    SlotGenerationService generation;

    @Inject
    CentreService centres;

    @Inject
    SlotService slotService;

    @Inject
    Fixtures fixtures;

    /** A Monday-to-Friday centre with 30-minute slots from 08:30 to 10:00 on Mondays, and a Monday ahead. */
    private String mondayCentre() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, HALF_EIGHT, TEN, 30, 2);
        return code;
    }

    private static LocalDate monday() {
        return Days.ahead(ZoneId.of(ZONE), 3, DayOfWeek.MONDAY);
    }

    @Test
    void shouldCreateTheSlotsTheTemplatesCallFor() {
        String code = mondayCentre();
        LocalDate monday = monday();

        int created = generation.generate(code, monday, monday.plusDays(6));

        assertThat(created).isEqualTo(3);
        assertThat(fixtures.slots(code, monday, monday.plusDays(6)))
                .extracting(s -> s.localDate, s -> s.localStart, s -> s.capacity, s -> s.status, s -> s.adHoc)
                .containsExactly(
                        tuple(monday, HALF_EIGHT, 2, SlotStatus.OPEN, false),
                        tuple(monday, LocalTime.of(9, 0), 2, SlotStatus.OPEN, false),
                        tuple(monday, LocalTime.of(9, 30), 2, SlotStatus.OPEN, false));
    }

    @Test
    void shouldCreateNothingTheSecondTime() {
        String code = mondayCentre();
        LocalDate monday = monday();
        generation.generate(code, monday, monday);

        int again = generation.generate(code, monday, monday);

        assertThat(again).isZero();
        assertThat(fixtures.slots(code, monday, monday)).hasSize(3);
    }

    @Test
    void shouldPublishOneSlotOpenedEventPerNewSlot() {
        String code = mondayCentre();
        LocalDate monday = monday();

        List<Slot> slots = fixtures.generate(code, monday, monday);

        assertThat(fixtures.events(code, SlotOpenedV1.TYPE, SlotOpenedV1.class))
                .extracting(SlotOpenedV1::slotId)
                .containsExactlyInAnyOrderElementsOf(
                        slots.stream().map(s -> s.id).toList());
    }

    @Test
    void shouldCreateOneSlotPerStartWhenTwoTemplatesOverlap() {
        String code = mondayCentre();
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(11, 0), 30, 1);
        LocalDate monday = monday();

        int created = generation.generate(code, monday, monday);

        assertThat(created).isEqualTo(5);
        assertThat(fixtures.slots(code, monday, monday))
                .extracting(s -> s.localStart)
                .containsExactly(HALF_EIGHT, LocalTime.of(9, 0), LocalTime.of(9, 30), TEN, LocalTime.of(10, 30));
    }

    @Test
    void shouldKeepAnAdHocSlotThatStartsWhenATemplateSlotWould() {
        String code = mondayCentre();
        LocalDate monday = monday();
        Slot adHoc = slotService.addAdHoc(code, monday, HALF_EIGHT, 60, 5);

        generation.generate(code, monday, monday);

        List<Slot> slots = fixtures.slots(code, monday, monday);
        assertThat(slots)
                .extracting(s -> s.localStart)
                .containsExactly(HALF_EIGHT, LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(slots.get(0).id).isEqualTo(adHoc.id);
        assertThat(slots.get(0).capacity).isEqualTo(5);
    }

    @Test
    void shouldCreateNothingForASuspendedCentre() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        centres.create(code, Fixtures.details(country, ZONE, CentreStatus.SUSPENDED, Fixtures.mondayToFriday()));
        fixtures.template(code, DayOfWeek.MONDAY, HALF_EIGHT, TEN, 30, 2);
        LocalDate monday = monday();

        assertThat(generation.generate(code, monday, monday)).isZero();
        assertThat(fixtures.slots(code, monday, monday)).isEmpty();
    }

    @Test
    void shouldCreateNothingForAnUnknownCentre() {
        LocalDate monday = monday();

        assertThat(generation.generate(fixtures.freeCode("ET"), monday, monday)).isZero();
    }

    @Test
    void shouldCreateNothingOnAClosedDay() {
        String code = mondayCentre();
        LocalDate monday = monday();
        fixtures.storeClosure(code, null, monday, monday);

        assertThat(generation.generate(code, monday, monday.plusDays(7))).isEqualTo(3);
        assertThat(fixtures.slots(code, monday, monday.plusDays(7)))
                .extracting(s -> s.localDate)
                .containsOnly(monday.plusDays(7));
    }

    @Test
    void shouldWithdrawSlotsOnADayClosedAfterTheyWereMade() {
        // Holidays added by a migration reach the slots at the next generation.
        String code = mondayCentre();
        LocalDate monday = monday();
        fixtures.generate(code, monday, monday);
        fixtures.storeClosure(null, fixtures.centreNamed(code).country, monday, monday);

        generation.generate(code, monday, monday);

        assertThat(fixtures.slots(code, monday, monday))
                .extracting(s -> s.status, s -> s.withdrawnReason)
                .containsOnly(tuple(SlotStatus.WITHDRAWN, "CLOSURE"));
    }

    @Test
    void shouldPublishTheWithdrawalOfSlotsOnADayClosedAfterTheyWereMade() {
        String code = mondayCentre();
        LocalDate monday = monday();
        List<Slot> slots = fixtures.generate(code, monday, monday);
        fixtures.storeClosure(code, null, monday, monday);

        generation.generate(code, monday, monday);

        assertThat(fixtures.events(code, SlotWithdrawnV1.TYPE, SlotWithdrawnV1.class))
                .extracting(SlotWithdrawnV1::slotId, SlotWithdrawnV1::reason)
                .containsExactlyInAnyOrderElementsOf(
                        slots.stream().map(s -> tuple(s.id, "CLOSURE")).toList());
    }

    @Test
    void shouldNotRecreateSlotsThatAClosureWithdrew() {
        String code = mondayCentre();
        LocalDate monday = monday();
        fixtures.generate(code, monday, monday);
        fixtures.storeClosure(code, null, monday, monday);
        generation.generate(code, monday, monday);

        assertThat(generation.generate(code, monday, monday)).isZero();
        assertThat(fixtures.slots(code, monday, monday)).hasSize(3);
    }

    @Test
    void shouldGenerateFromTodayAtTheCentreToTheEndOfTheHorizonByDefault() {
        String code = fixtures.centre(ZONE, Fixtures.week(LocalTime.MIN, LocalTime.of(23, 59), DayOfWeek.values()));
        for (DayOfWeek day : DayOfWeek.values()) {
            fixtures.template(code, day, LocalTime.of(23, 0), LocalTime.of(23, 30), 30, 1);
        }
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));

        generation.generate(code, null, null);

        List<Slot> slots = fixtures.slots(code, today.minusDays(7), today.plusWeeks(10));
        assertThat(slots).first().extracting(s -> s.localDate).isEqualTo(today);
        assertThat(slots).last().extracting(s -> s.localDate).isEqualTo(today.plusWeeks(8));
        assertThat(slots).hasSize(57);
    }
}
