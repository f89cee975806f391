package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.iom.dna.registry.service.SlotGenerator.Hours;
import org.iom.dna.registry.service.SlotGenerator.PlannedSlot;
import org.iom.dna.registry.service.SlotGenerator.Rule;
import org.junit.jupiter.api.Test;

/** Working weeks, opening hours, closures and time zones as the generator turns templates into slots. */
class SlotGeneratorTest {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId KHARTOUM = ZoneId.of("Africa/Khartoum");
    private static final ZoneId ADDIS = ZoneId.of("Africa/Addis_Ababa");
    /** Clocks skip 02:00-03:00 here on the last Sunday of March, unlike Beirut's midnight change. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);
    private static final LocalTime EIGHT = LocalTime.of(8, 0);
    private static final LocalTime HALF_FOUR = LocalTime.of(16, 30);

    private static Map<DayOfWeek, Hours> week(LocalTime opens, LocalTime closes, DayOfWeek... days) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days) {
            week.put(d, new Hours(opens, closes));
        }
        return week;
    }

    private static Map<DayOfWeek, Hours> allWeek() {
        return week(LocalTime.MIN, LocalTime.of(23, 59), DayOfWeek.values());
    }

    private static List<Rule> everyDay(LocalTime starts, LocalTime ends, int minutes) {
        return Arrays.stream(DayOfWeek.values())
                .map(d -> new Rule(d, starts, ends, minutes, 2, EPOCH, null))
                .toList();
    }

    private static List<PlannedSlot> plan(
            ZoneId zone, Map<DayOfWeek, Hours> week, List<Rule> rules, LocalDate from, LocalDate to) {
        return SlotGenerator.plan(zone, week, rules, d -> false, from, to);
    }

    // --- working weeks per country

    @Test
    void shouldLeaveFridayFreeInTheIranianWeek() {
        Map<DayOfWeek, Hours> iran = week(
                EIGHT,
                HALF_FOUR,
                DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY);
        iran.put(DayOfWeek.THURSDAY, new Hours(EIGHT, LocalTime.of(12, 30)));
        LocalDate saturday = LocalDate.of(2027, 1, 2);

        List<PlannedSlot> slots = plan(
                TEHRAN, iran, everyDay(LocalTime.of(8, 30), LocalTime.of(16, 0), 30), saturday, saturday.plusDays(6));

        assertThat(slots)
                .extracting(s -> s.localDate().getDayOfWeek())
                .containsOnly(
                        DayOfWeek.SATURDAY,
                        DayOfWeek.SUNDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY);
    }

    @Test
    void shouldEndTheIranianThursdayAtItsHalfDayClosing() {
        Map<DayOfWeek, Hours> iran = week(EIGHT, HALF_FOUR, DayOfWeek.WEDNESDAY);
        iran.put(DayOfWeek.THURSDAY, new Hours(EIGHT, LocalTime.of(12, 30)));
        LocalDate wednesday = LocalDate.of(2027, 1, 6);

        List<PlannedSlot> thursday = plan(
                        TEHRAN,
                        iran,
                        everyDay(LocalTime.of(8, 30), LocalTime.of(16, 0), 30),
                        wednesday,
                        wednesday.plusDays(1))
                .stream()
                .filter(s -> s.localDate().getDayOfWeek() == DayOfWeek.THURSDAY)
                .toList();

        assertThat(thursday).hasSize(8);
        assertThat(thursday.get(thursday.size() - 1).localEnd()).isEqualTo(LocalTime.of(12, 30));
    }

    @Test
    void shouldResolveTehranTimesAtItsHalfHourOffset() {
        LocalDate saturday = LocalDate.of(2027, 1, 2);

        List<PlannedSlot> slots = plan(
                TEHRAN,
                week(EIGHT, HALF_FOUR, DayOfWeek.SATURDAY),
                everyDay(LocalTime.of(8, 30), LocalTime.of(9, 0), 30),
                saturday,
                saturday);

        assertThat(slots)
                .singleElement()
                .satisfies(s -> assertThat(s.startsAt().toInstant()).isEqualTo(Instant.parse("2027-01-02T05:00:00Z")));
    }

    @Test
    void shouldFollowTheSudaneseSundayToThursdayWeek() {
        Map<DayOfWeek, Hours> sudan = week(
                EIGHT,
                HALF_FOUR,
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY);
        LocalDate friday = LocalDate.of(2027, 1, 1);

        List<PlannedSlot> slots = plan(
                KHARTOUM, sudan, everyDay(LocalTime.of(8, 30), LocalTime.of(9, 0), 30), friday, friday.plusDays(6));

        assertThat(slots)
                .extracting(PlannedSlot::localDate)
                .containsExactly(
                        LocalDate.of(2027, 1, 3),
                        LocalDate.of(2027, 1, 4),
                        LocalDate.of(2027, 1, 5),
                        LocalDate.of(2027, 1, 6),
                        LocalDate.of(2027, 1, 7));
        assertThat(slots.get(0).startsAt().toInstant()).isEqualTo(Instant.parse("2027-01-03T06:30:00Z"));
    }

    @Test
    void shouldPlanNothingForAWeekdayWithoutOpeningHoursEvenWithATemplate() {
        LocalDate saturday = LocalDate.of(2027, 1, 9);

        List<PlannedSlot> slots = plan(
                ADDIS,
                week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY),
                List.of(new Rule(DayOfWeek.SATURDAY, EIGHT, HALF_FOUR, 30, 2, EPOCH, null)),
                saturday,
                saturday);

        assertThat(slots).isEmpty();
    }

    // --- closures

    @Test
    void shouldSkipEveryClosedDay() {
        Map<DayOfWeek, Hours> sudan =
                week(EIGHT, HALF_FOUR, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
        LocalDate sunday = LocalDate.of(2027, 1, 3);
        LocalDate holiday = sunday.plusDays(2);

        List<PlannedSlot> slots = SlotGenerator.plan(
                KHARTOUM,
                sudan,
                everyDay(LocalTime.of(8, 30), LocalTime.of(9, 30), 30),
                holiday::equals,
                sunday,
                sunday.plusDays(3));

        assertThat(slots)
                .extracting(PlannedSlot::localDate)
                .doesNotContain(holiday)
                .contains(sunday, sunday.plusDays(1), sunday.plusDays(3));
    }

    @Test
    void shouldAskAboutClosuresByTheCentresLocalDate() {
        // 00:30 in Tehran on 3 January is still 2 January in UTC: the closure of the local day decides.
        LocalDate sunday = LocalDate.of(2027, 1, 3);

        List<PlannedSlot> slots = SlotGenerator.plan(
                TEHRAN,
                allWeek(),
                everyDay(LocalTime.of(0, 30), LocalTime.of(1, 0), 30),
                sunday::equals,
                sunday.minusDays(1),
                sunday);

        assertThat(slots).extracting(PlannedSlot::localDate).containsExactly(sunday.minusDays(1));
    }

    // --- opening hours and templates

    @Test
    void shouldClipATemplateToTheDaysOpeningHours() {
        LocalDate monday = LocalDate.of(2027, 1, 4);

        List<PlannedSlot> slots = plan(
                BEIRUT,
                week(EIGHT, LocalTime.of(11, 0), DayOfWeek.MONDAY),
                List.of(new Rule(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(18, 0), 60, 1, EPOCH, null)),
                monday,
                monday);

        assertThat(slots)
                .extracting(PlannedSlot::localStart)
                .containsExactly(EIGHT, LocalTime.of(9, 0), LocalTime.of(10, 0));
    }

    @Test
    void shouldDropTheLastSlotWhenItWouldRunPastTheTemplatesEnd() {
        LocalDate monday = LocalDate.of(2027, 1, 4);

        List<PlannedSlot> slots = plan(
                ADDIS,
                week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY),
                List.of(new Rule(DayOfWeek.MONDAY, EIGHT, LocalTime.of(9, 45), 30, 1, EPOCH, null)),
                monday,
                monday);

        assertThat(slots)
                .extracting(PlannedSlot::localEnd)
                .containsExactly(LocalTime.of(8, 30), LocalTime.of(9, 0), LocalTime.of(9, 30));
    }

    @Test
    void shouldNotApplyATemplateBeforeItsFirstValidDay() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        Rule fromNextWeek = new Rule(DayOfWeek.MONDAY, EIGHT, LocalTime.of(9, 0), 60, 1, monday.plusDays(7), null);

        List<PlannedSlot> slots = plan(
                ADDIS, week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY), List.of(fromNextWeek), monday, monday.plusDays(7));

        assertThat(slots).extracting(PlannedSlot::localDate).containsExactly(monday.plusDays(7));
    }

    @Test
    void shouldApplyATemplateOnItsLastValidDayButNotAfter() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        Rule untilMonday = new Rule(DayOfWeek.MONDAY, EIGHT, LocalTime.of(9, 0), 60, 1, EPOCH, monday);

        List<PlannedSlot> slots =
                plan(ADDIS, week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY), List.of(untilMonday), monday, monday.plusDays(7));

        assertThat(slots).extracting(PlannedSlot::localDate).containsExactly(monday);
    }

    @Test
    void shouldGiveEachSlotItsTemplatesCapacity() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        List<Rule> rules = List.of(
                new Rule(DayOfWeek.MONDAY, EIGHT, LocalTime.of(9, 0), 60, 4, EPOCH, null),
                new Rule(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(14, 0), 60, 1, EPOCH, null));

        List<PlannedSlot> slots = plan(ADDIS, week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY), rules, monday, monday);

        assertThat(slots).extracting(PlannedSlot::capacity).containsExactly(4, 1);
    }

    @Test
    void shouldOrderSlotsOfSeveralTemplatesByStart() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        List<Rule> afternoonFirst = List.of(
                new Rule(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(14, 0), 60, 1, EPOCH, null),
                new Rule(DayOfWeek.MONDAY, EIGHT, LocalTime.of(9, 0), 60, 1, EPOCH, null));

        List<PlannedSlot> slots = plan(ADDIS, week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY), afternoonFirst, monday, monday);

        assertThat(slots).extracting(PlannedSlot::localStart).containsExactly(EIGHT, LocalTime.of(13, 0));
    }

    @Test
    void shouldEndALateSlotAtTwentyThreeFiftyNineWithoutWrappingPastMidnight() {
        LocalDate monday = LocalDate.of(2027, 1, 4);

        List<PlannedSlot> slots = plan(
                ADDIS,
                allWeek(),
                List.of(new Rule(DayOfWeek.MONDAY, LocalTime.of(23, 0), LocalTime.of(23, 59), 59, 1, EPOCH, null)),
                monday,
                monday);

        assertThat(slots).singleElement().satisfies(s -> {
            assertThat(s.localEnd()).isEqualTo(LocalTime.of(23, 59));
            assertThat(s.endsAt().toLocalDate()).isEqualTo(monday);
        });
    }

    @Test
    void shouldPlanNothingWhenTheRangeIsReversed() {
        LocalDate monday = LocalDate.of(2027, 1, 4);

        List<PlannedSlot> slots = plan(
                ADDIS,
                week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY),
                everyDay(EIGHT, HALF_FOUR, 30),
                monday,
                monday.minusDays(1));

        assertThat(slots).isEmpty();
    }

    // --- daylight saving time in Beirut

    @Test
    void shouldSkipSlotsThatFallInBeirutsSpringForwardGap() {
        // Lebanon moves clocks from 00:00 to 01:00 on the last Sunday of March (2027-03-28).
        LocalDate springForward = LocalDate.of(2027, 3, 28);

        List<PlannedSlot> slots = plan(
                BEIRUT, allWeek(), everyDay(LocalTime.MIDNIGHT, LocalTime.of(2, 0), 30), springForward, springForward);

        assertThat(slots).extracting(PlannedSlot::localStart).containsExactly(LocalTime.of(1, 0), LocalTime.of(1, 30));
        assertThat(slots.get(0).startsAt().toInstant()).isEqualTo(Instant.parse("2027-03-27T22:00:00Z"));
    }

    @Test
    void shouldSkipASlotWhoseEndFallsInTheGap() {
        // Paris skips 02:00-03:00 on 2027-03-28: a 01:30-02:30 slot would end at a time that does not exist.
        LocalDate springForward = LocalDate.of(2027, 3, 28);

        List<PlannedSlot> slots = plan(
                PARIS,
                allWeek(),
                List.of(new Rule(DayOfWeek.SUNDAY, LocalTime.of(1, 30), LocalTime.of(2, 30), 60, 1, EPOCH, null)),
                springForward,
                springForward);

        assertThat(slots).isEmpty();
    }

    @Test
    void shouldShiftUtcInstantsAcrossBeirutsDstChangeButKeepLocalTimes() {
        LocalDate friday = LocalDate.of(2027, 3, 26); // UTC+2
        LocalDate monday = LocalDate.of(2027, 3, 29); // UTC+3

        List<PlannedSlot> slots = plan(
                BEIRUT,
                week(EIGHT, HALF_FOUR, DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                everyDay(LocalTime.of(8, 30), LocalTime.of(9, 0), 30),
                friday,
                monday);

        assertThat(slots).extracting(PlannedSlot::localStart).containsOnly(LocalTime.of(8, 30));
        assertThat(slots)
                .extracting(s -> s.startsAt().toInstant())
                .containsExactly(Instant.parse("2027-03-26T06:30:00Z"), Instant.parse("2027-03-29T05:30:00Z"));
    }

    @Test
    void shouldUseTheEarlierOccurrenceWhenBeirutsClocksFallBack() {
        // On 2027-10-31 00:00 clocks go back to 23:00 on Saturday 30 October: 23:00-24:00 happens twice.
        LocalDate saturday = LocalDate.of(2027, 10, 30);

        List<PlannedSlot> slots =
                plan(BEIRUT, allWeek(), everyDay(LocalTime.of(23, 0), LocalTime.of(23, 30), 30), saturday, saturday);

        assertThat(slots).singleElement().satisfies(s -> {
            assertThat(s.startsAt().toInstant()).isEqualTo(Instant.parse("2027-10-30T20:00:00Z"));
            assertThat(s.startsAt().getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        });
    }

    // --- at(): one wall-clock time

    @Test
    void shouldFindNoInstantForATimeTheClocksSkip() {
        assertThat(SlotGenerator.at(BEIRUT, LocalDateTime.of(2027, 3, 28, 0, 30)))
                .isEmpty();
    }

    @Test
    void shouldFindTheEarlierInstantForATimeThatOccursTwice() {
        assertThat(SlotGenerator.at(BEIRUT, LocalDateTime.of(2027, 10, 30, 23, 15)))
                .map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2027-10-30T20:15:00Z"));
    }

    @Test
    void shouldFindTheOnlyInstantOfAnOrdinaryTime() {
        assertThat(SlotGenerator.at(KHARTOUM, LocalDateTime.of(2027, 1, 3, 9, 0)))
                .map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2027-01-03T07:00:00Z"));
    }
}
