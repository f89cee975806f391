package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.service.FamilyMatcher.Match;
import org.iom.dna.scheduling.service.FamilyMatcher.Member;
import org.iom.dna.scheduling.service.FamilyMatcher.OpenSlot;
import org.iom.dna.scheduling.service.FamilyMatcher.Placement;
import org.junit.jupiter.api.Test;

/**
 * Where a whole family fits within the slots the caller found: one centre, one local day, an unbroken
 * run of slots, each minor with or right after their adult, never more than a slot's free places.
 * Each rule has its smallest breaking case.
 */
class FamilyMatcherTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);
    private static final long HALF_HOUR = 1800;

    private static final Member MOTHER = new Member("mother", false, null);
    private static final Member SON = new Member("son", true, "mother");
    private static final Member FATHER = new Member("father", false, null);
    private static final Member DAUGHTER = new Member("daughter", true, "father");
    /** An elderly parent who comes with the mother and brings her grandchild. */
    private static final Member GRANDMOTHER = new Member("grandmother", false, "mother");

    private static final Member GRANDCHILD = new Member("grandchild", true, "grandmother");
    /** A minor whose appointed guardian comes instead of a family member. */
    private static final Member ESCORTED = new Member("escorted", true, null);

    /** Consecutive half-hour slots from 08:30 local (05:30Z) onwards, with these free places. */
    private static List<OpenSlot> day(String centre, LocalDate date, int... free) {
        return run(centre, date, date.atTime(5, 30).toInstant(ZoneOffset.UTC), free);
    }

    private static List<OpenSlot> run(String centre, LocalDate localDate, Instant start, int... free) {
        List<OpenSlot> slots = new ArrayList<>();
        for (int f : free) {
            slots.add(new OpenSlot(UUID.randomUUID(), centre, localDate, start, start.plusSeconds(HALF_HOUR), f));
            start = start.plusSeconds(HALF_HOUR);
        }
        return slots;
    }

    private static List<OpenSlot> concat(List<OpenSlot> first, List<OpenSlot> second) {
        List<OpenSlot> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> refs(Match match) {
        return match.placements().stream().map(Placement::memberRef).toList();
    }

    @Test
    void shouldPutEachMinorRightAfterTheAdultWhoAccompaniesThem() {
        assertThat(FamilyMatcher.samplingOrder(List.of(SON, DAUGHTER, MOTHER, FATHER)))
                .extracting(Member::ref)
                .containsExactly("mother", "son", "father", "daughter");
    }

    @Test
    void shouldPutMinorsWithoutAnAccompanyingMemberAfterEveryAdult() {
        assertThat(FamilyMatcher.samplingOrder(List.of(ESCORTED, MOTHER, FATHER)))
                .extracting(Member::ref)
                .containsExactly("mother", "father", "escorted");
    }

    @Test
    void shouldPutAnAccompaniedAdultAfterTheirCompanionFollowedByTheMinorsTheyBring() {
        assertThat(FamilyMatcher.samplingOrder(List.of(MOTHER, FATHER, GRANDCHILD, GRANDMOTHER)))
                .extracting(Member::ref)
                .containsExactly("mother", "grandmother", "grandchild", "father");
    }

    @Test
    void shouldKeepTheIndsOrderForAnAdultWhoseCompanionIsNotInTheCase() {
        Member uncle = new Member("uncle", false, "someone-not-sampled");

        assertThat(FamilyMatcher.samplingOrder(List.of(uncle, MOTHER)))
                .extracting(Member::ref)
                .containsExactly("uncle", "mother");
    }

    @Test
    void shouldNeverPlaceAMinorBeforeTheAdultWhoAccompaniesThem() {
        // The IND listed the son first; in one-place slots he still comes right after his mother.
        Match match = FamilyMatcher.match(List.of(SON, MOTHER), day("ET-ADD", MONDAY, 1, 1), null)
                .orElseThrow();

        assertThat(refs(match)).containsExactly("mother", "son");
    }

    @Test
    void shouldPlaceAMinorRightAfterTheirAdultRatherThanAfterAnotherAdult() {
        Match match = FamilyMatcher.match(List.of(MOTHER, FATHER, SON), day("ET-ADD", MONDAY, 1, 1, 1), null)
                .orElseThrow();

        assertThat(refs(match)).containsExactly("mother", "son", "father");
    }

    @Test
    void shouldSeatAMinorInTheSlotOfTheAdultWhoAccompaniesThemWhenItHasRoom() {
        Match match = FamilyMatcher.match(List.of(MOTHER, SON, FATHER), day("ET-ADD", MONDAY, 2, 1), null)
                .orElseThrow();

        assertThat(match.placements().get(1).slot())
                .isEqualTo(match.placements().get(0).slot());
    }

    @Test
    void shouldNotBookAFamilyAcrossTwoCentresEvenWhenTheirSlotsFollowEachOther() {
        List<OpenSlot> addis = day("ET-ADD", MONDAY, 1);
        List<OpenSlot> shire = run("ET-SHI", MONDAY, addis.get(0).endsAt(), 1);

        assertThat(FamilyMatcher.match(List.of(MOTHER, FATHER), concat(addis, shire), null))
                .isEmpty();
    }

    @Test
    void shouldNotBookAFamilyAcrossMidnightIntoTheNextLocalDay() {
        Instant lastOfMonday = MONDAY.atTime(23, 30).toInstant(ZoneOffset.UTC);
        List<OpenSlot> slots = concat(
                run("ET-ADD", MONDAY, lastOfMonday, 1),
                run("ET-ADD", MONDAY.plusDays(1), lastOfMonday.plusSeconds(HALF_HOUR), 1));

        assertThat(FamilyMatcher.match(List.of(MOTHER, FATHER), slots, null)).isEmpty();
    }

    @Test
    void shouldNotBookAFamilyIntoSlotsWithAGapBetweenThem() {
        Instant nine = MONDAY.atTime(6, 0).toInstant(ZoneOffset.UTC);
        List<OpenSlot> slots =
                concat(run("ET-ADD", MONDAY, nine, 1), run("ET-ADD", MONDAY, nine.plusSeconds(2 * HALF_HOUR), 1));

        assertThat(FamilyMatcher.match(List.of(MOTHER, FATHER), slots, null)).isEmpty();
    }

    @Test
    void shouldNotSeatMoreMembersInASlotThanItHasFreePlaces() {
        assertThat(FamilyMatcher.match(List.of(MOTHER, FATHER), day("ET-ADD", MONDAY, 1), null))
                .isEmpty();
    }

    @Test
    void shouldSkipADayWhoseFreePlacesAreNotConsecutive() {
        // Monday has room for three, but a full slot splits it: the family would wait in between.
        List<OpenSlot> slots = concat(day("ET-ADD", MONDAY, 2, 0, 1), day("ET-ADD", MONDAY.plusDays(1), 2, 1));

        Match match =
                FamilyMatcher.match(List.of(MOTHER, SON, FATHER), slots, null).orElseThrow();

        assertThat(match.localDate()).isEqualTo(MONDAY.plusDays(1));
    }

    @Test
    void shouldBookTheEarliestDayWhereEveryoneFits() {
        List<OpenSlot> slots = new ArrayList<>();
        slots.addAll(day("ET-ADD", MONDAY, 1, 1)); // two places: one short
        slots.addAll(day("ET-ADD", MONDAY.plusDays(1), 2, 1));
        slots.addAll(day("ET-ADD", MONDAY.plusDays(2), 3));

        Match match =
                FamilyMatcher.match(List.of(MOTHER, SON, FATHER), slots, null).orElseThrow();

        assertThat(match.localDate()).isEqualTo(MONDAY.plusDays(1));
        assertThat(refs(match)).containsExactly("mother", "son", "father");
    }

    @Test
    void shouldStartLaterInTheDayWhenTheEarlySlotsCannotHoldTheFamily() {
        Instant nine = MONDAY.atTime(6, 0).toInstant(ZoneOffset.UTC);
        // 09:00 has one place and nothing right after it; 10:00 holds both.
        List<OpenSlot> slots =
                concat(run("ET-ADD", MONDAY, nine, 1), run("ET-ADD", MONDAY, nine.plusSeconds(2 * HALF_HOUR), 2));

        Match match = FamilyMatcher.match(List.of(MOTHER, FATHER), slots, null).orElseThrow();

        assertThat(match.placements())
                .extracting(p -> p.slot().startsAt())
                .containsOnly(nine.plusSeconds(2 * HALF_HOUR));
    }

    @Test
    void shouldFillConsecutiveSlotsInTimeOrderWhenOneIsTooSmall() {
        Match match = FamilyMatcher.match(
                        List.of(MOTHER, SON, FATHER, DAUGHTER), day("LB-BEY", MONDAY, 0, 1, 1, 2), null)
                .orElseThrow();

        assertThat(match.placements())
                .extracting(p -> p.slot().startsAt())
                .containsExactly(
                        Instant.parse("2027-01-04T06:00:00Z"),
                        Instant.parse("2027-01-04T06:30:00Z"),
                        Instant.parse("2027-01-04T07:00:00Z"),
                        Instant.parse("2027-01-04T07:00:00Z"));
    }

    @Test
    void shouldPreferTheRequestedCentreOnTheSameDay() {
        List<OpenSlot> slots = concat(day("ET-ADD", MONDAY, 2), day("ET-SHI", MONDAY, 2));

        assertThat(FamilyMatcher.match(List.of(MOTHER, SON), slots, "ET-SHI"))
                .hasValueSatisfying(m -> assertThat(m.centreCode()).isEqualTo("ET-SHI"));
    }

    @Test
    void shouldTakeCentresInCodeOrderWithoutAPreference() {
        List<OpenSlot> slots = concat(day("ET-SHI", MONDAY, 2), day("ET-ADD", MONDAY, 2));

        assertThat(FamilyMatcher.match(List.of(MOTHER, SON), slots, null))
                .hasValueSatisfying(m -> assertThat(m.centreCode()).isEqualTo("ET-ADD"));
    }

    @Test
    void shouldPreferAnEarlierDayOverTheRequestedCentre() {
        List<OpenSlot> slots = concat(day("ET-ADD", MONDAY, 2), day("ET-SHI", MONDAY.plusDays(1), 2));

        assertThat(FamilyMatcher.match(List.of(MOTHER, SON), slots, "ET-SHI"))
                .hasValueSatisfying(m -> assertThat(m.centreCode()).isEqualTo("ET-ADD"));
    }

    @Test
    void shouldFallBackToAnotherCentreWhenTheRequestedOneCannotHoldTheFamily() {
        List<OpenSlot> slots = concat(day("ET-ADD", MONDAY, 2), day("ET-SHI", MONDAY, 1));

        assertThat(FamilyMatcher.match(List.of(MOTHER, SON), slots, "ET-SHI"))
                .hasValueSatisfying(m -> assertThat(m.centreCode()).isEqualTo("ET-ADD"));
    }

    @Test
    void shouldFindNothingWithoutSlots() {
        assertThat(FamilyMatcher.match(List.of(MOTHER), List.of(), null)).isEmpty();
    }
}
