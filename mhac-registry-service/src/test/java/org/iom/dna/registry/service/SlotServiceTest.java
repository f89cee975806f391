package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.PreconditionFailed;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.junit.jupiter.api.Test;

/** What MHAC staff do with single slots and days: capacity, blocking, ad-hoc slots, listings. */
@QuarkusTest
class SlotServiceTest {

    private static final String BEIRUT = "Asia/Beirut";

    @Inject
    SlotService slots;

    @Inject
    ClosureService closures;

    @Inject
    Fixtures fixtures;

    private record Subject(String code, LocalDate monday, List<Slot> slots) {}

    /** A Beirut centre with three open slots of capacity 2 on a Monday ahead. */
    private Subject centreWithSlots() {
        String code = fixtures.centre(BEIRUT, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 30), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(BEIRUT), 2, DayOfWeek.MONDAY);
        return new Subject(code, monday, fixtures.generate(code, monday, monday));
    }

    private static void assertInvalidAt(Throwable thrown, String path) {
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly(path));
    }

    // --- changing one slot

    @Test
    void shouldChangeTheCapacity() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        Slot changed = slots.change(s.code(), slot.id, slot.version, 5, null);

        assertThat(changed.capacity).isEqualTo(5);
        assertThat(fixtures.slot(slot.id).capacity).isEqualTo(5);
    }

    @Test
    void shouldAllowCuttingTheCapacityToZero() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        assertThat(slots.change(s.code(), slot.id, slot.version, 0, null).capacity)
                .isZero();
    }

    @Test
    void shouldCountAChangeInTheVersion() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        Slot changed = slots.change(s.code(), slot.id, slot.version, 1, null);

        assertThat(changed.version).isEqualTo(slot.version + 1);
    }

    @Test
    void shouldPublishTheChangedCapacityAndStatus() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        slots.change(s.code(), slot.id, slot.version, 1, SlotStatus.BLOCKED);

        assertThat(fixtures.events(s.code(), SlotChangedV1.TYPE, SlotChangedV1.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.slotId()).isEqualTo(slot.id);
                    assertThat(e.capacity()).isEqualTo(1);
                    assertThat(e.status()).isEqualTo("BLOCKED");
                });
    }

    @Test
    void shouldKeepTheCapacityWhenOnlyTheStatusChanges() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        Slot blocked = slots.change(s.code(), slot.id, slot.version, null, SlotStatus.BLOCKED);

        assertThat(blocked.capacity).isEqualTo(2);
        assertThat(blocked.status).isEqualTo(SlotStatus.BLOCKED);
    }

    @Test
    void shouldNeitherPublishNorCountAChangeThatChangesNothing() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        Slot same = slots.change(s.code(), slot.id, slot.version, 2, SlotStatus.OPEN);

        assertThat(same.version).isEqualTo(slot.version);
        assertThat(fixtures.events(s.code(), SlotChangedV1.TYPE, SlotChangedV1.class))
                .isEmpty();
    }

    @Test
    void shouldRefuseAChangeBasedOnAStaleVersion() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);
        slots.change(s.code(), slot.id, slot.version, 3, null);

        assertThatThrownBy(() -> slots.change(s.code(), slot.id, slot.version, 1, null))
                .isInstanceOfSatisfying(
                        PreconditionFailed.class, e -> assertThat(e.missing()).isFalse());
        assertThat(fixtures.slot(slot.id).capacity).isEqualTo(3);
    }

    @Test
    void shouldRefuseToChangeAWithdrawnSlot() {
        Subject s = centreWithSlots();
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));
        Slot withdrawn = fixtures.slot(s.slots().get(0).id);

        assertThatThrownBy(() -> slots.change(s.code(), withdrawn.id, withdrawn.version, null, SlotStatus.OPEN))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.kind()).isEqualTo("slot-withdrawn"));
    }

    @Test
    void shouldRefuseToWithdrawASlotByHand() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);

        Throwable thrown =
                catchThrowable(() -> slots.change(s.code(), slot.id, slot.version, null, SlotStatus.WITHDRAWN));

        assertInvalidAt(thrown, "$.status");
        assertThat(fixtures.slot(slot.id).status).isEqualTo(SlotStatus.OPEN);
    }

    @Test
    void shouldNotFindASlotUnderAnotherCentre() {
        Subject s = centreWithSlots();

        assertThatThrownBy(() -> slots.find("ET-ADD", s.slots().get(0).id)).isInstanceOf(NotFound.class);
    }

    // --- blocking a day

    @Test
    void shouldBlockEveryOpenSlotOfTheDay() {
        Subject s = centreWithSlots();

        assertThat(slots.setDayBlocked(s.code(), s.monday(), true)).isEqualTo(3);
        assertThat(fixtures.slots(s.code(), s.monday(), s.monday()))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.BLOCKED);
    }

    @Test
    void shouldPublishAChangeForEachSlotItBlocks() {
        Subject s = centreWithSlots();

        slots.setDayBlocked(s.code(), s.monday(), true);

        assertThat(fixtures.events(s.code(), SlotChangedV1.TYPE, SlotChangedV1.class))
                .hasSize(3)
                .extracting(SlotChangedV1::status)
                .containsOnly("BLOCKED");
    }

    @Test
    void shouldLeaveOtherDaysAloneWhenBlockingADay() {
        Subject s = centreWithSlots();
        LocalDate nextMonday = s.monday().plusWeeks(1);
        fixtures.generate(s.code(), nextMonday, nextMonday);

        slots.setDayBlocked(s.code(), s.monday(), true);

        assertThat(fixtures.slots(s.code(), nextMonday, nextMonday))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldNotUnblockWithdrawnSlots() {
        Subject s = centreWithSlots();
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));

        assertThat(slots.setDayBlocked(s.code(), s.monday(), false)).isZero();
        assertThat(fixtures.slots(s.code(), s.monday(), s.monday()))
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldUnblockOnlyTheBlockedSlots() {
        Subject s = centreWithSlots();
        Slot slot = s.slots().get(0);
        slots.change(s.code(), slot.id, slot.version, null, SlotStatus.BLOCKED);

        assertThat(slots.setDayBlocked(s.code(), s.monday(), false)).isEqualTo(1);
    }

    // --- ad-hoc slots

    @Test
    void shouldAddAnAdHocSlotInTheCentresLocalTime() {
        Subject s = centreWithSlots();

        Slot added = slots.addAdHoc(s.code(), s.monday(), LocalTime.of(14, 0), 45, 3);

        assertThat(added.adHoc).isTrue();
        assertThat(added.localEnd).isEqualTo(LocalTime.of(14, 45));
        assertThat(added.startsAt)
                .isEqualTo(s.monday().atTime(14, 0).atZone(ZoneId.of(BEIRUT)).toInstant());
    }

    @Test
    void shouldPublishTheAdHocSlot() {
        Subject s = centreWithSlots();

        Slot added = slots.addAdHoc(s.code(), s.monday(), LocalTime.of(14, 0), 45, 3);

        assertThat(fixtures.events(s.code(), SlotOpenedV1.TYPE, SlotOpenedV1.class))
                .filteredOn(e -> e.slotId().equals(added.id))
                .singleElement()
                .satisfies(e -> assertThat(e.capacity()).isEqualTo(3));
    }

    @Test
    void shouldRefuseAnAdHocSlotWhereOneStartsAlready() {
        Subject s = centreWithSlots();

        assertThatThrownBy(() -> slots.addAdHoc(s.code(), s.monday(), LocalTime.of(9, 0), 15, 1))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.kind()).isEqualTo("slot-exists"));
    }

    @Test
    void shouldRefuseAnAdHocSlotOnAClosedDay() {
        Subject s = centreWithSlots();
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));

        assertThatThrownBy(() -> slots.addAdHoc(s.code(), s.monday(), LocalTime.of(15, 0), 30, 1))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.kind()).isEqualTo("closed-day"));
    }

    @Test
    void shouldRefuseAnAdHocSlotInThePast() {
        Subject s = centreWithSlots();
        LocalDate yesterday = LocalDate.now(ZoneId.of(BEIRUT)).minusDays(1);

        Throwable thrown = catchThrowable(() -> slots.addAdHoc(s.code(), yesterday, LocalTime.of(9, 0), 30, 1));

        assertInvalidAt(thrown, "$.localDate");
    }

    @Test
    void shouldRefuseAnAdHocSlotThatEndsAtATimeTheClocksSkip() {
        // Beirut skips 00:00-01:00 on 2027-03-28: a slot from 23:45 for 30 minutes would end in the gap.
        Subject s = centreWithSlots();

        Throwable thrown =
                catchThrowable(() -> slots.addAdHoc(s.code(), LocalDate.of(2027, 3, 27), LocalTime.of(23, 45), 30, 1));

        assertInvalidAt(thrown, "$.minutes");
    }

    @Test
    void shouldRefuseAnAdHocSlotForAnUnknownCentre() {
        LocalDate day = LocalDate.now().plusWeeks(2);

        assertThatThrownBy(() -> slots.addAdHoc(fixtures.freeCode("LB"), day, LocalTime.of(9, 0), 30, 1))
                .isInstanceOf(NotFound.class);
    }

    // --- listings

    @Test
    void shouldListTheComingWeekAtTheCentreByDefault() {
        Subject s = centreWithSlots();
        LocalDate today = LocalDate.now(ZoneId.of(BEIRUT));
        Slot inAWeek = slots.addAdHoc(s.code(), today.plusDays(6), LocalTime.of(23, 0), 30, 1);
        slots.addAdHoc(s.code(), today.plusDays(7), LocalTime.of(23, 0), 30, 1);
        Centre centre = fixtures.centreNamed(s.code());

        assertThat(slots.between(centre, null, null))
                .extracting(slot -> slot.id)
                .containsExactly(inAWeek.id);
    }

    @Test
    void shouldListTheSlotsOfARangeEarliestFirst() {
        Subject s = centreWithSlots();
        Centre centre = fixtures.centreNamed(s.code());

        assertThat(slots.between(centre, s.monday(), s.monday()))
                .extracting(slot -> slot.startsAt)
                .isSorted()
                .hasSize(3);
    }

    @Test
    void shouldAcceptARangeOfTheLongestAllowedLength() {
        Subject s = centreWithSlots();
        Centre centre = fixtures.centreNamed(s.code());

        assertThat(slots.between(centre, s.monday(), s.monday().plusDays(SlotService.MAX_DAYS)))
                .hasSize(3);
    }

    @Test
    void shouldRefuseARangeLongerThanAllowed() {
        Subject s = centreWithSlots();
        Centre centre = fixtures.centreNamed(s.code());

        Throwable thrown = catchThrowable(
                () -> slots.between(centre, s.monday(), s.monday().plusDays(SlotService.MAX_DAYS + 1)));

        assertInvalidAt(thrown, "to");
    }

    @Test
    void shouldRefuseAReversedRange() {
        Subject s = centreWithSlots();
        Centre centre = fixtures.centreNamed(s.code());

        Throwable thrown = catchThrowable(
                () -> slots.between(centre, s.monday(), s.monday().minusDays(1)));

        assertInvalidAt(thrown, "to");
    }

    @Test
    void shouldPublishBlockedButNotWithdrawnSlotsToPartners() {
        Subject s = centreWithSlots();
        Slot blocked = s.slots().get(0);
        slots.change(s.code(), blocked.id, blocked.version, null, SlotStatus.BLOCKED);
        LocalDate tuesday = s.monday().plusDays(1);
        Slot withdrawn = slots.addAdHoc(s.code(), tuesday, LocalTime.of(9, 0), 30, 1);
        closures.create(fixtures.closure(s.code(), null, tuesday, tuesday, "SECURITY"));
        Centre centre = fixtures.centreNamed(s.code());

        List<Slot> published = slots.published(centre, 8);

        assertThat(published).extracting(slot -> slot.id).contains(blocked.id).doesNotContain(withdrawn.id);
    }

    @Test
    void shouldPublishOnlyTheRequestedWeeks() {
        Subject s = centreWithSlots();
        LocalDate later = LocalDate.now(ZoneId.of(BEIRUT)).plusWeeks(9);
        Slot tooLate = slots.addAdHoc(s.code(), later, LocalTime.of(9, 0), 30, 1);
        Centre centre = fixtures.centreNamed(s.code());

        assertThat(slots.published(centre, 8))
                .extracting(slot -> slot.id)
                .contains(s.slots().get(0).id)
                .doesNotContain(tooLate.id);
    }
}
