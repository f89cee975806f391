package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A closure withdraws the slots of its days, with an event each so the scheduler moves the families booked
 * into them; removing or moving it opens again the future slots no closure covers any more.
 */
@QuarkusTest
class ClosureServiceTest {

    private static final String ZONE = "Asia/Tehran";

    @Inject
    ClosureService closures;

    @Inject
    CentreService centres;

    @Inject
    SlotService slotService;

    @Inject
    Fixtures fixtures;

    private record Subject(String code, String country, LocalDate monday) {}

    /** A centre in a country of its own with three slots on Monday and on Tuesday ahead. */
    private Subject centreWithSlots() {
        String country = fixtures.freeCountry();
        return centreWithSlotsIn(country);
    }

    private Subject centreWithSlotsIn(String country) {
        String code = fixtures.centreIn(country, ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 30), 30, 2);
        fixtures.template(code, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 30), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(ZONE), 2, DayOfWeek.MONDAY);
        fixtures.generate(code, monday, monday.plusDays(1));
        return new Subject(code, country, monday);
    }

    private List<Slot> slots(Subject s, LocalDate day) {
        return fixtures.slots(s.code(), day, day);
    }

    private ClosureService.Result closeCentre(Subject s, LocalDate first, LocalDate last) {
        return closures.create(fixtures.closure(s.code(), null, first, last, "SECURITY"));
    }

    @Test
    void shouldWithdrawEverySlotOfTheClosedDaysForTheClosuresReason() {
        Subject s = centreWithSlots();

        closeCentre(s, s.monday(), s.monday());

        assertThat(slots(s, s.monday()))
                .hasSize(3)
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.WITHDRAWN, "CLOSURE"));
    }

    @Test
    void shouldCountTheSlotsItWithdrew() {
        Subject s = centreWithSlots();

        assertThat(closeCentre(s, s.monday(), s.monday().plusDays(1)).slotsWithdrawn())
                .isEqualTo(6);
    }

    @Test
    void shouldLeaveTheSlotsOfOtherDaysOpen() {
        Subject s = centreWithSlots();

        closeCentre(s, s.monday(), s.monday());

        assertThat(slots(s, s.monday().plusDays(1)))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldPublishAWithdrawalForEachSlotItWithdrew() {
        Subject s = centreWithSlots();

        closeCentre(s, s.monday(), s.monday());

        assertThat(fixtures.events(s.code(), SlotWithdrawnV1.TYPE, SlotWithdrawnV1.class))
                .extracting(SlotWithdrawnV1::slotId, SlotWithdrawnV1::reason)
                .containsExactlyInAnyOrderElementsOf(slots(s, s.monday()).stream()
                        .map(slot -> tuple(slot.id, "CLOSURE"))
                        .toList());
    }

    @Test
    void shouldWithdrawABlockedSlotToo() {
        Subject s = centreWithSlots();
        slotService.setDayBlocked(s.code(), s.monday(), true);

        ClosureService.Result result = closeCentre(s, s.monday(), s.monday());

        assertThat(result.slotsWithdrawn()).isEqualTo(3);
        assertThat(slots(s, s.monday())).extracting(slot -> slot.status).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldNotWithdrawOrCountSlotsThatAnotherClosureWithdrewAlready() {
        Subject s = centreWithSlots();
        closeCentre(s, s.monday(), s.monday());
        int withdrawals = fixtures.events(s.code(), SlotWithdrawnV1.TYPE, SlotWithdrawnV1.class)
                .size();

        ClosureService.Result second = closeCentre(s, s.monday(), s.monday());

        assertThat(second.slotsWithdrawn()).isZero();
        assertThat(fixtures.events(s.code(), SlotWithdrawnV1.TYPE, SlotWithdrawnV1.class))
                .hasSize(withdrawals);
    }

    @Test
    void shouldWithdrawTheSlotsOfEveryCentreOfTheCountryForACountryClosure() {
        Subject first = centreWithSlots();
        Subject second = centreWithSlotsIn(first.country());

        ClosureService.Result result = closures.create(
                fixtures.closure(null, first.country(), first.monday(), first.monday(), "PUBLIC_HOLIDAY"));

        assertThat(result.slotsWithdrawn()).isEqualTo(6);
        assertThat(slots(second, second.monday()))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldLeaveOtherCountriesAloneForACountryClosure() {
        Subject closedCountry = centreWithSlots();
        Subject elsewhere = centreWithSlots();

        closures.create(fixtures.closure(
                null, closedCountry.country(), closedCountry.monday(), closedCountry.monday(), "PUBLIC_HOLIDAY"));

        assertThat(slots(elsewhere, elsewhere.monday()))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldReopenTheFutureSlotsOfARemovedClosure() {
        Subject s = centreWithSlots();
        Closure closure = closeCentre(s, s.monday(), s.monday()).closure();

        assertThat(closures.delete(closure.id)).isTrue();

        assertThat(slots(s, s.monday()))
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.OPEN, null));
    }

    @Test
    void shouldPublishEachSlotThatReopens() {
        Subject s = centreWithSlots();
        Closure closure = closeCentre(s, s.monday(), s.monday()).closure();
        int opened =
                fixtures.events(s.code(), SlotOpenedV1.TYPE, SlotOpenedV1.class).size();

        closures.delete(closure.id);

        assertThat(fixtures.events(s.code(), SlotOpenedV1.TYPE, SlotOpenedV1.class))
                .hasSize(opened + 3);
    }

    @Test
    void shouldKeepSlotsWithdrawnWhileAnotherClosureStillCoversTheDay() {
        Subject s = centreWithSlots();
        Closure security = closeCentre(s, s.monday(), s.monday()).closure();
        closures.create(fixtures.closure(null, s.country(), s.monday(), s.monday(), "PUBLIC_HOLIDAY"));

        closures.delete(security.id);

        assertThat(slots(s, s.monday())).extracting(slot -> slot.status).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldNotReopenPastSlotsWhenAClosureIsRemoved() {
        Subject s = centreWithSlots();
        LocalDate pastMonday = Days.ahead(ZoneId.of(ZONE), -2, DayOfWeek.MONDAY);
        fixtures.generate(s.code(), pastMonday, pastMonday);
        Closure closure = closeCentre(s, pastMonday, pastMonday).closure();

        closures.delete(closure.id);

        assertThat(slots(s, pastMonday))
                .isNotEmpty()
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldNotReopenSlotsOfASuspendedCentreWhenAClosureIsRemoved() {
        Subject s = centreWithSlots();
        Closure closure = closeCentre(s, s.monday(), s.monday()).closure();
        centres.update(
                s.code(), 0, Fixtures.details(s.country(), ZONE, CentreStatus.SUSPENDED, Fixtures.mondayToFriday()));

        closures.delete(closure.id);

        assertThat(slots(s, s.monday())).extracting(slot -> slot.status).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldNotReopenSlotsWithdrawnForAnotherReasonWhenAClosureIsRemoved() {
        Subject s = centreWithSlots();
        centres.update(
                s.code(),
                0,
                Fixtures.details(
                        s.country(),
                        ZONE,
                        CentreStatus.ACTIVE,
                        Fixtures.week(Fixtures.OPENS, Fixtures.CLOSES, DayOfWeek.TUESDAY)));
        Closure closure = closeCentre(s, s.monday(), s.monday()).closure();

        closures.delete(closure.id);

        assertThat(slots(s, s.monday()))
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.WITHDRAWN, "CALENDAR_CHANGED"));
    }

    @Test
    void shouldReopenTheOldDaysAndWithdrawTheNewOnesWhenAClosureMoves() {
        Subject s = centreWithSlots();
        Closure closure = closeCentre(s, s.monday(), s.monday()).closure();
        LocalDate tuesday = s.monday().plusDays(1);

        ClosureService.Result moved = closures.replace(
                        closure.id, fixtures.closure(s.code(), null, tuesday, tuesday, "SECURITY"))
                .orElseThrow();

        assertThat(moved.slotsWithdrawn()).isEqualTo(3);
        assertThat(slots(s, s.monday())).extracting(slot -> slot.status).containsOnly(SlotStatus.OPEN);
        assertThat(slots(s, tuesday)).extracting(slot -> slot.status).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldFindNothingToReplaceForAnUnknownClosure() {
        Subject s = centreWithSlots();

        assertThat(closures.replace(
                        UUID.randomUUID(), fixtures.closure(s.code(), null, s.monday(), s.monday(), "OTHER")))
                .isEmpty();
    }

    @Test
    void shouldFindNothingToDeleteForAnUnknownClosure() {
        assertThat(closures.delete(UUID.randomUUID())).isFalse();
    }

    @Test
    void shouldRefuseAClosureForAnUnknownCentre() {
        LocalDate day = LocalDate.now().plusWeeks(2);

        assertThatThrownBy(() -> closures.create(fixtures.closure(fixtures.freeCode("ET"), null, day, day, "OTHER")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void shouldRefuseAClosureForBothACentreAndACountry() {
        LocalDate day = LocalDate.now().plusWeeks(2);

        assertThatThrownBy(() -> closures.create(fixtures.closure("SD-KRT", "SD", day, day, "OTHER")))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly("$.centreCode"));
    }

    @Test
    void shouldRefuseAClosureForNeitherACentreNorACountry() {
        LocalDate day = LocalDate.now().plusWeeks(2);

        assertThatThrownBy(() -> closures.create(fixtures.closure(null, null, day, day, "OTHER")))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly("$.centreCode"));
    }

    @Test
    void shouldRefuseAClosureThatEndsBeforeItStarts() {
        Subject s = centreWithSlots();

        assertThatThrownBy(() -> closeCentre(s, s.monday(), s.monday().minusDays(1)))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly("$.lastDay"));
        assertThat(slots(s, s.monday())).extracting(slot -> slot.status).containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldListACountrysClosuresForOneOfItsCentres() {
        Subject s = centreWithSlots();
        Closure national = closures.create(
                        fixtures.closure(null, s.country(), s.monday(), s.monday(), "PUBLIC_HOLIDAY"))
                .closure();
        Closure local = closeCentre(s, s.monday(), s.monday()).closure();

        assertThat(closures.list(null, s.code(), s.monday(), s.monday()))
                .extracting(c -> c.id)
                .containsExactlyInAnyOrder(national.id, local.id);
    }

    @Test
    void shouldListACentresClosuresForItsCountry() {
        Subject s = centreWithSlots();
        Closure local = closeCentre(s, s.monday(), s.monday()).closure();

        assertThat(closures.list(s.country(), null, s.monday(), s.monday()))
                .extracting(c -> c.id)
                .containsExactly(local.id);
    }

    @Test
    void shouldListOnlyClosuresOverlappingTheRange() {
        Subject s = centreWithSlots();
        Closure monday = closeCentre(s, s.monday(), s.monday()).closure();
        closeCentre(s, s.monday().plusDays(3), s.monday().plusDays(4));

        assertThat(closures.list(
                        null, s.code(), s.monday().minusDays(1), s.monday().plusDays(2)))
                .extracting(c -> c.id)
                .containsExactly(monday.id);
    }
}
