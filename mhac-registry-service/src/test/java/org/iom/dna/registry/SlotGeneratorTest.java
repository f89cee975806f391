package org.iom.dna.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.iom.dna.registry.service.SlotGenerator;
import org.iom.dna.registry.service.SlotGenerator.Hours;
import org.iom.dna.registry.service.SlotGenerator.PlannedSlot;
import org.iom.dna.registry.service.SlotGenerator.Rule;
import org.junit.jupiter.api.Test;

class SlotGeneratorTest {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId KHARTOUM = ZoneId.of("Africa/Khartoum");
    private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);

    private static Map<DayOfWeek, Hours> week(LocalTime opens, LocalTime closes, DayOfWeek... days) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days) {
            week.put(d, new Hours(opens, closes));
        }
        return week;
    }

    private static List<Rule> everyDay(LocalTime starts, LocalTime ends, int minutes) {
        return java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> new Rule(d, starts, ends, minutes, 2, EPOCH, null))
                .toList();
    }

    @Test
    void shouldSkipSlotsThatFallInBeirutSpringForwardGap() {
        // Lebanon moves clocks from 00:00 to 01:00 on the last Sunday of March (2027-03-28).
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        List<PlannedSlot> slots = SlotGenerator.plan(
                BEIRUT,
                week(LocalTime.MIN, LocalTime.of(23, 59), DayOfWeek.SUNDAY),
                everyDay(LocalTime.MIDNIGHT, LocalTime.of(2, 0), 30),
                d -> false,
                springForward,
                springForward);
        assertEquals(
                List.of(LocalTime.of(1, 0), LocalTime.of(1, 30)),
                slots.stream().map(PlannedSlot::localStart).toList());
        assertEquals(
                Instant.parse("2027-03-27T22:00:00Z"), slots.get(0).startsAt().toInstant());
    }

    @Test
    void shouldShiftUtcInstantsAcrossBeirutDstButKeepLocalTimes() {
        LocalDate friday = LocalDate.of(2027, 3, 26); // UTC+2
        LocalDate monday = LocalDate.of(2027, 3, 29); // UTC+3
        List<PlannedSlot> slots = SlotGenerator.plan(
                BEIRUT,
                week(LocalTime.of(8, 0), LocalTime.of(16, 30), DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                everyDay(LocalTime.of(8, 30), LocalTime.of(9, 0), 30),
                d -> false,
                friday,
                monday);
        assertEquals(2, slots.size());
        assertEquals(
                Instant.parse("2027-03-26T06:30:00Z"), slots.get(0).startsAt().toInstant());
        assertEquals(
                Instant.parse("2027-03-29T05:30:00Z"), slots.get(1).startsAt().toInstant());
        assertTrue(slots.stream().allMatch(s -> s.localStart().equals(LocalTime.of(8, 30))));
    }

    @Test
    void shouldUseEarlierOccurrenceWhenBeirutClocksFallBack() {
        // On 2027-10-31 00:00 clocks go back to 23:00 on Saturday 30 October: 23:00-24:00 happens twice.
        LocalDate saturday = LocalDate.of(2027, 10, 30);
        List<PlannedSlot> slots = SlotGenerator.plan(
                BEIRUT,
                week(LocalTime.MIN, LocalTime.of(23, 59), DayOfWeek.SATURDAY),
                everyDay(LocalTime.of(23, 0), LocalTime.of(23, 30), 30),
                d -> false,
                saturday,
                saturday);
        assertEquals(1, slots.size());
        assertEquals(
                Instant.parse("2027-10-30T20:00:00Z"), slots.get(0).startsAt().toInstant());
    }

    @Test
    void shouldHonourTehranHalfHourOffsetAndIranianWorkingWeek() {
        Map<DayOfWeek, Hours> iran = week(
                LocalTime.of(8, 0),
                LocalTime.of(16, 30),
                DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY);
        iran.put(DayOfWeek.THURSDAY, new Hours(LocalTime.of(8, 0), LocalTime.of(12, 30)));
        LocalDate saturday = LocalDate.of(2027, 1, 2);
        List<PlannedSlot> slots = SlotGenerator.plan(
                TEHRAN,
                iran,
                everyDay(LocalTime.of(8, 30), LocalTime.of(16, 0), 30),
                d -> false,
                saturday,
                saturday.plusDays(6));

        Set<DayOfWeek> days =
                slots.stream().map(s -> s.localDate().getDayOfWeek()).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        DayOfWeek.SATURDAY,
                        DayOfWeek.SUNDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY),
                days,
                "Friday is the day off");
        assertEquals(
                Instant.parse("2027-01-02T05:00:00Z"), slots.get(0).startsAt().toInstant(), "08:30 at UTC+3:30");
        List<PlannedSlot> thursday = slots.stream()
                .filter(s -> s.localDate().getDayOfWeek() == DayOfWeek.THURSDAY)
                .toList();
        assertEquals(LocalTime.of(12, 30), thursday.get(thursday.size() - 1).localEnd(), "half day ends at 12:30");
    }

    @Test
    void shouldFollowSudaneseWeekAndSkipClosures() {
        Map<DayOfWeek, Hours> sudan = week(
                LocalTime.of(8, 0),
                LocalTime.of(16, 30),
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY);
        LocalDate sunday = LocalDate.of(2027, 1, 3);
        LocalDate holiday = sunday.plusDays(2);
        List<PlannedSlot> slots = SlotGenerator.plan(
                KHARTOUM,
                sudan,
                everyDay(LocalTime.of(8, 30), LocalTime.of(9, 30), 30),
                holiday::equals,
                sunday,
                sunday.plusDays(6));
        Set<LocalDate> days = slots.stream().map(PlannedSlot::localDate).collect(Collectors.toSet());
        assertEquals(Set.of(sunday, sunday.plusDays(1), sunday.plusDays(3), sunday.plusDays(4)), days);
        assertEquals(
                Instant.parse("2027-01-03T06:30:00Z"), slots.get(0).startsAt().toInstant(), "UTC+2 since 2017");
    }

    @Test
    void shouldKeepSlotsInsideOpeningHoursAndTemplateValidity() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        List<Rule> rules = List.of(
                new Rule(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(18, 0), 60, 1, monday.plusDays(7), null));
        List<PlannedSlot> slots = SlotGenerator.plan(
                BEIRUT,
                week(LocalTime.of(8, 0), LocalTime.of(11, 0), DayOfWeek.MONDAY),
                rules,
                d -> false,
                monday,
                monday.plusDays(7));
        assertEquals(
                List.of(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0)),
                slots.stream().map(PlannedSlot::localStart).toList());
        assertTrue(
                slots.stream().allMatch(s -> s.localDate().equals(monday.plusDays(7))),
                "rule valid from the 11th only");
    }
}
