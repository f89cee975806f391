package org.iom.dna.registry.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns weekly templates into concrete slots for a date range. Pure: no clock, no database.
 *
 * <p>Local times are resolved in the centre's IANA zone with its rules as the JDK knows them. A
 * local time that does not exist (skipped by a DST change) yields no slot; a local time that occurs
 * twice (clocks turned back) uses the earlier occurrence. Slots never fall on a closed day, outside
 * the working week, or outside the day's opening hours.
 */
public final class SlotGenerator {

    /** A weekly rule, as far as generation needs it. */
    public record Rule(
            DayOfWeek weekday,
            LocalTime starts,
            LocalTime ends,
            int slotMinutes,
            int capacity,
            LocalDate validFrom,
            LocalDate validTo) {

        boolean appliesOn(LocalDate day) {
            return day.getDayOfWeek() == weekday
                    && !day.isBefore(validFrom)
                    && (validTo == null || !day.isAfter(validTo));
        }
    }

    public record Hours(LocalTime opens, LocalTime closes) {}

    public record PlannedSlot(
            LocalDate localDate,
            LocalTime localStart,
            LocalTime localEnd,
            ZonedDateTime startsAt,
            ZonedDateTime endsAt,
            int capacity) {}

    private SlotGenerator() {}

    /**
     * @param workingWeek opening hours per open weekday; a weekday missing here is a day off
     * @param closed true for a local date on which the centre is closed
     * @param from first local date (inclusive)
     * @param to last local date (inclusive)
     */
    public static List<PlannedSlot> plan(
            ZoneId zone,
            Map<DayOfWeek, Hours> workingWeek,
            List<Rule> rules,
            Predicate<LocalDate> closed,
            LocalDate from,
            LocalDate to) {
        List<PlannedSlot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Hours hours = workingWeek.get(day.getDayOfWeek());
            if (hours == null || closed.test(day)) {
                continue;
            }
            for (Rule rule : rules) {
                if (rule.appliesOn(day)) {
                    addSlots(slots, zone, hours, rule, day);
                }
            }
        }
        slots.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        return slots;
    }

    private static void addSlots(List<PlannedSlot> slots, ZoneId zone, Hours hours, Rule rule, LocalDate day) {
        LocalTime start = rule.starts().isBefore(hours.opens()) ? hours.opens() : rule.starts();
        LocalTime end = rule.ends().isAfter(hours.closes()) ? hours.closes() : rule.ends();
        // Walk in minutes from midnight so a range ending at 23:59 cannot wrap around.
        int first = start.toSecondOfDay() / 60;
        int last = end.toSecondOfDay() / 60;
        for (int m = first; m + rule.slotMinutes() <= last; m += rule.slotMinutes()) {
            LocalTime localStart = LocalTime.ofSecondOfDay(m * 60L);
            LocalTime localEnd = LocalTime.ofSecondOfDay((m + rule.slotMinutes()) * 60L);
            ZonedDateTime startsAt = resolve(zone, day.atTime(localStart));
            ZonedDateTime endsAt = resolve(zone, day.atTime(localEnd));
            if (startsAt == null || endsAt == null) {
                continue; // falls in a DST gap: that wall-clock time does not exist on this day
            }
            slots.add(new PlannedSlot(day, localStart, localEnd, startsAt, endsAt, rule.capacity()));
        }
    }

    /**
     * The instant a wall-clock time has in a zone: empty when the time is skipped by a DST change,
     * the earlier of the two when it occurs twice.
     */
    public static java.util.Optional<ZonedDateTime> at(ZoneId zone, LocalDateTime local) {
        return java.util.Optional.ofNullable(resolve(zone, local));
    }

    private static ZonedDateTime resolve(ZoneId zone, LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return null;
        }
        return ZonedDateTime.ofLocal(local, zone, offsets.get(0));
    }
}
