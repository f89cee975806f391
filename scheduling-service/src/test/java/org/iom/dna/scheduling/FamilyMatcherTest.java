package org.iom.dna.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.service.FamilyMatcher;
import org.iom.dna.scheduling.service.FamilyMatcher.Match;
import org.iom.dna.scheduling.service.FamilyMatcher.Member;
import org.iom.dna.scheduling.service.FamilyMatcher.OpenSlot;
import org.junit.jupiter.api.Test;

class FamilyMatcherTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    /** Half-hour slots from 08:30 local (05:30Z) onwards. */
    private static List<OpenSlot> day(String centre, LocalDate date, int... free) {
        List<OpenSlot> slots = new ArrayList<>();
        Instant start = date.atTime(5, 30).toInstant(java.time.ZoneOffset.UTC);
        for (int f : free) {
            slots.add(new OpenSlot(UUID.randomUUID(), centre, date, start, start.plusSeconds(1800), f));
            start = start.plusSeconds(1800);
        }
        return slots;
    }

    private static final Member MOTHER = new Member("mother", false, null);
    private static final Member SON = new Member("son", true, "mother");
    private static final Member FATHER = new Member("father", false, null);
    private static final Member DAUGHTER = new Member("daughter", true, "father");

    @Test
    void shouldPutEachMinorRightAfterTheAdultWhoAccompaniesThem() {
        List<Member> order = FamilyMatcher.samplingOrder(List.of(SON, DAUGHTER, MOTHER, FATHER));
        assertEquals(
                List.of("mother", "son", "father", "daughter"),
                order.stream().map(Member::ref).toList());
    }

    @Test
    void shouldSkipADayWhoseFreePlacesAreNotConsecutive() {
        List<OpenSlot> slots = new ArrayList<>();
        // Monday has room for three, but a full slot splits it: the family would wait in between.
        slots.addAll(day("ET-ADD", MONDAY, 2, 0, 1));
        slots.addAll(day("ET-ADD", MONDAY.plusDays(1), 2, 1));
        Match match =
                FamilyMatcher.match(List.of(MOTHER, SON, FATHER), slots, null).orElseThrow();
        assertEquals(MONDAY.plusDays(1), match.localDate());
    }

    @Test
    void shouldBookTheEarliestDayWhereEveryoneFits() {
        List<OpenSlot> slots = new ArrayList<>();
        slots.addAll(day("ET-ADD", MONDAY, 1, 1)); // two places: one short
        slots.addAll(day("ET-ADD", MONDAY.plusDays(1), 2, 1));
        slots.addAll(day("ET-ADD", MONDAY.plusDays(2), 3));
        Match match =
                FamilyMatcher.match(List.of(MOTHER, SON, FATHER), slots, null).orElseThrow();
        assertEquals(MONDAY.plusDays(1), match.localDate());
        assertEquals(
                List.of("mother", "son", "father"),
                match.placements().stream().map(p -> p.memberRef()).toList());
    }

    @Test
    void shouldSeatAMinorInTheSlotOfTheAdultWhoAccompaniesThemWhenItHasRoom() {
        Match match = FamilyMatcher.match(List.of(MOTHER, SON, FATHER), day("ET-ADD", MONDAY, 2, 1), null)
                .orElseThrow();
        assertEquals(match.placements().get(0).slot(), match.placements().get(1).slot());
    }

    @Test
    void shouldNeverPlaceAMinorBeforeTheAdultWhoAccompaniesThem() {
        // The IND listed the son first; in one-place slots he still comes right after his mother.
        Match match = FamilyMatcher.match(List.of(SON, MOTHER), day("ET-ADD", MONDAY, 1, 1), null)
                .orElseThrow();
        assertEquals(
                List.of("mother", "son"),
                match.placements().stream().map(p -> p.memberRef()).toList());
    }

    @Test
    void shouldNeverSplitFamilyAcrossCentresOrExceedFreePlaces() {
        List<OpenSlot> slots = new ArrayList<>();
        slots.addAll(day("ET-ADD", MONDAY, 1));
        slots.addAll(day("ET-SHI", MONDAY, 1));
        assertTrue(FamilyMatcher.match(List.of(MOTHER, SON), slots, null).isEmpty());
    }

    @Test
    void shouldPreferTheRequestedCentreOnTheSameDay() {
        List<OpenSlot> slots = new ArrayList<>();
        slots.addAll(day("ET-ADD", MONDAY, 2));
        slots.addAll(day("ET-SHI", MONDAY, 2));
        assertEquals(
                "ET-SHI",
                FamilyMatcher.match(List.of(MOTHER, SON), slots, "ET-SHI")
                        .orElseThrow()
                        .centreCode());
        assertEquals(
                "ET-ADD",
                FamilyMatcher.match(List.of(MOTHER, SON), slots, null)
                        .orElseThrow()
                        .centreCode());
    }

    @Test
    void shouldFillConsecutiveSlotsWhenOneIsTooSmall() {
        Match match = FamilyMatcher.match(
                        List.of(MOTHER, SON, FATHER, DAUGHTER), day("LB-BEY", MONDAY, 0, 1, 1, 2), null)
                .orElseThrow();
        List<Instant> starts =
                match.placements().stream().map(p -> p.slot().startsAt()).toList();
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(!starts.get(i).isBefore(starts.get(i - 1)));
        }
        assertEquals(Instant.parse("2027-01-04T06:00:00Z"), starts.get(0));
    }
}
