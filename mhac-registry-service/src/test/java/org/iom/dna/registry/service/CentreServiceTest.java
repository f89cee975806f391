package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.PreconditionFailed;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Closure;
import org.iom.dna.registry.domain.Facility;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;
import org.iom.dna.registry.support.Days;
import org.iom.dna.registry.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Country offices change centres; a centre that stops working, or works less, gives up its future slots. */
@QuarkusTest
class CentreServiceTest {

    private static final String ZONE = "Africa/Khartoum";
    private static final LocalTime HALF_EIGHT = LocalTime.of(8, 30);

    @Inject
    CentreService centres;

    @Inject
    ClosureService closures;

    @Inject
    SlotService slotService;

    @Inject
    Fixtures fixtures;

    private record Subject(String code, String country, LocalDate monday) {}

    /** A Monday-to-Friday centre with morning and afternoon slots generated on a Monday ahead. */
    private Subject centreWithSlots() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, HALF_EIGHT, LocalTime.of(9, 30), 30, 2);
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(15, 0), 30, 2);
        LocalDate monday = Days.ahead(ZoneId.of(ZONE), 2, DayOfWeek.MONDAY);
        fixtures.generate(code, monday, monday);
        return new Subject(code, country, monday);
    }

    private Centre update(Subject s, CentreStatus status, List<CentreService.Day> week) {
        Centre current = fixtures.centreNamed(s.code());
        return centres.update(s.code(), current.version, Fixtures.details(s.country(), ZONE, status, week));
    }

    private List<Slot> slots(Subject s) {
        return fixtures.slots(s.code(), s.monday(), s.monday());
    }

    @Test
    void shouldWithdrawFutureSlotsWhenTheCentreIsSuspended() {
        Subject s = centreWithSlots();

        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        assertThat(slots(s))
                .hasSize(4)
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.WITHDRAWN, "CENTRE_NOT_ACTIVE"));
    }

    @Test
    void shouldWithdrawFutureSlotsWhenTheCentreIsClosed() {
        Subject s = centreWithSlots();

        update(s, CentreStatus.CLOSED, Fixtures.mondayToFriday());

        assertThat(slots(s)).extracting(slot -> slot.status).containsOnly(SlotStatus.WITHDRAWN);
    }

    @Test
    void shouldPublishAWithdrawalForEachFutureSlotWhenTheCentreIsSuspended() {
        Subject s = centreWithSlots();

        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        assertThat(fixtures.events(s.code(), SlotWithdrawnV1.TYPE, SlotWithdrawnV1.class))
                .extracting(SlotWithdrawnV1::slotId, SlotWithdrawnV1::reason)
                .containsExactlyInAnyOrderElementsOf(slots(s).stream()
                        .map(slot -> tuple(slot.id, "CENTRE_NOT_ACTIVE"))
                        .toList());
    }

    @Test
    void shouldLeavePastSlotsAloneWhenTheCentreIsSuspended() {
        Subject s = centreWithSlots();
        LocalDate pastMonday = Days.ahead(ZoneId.of(ZONE), -2, DayOfWeek.MONDAY);
        fixtures.generate(s.code(), pastMonday, pastMonday);

        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        assertThat(fixtures.slots(s.code(), pastMonday, pastMonday))
                .isNotEmpty()
                .extracting(slot -> slot.status)
                .containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldReopenSlotsWithdrawnForInactivityWhenTheCentreIsActiveAgain() {
        Subject s = centreWithSlots();
        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        update(s, CentreStatus.ACTIVE, Fixtures.mondayToFriday());

        assertThat(slots(s))
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.OPEN, null));
    }

    @Test
    void shouldPublishTheReopenedSlotsWhenTheCentreIsActiveAgain() {
        Subject s = centreWithSlots();
        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());
        int openedBefore =
                fixtures.events(s.code(), SlotOpenedV1.TYPE, SlotOpenedV1.class).size();

        update(s, CentreStatus.ACTIVE, Fixtures.mondayToFriday());

        assertThat(fixtures.events(s.code(), SlotOpenedV1.TYPE, SlotOpenedV1.class))
                .hasSize(openedBefore + 4);
    }

    @Test
    void shouldKeepSlotsOfAClosedDayWithdrawnWhenTheCentreIsActiveAgain() {
        Subject s = centreWithSlots();
        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());
        closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"));

        update(s, CentreStatus.ACTIVE, Fixtures.mondayToFriday());

        assertThat(slots(s))
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.WITHDRAWN, "CLOSURE"));
    }

    @Test
    void shouldReopenSlotsKeptForAClosureWhenThatClosureIsRemovedAfterReactivation() {
        Subject s = centreWithSlots();
        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());
        Closure closure = closures.create(fixtures.closure(s.code(), null, s.monday(), s.monday(), "SECURITY"))
                .closure();
        update(s, CentreStatus.ACTIVE, Fixtures.mondayToFriday());

        closures.delete(closure.id);

        assertThat(slots(s)).extracting(slot -> slot.status).containsOnly(SlotStatus.OPEN);
    }

    @Test
    void shouldWithdrawSlotsOfAWeekdayDroppedFromTheWorkingWeek() {
        Subject s = centreWithSlots();
        List<CentreService.Day> noMonday = Fixtures.week(
                Fixtures.OPENS,
                Fixtures.CLOSES,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY);

        update(s, CentreStatus.ACTIVE, noMonday);

        assertThat(slots(s))
                .extracting(slot -> slot.status, slot -> slot.withdrawnReason)
                .containsOnly(tuple(SlotStatus.WITHDRAWN, "CALENDAR_CHANGED"));
    }

    @Test
    void shouldKeepAnAdHocSessionOutsideTheWorkingWeekWhenTheCentreIsCorrected() {
        Subject s = centreWithSlots();
        LocalDate saturday = s.monday().plusDays(5);
        Slot extra = Fixtures.tx(() -> slotService.addAdHoc(s.code(), saturday, LocalTime.of(9, 0), 30, 4));

        update(s, CentreStatus.ACTIVE, Fixtures.mondayToFriday());

        assertThat(fixtures.slot(extra.id).status).isEqualTo(SlotStatus.OPEN);
    }

    @Test
    void shouldWithdrawSlotsThatEndAfterAnEarlierClosingTime() {
        Subject s = centreWithSlots();
        List<CentreService.Day> mornings = Fixtures.week(
                Fixtures.OPENS,
                LocalTime.of(12, 0),
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY);

        update(s, CentreStatus.ACTIVE, mornings);

        assertThat(slots(s))
                .extracting(slot -> slot.localStart, slot -> slot.status)
                .containsExactly(
                        tuple(HALF_EIGHT, SlotStatus.OPEN),
                        tuple(LocalTime.of(9, 0), SlotStatus.OPEN),
                        tuple(LocalTime.of(14, 0), SlotStatus.WITHDRAWN),
                        tuple(LocalTime.of(14, 30), SlotStatus.WITHDRAWN));
    }

    @Test
    void shouldWithdrawSlotsThatStartBeforeALaterOpeningTime() {
        Subject s = centreWithSlots();
        List<CentreService.Day> afternoons =
                Fixtures.week(LocalTime.of(9, 0), Fixtures.CLOSES, DayOfWeek.MONDAY, DayOfWeek.TUESDAY);

        update(s, CentreStatus.ACTIVE, afternoons);

        assertThat(slots(s))
                .extracting(slot -> slot.localStart, slot -> slot.status)
                .containsExactly(
                        tuple(HALF_EIGHT, SlotStatus.WITHDRAWN),
                        tuple(LocalTime.of(9, 0), SlotStatus.OPEN),
                        tuple(LocalTime.of(14, 0), SlotStatus.OPEN),
                        tuple(LocalTime.of(14, 30), SlotStatus.OPEN));
    }

    @Test
    void shouldKeepEverySlotWhenOnlyTheDetailsChange() {
        Subject s = centreWithSlots();
        Centre current = fixtures.centreNamed(s.code());
        CentreService.Details renamed = new CentreService.Details(
                "IOM MHAC renamed",
                s.country(),
                "Newtown",
                true,
                "1 Main Street",
                ZONE,
                List.of("ar"),
                List.of(),
                CentreStatus.ACTIVE,
                Fixtures.mondayToFriday(),
                null);

        centres.update(s.code(), current.version, renamed);

        assertThat(slots(s)).extracting(slot -> slot.status).containsOnly(SlotStatus.OPEN);
        assertThat(fixtures.events(s.code(), SlotWithdrawnV1.TYPE, SlotWithdrawnV1.class))
                .isEmpty();
    }

    @Test
    void shouldRefuseToMoveACentreWithFutureSlotsToAnotherZone() {
        Subject s = centreWithSlots();
        Centre current = fixtures.centreNamed(s.code());

        assertThatThrownBy(() -> centres.update(
                        s.code(),
                        current.version,
                        Fixtures.details(s.country(), "Africa/Cairo", CentreStatus.ACTIVE, Fixtures.mondayToFriday())))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.kind()).isEqualTo("zone-in-use"));
        assertThat(fixtures.centreNamed(s.code()).zone).isEqualTo(ZONE);
    }

    @Test
    void shouldCorrectTheZoneOfACentreWithoutFutureSlots() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, "Africa/Cairo", Fixtures.mondayToFriday());

        Centre changed = centres.update(
                code, 0, Fixtures.details(country, ZONE, CentreStatus.ACTIVE, Fixtures.mondayToFriday()));

        assertThat(changed.zone).isEqualTo(ZONE);
    }

    @Test
    void shouldRefuseAChangeBasedOnAStaleVersion() {
        Subject s = centreWithSlots();
        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        assertThatThrownBy(() -> centres.update(
                        s.code(),
                        0,
                        Fixtures.details(s.country(), ZONE, CentreStatus.CLOSED, Fixtures.mondayToFriday())))
                .isInstanceOfSatisfying(
                        PreconditionFailed.class, e -> assertThat(e.missing()).isFalse());
        assertThat(fixtures.centreNamed(s.code()).status).isEqualTo(CentreStatus.SUSPENDED);
    }

    @Test
    void shouldCountEveryChangeInTheVersion() {
        Subject s = centreWithSlots();

        Centre changed = update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        assertThat(changed.version).isEqualTo(1);
    }

    @Test
    void shouldRefuseACodeThatIsTaken() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, ZONE, Fixtures.mondayToFriday());

        assertThatThrownBy(() -> centres.create(
                        code, Fixtures.details(country, ZONE, CentreStatus.ACTIVE, Fixtures.mondayToFriday())))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.kind()).isEqualTo("centre-exists");
                    assertThat(e.existing()).hasToString("/api/v1/centres/" + code);
                });
    }

    @Test
    void shouldRefuseACountryThatIsNotTheCodesPrefix() {
        String code = fixtures.freeCode(fixtures.freeCountry());

        assertThatThrownBy(() -> centres.create(
                        code, Fixtures.details("ET", ZONE, CentreStatus.ACTIVE, Fixtures.mondayToFriday())))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly("$.country"));
        assertThat(centres.exists(code)).isFalse();
    }

    @Test
    void shouldPublishTheNewCentreKeyedByItsCode() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, ZONE, Fixtures.mondayToFriday());

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.country()).isEqualTo(country);
                    assertThat(e.zone()).isEqualTo(ZONE);
                    assertThat(e.status()).isEqualTo("ACTIVE");
                    assertThat(e.city()).isEqualTo("Testville");
                });
    }

    @Test
    void shouldAnnounceTheLanguagesItsInterpretersSpeak() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .singleElement()
                .satisfies(e -> assertThat(e.languages()).containsExactly("en"));
    }

    @Test
    void shouldAnnounceACentreThatWasNeverAnnounced() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        Fixtures.tx(() -> Centre.update("announcedAt = null where code = ?1", code));

        centres.announceStale();

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .hasSize(2);
    }

    @Test
    void shouldAnnounceACentreAgainADayAfterItsLastAnnouncement() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        Fixtures.tx(() -> Centre.update(
                "announcedAt = ?1 where code = ?2", Instant.now().minus(java.time.Duration.ofHours(25)), code));

        centres.announceStale();

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .hasSize(2);
    }

    @Test
    void shouldAnnounceACentreOnlyOnceADay() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());

        centres.announceStale();

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .hasSize(1);
    }

    @Test
    void shouldPublishTheNewStatusWhenACentreChanges() {
        Subject s = centreWithSlots();

        update(s, CentreStatus.SUSPENDED, Fixtures.mondayToFriday());

        assertThat(fixtures.events(s.code(), CentreChangedV1.TYPE, CentreChangedV1.class))
                .extracting(CentreChangedV1::status)
                .containsExactly("ACTIVE", "SUSPENDED");
    }

    @Test
    void shouldListEveryCentreByCode() {
        assertThat(centres.all())
                .extracting(c -> c.code)
                .contains("ET-ADD", "IR-THR", "LB-BEY", "SD-KRT", "TR-IST")
                .isSorted();
    }

    // --- facilities

    private static CentreService.Details withFacilities(CentreService.Details d, List<Facility> facilities) {
        return new CentreService.Details(
                d.name(),
                d.country(),
                d.city(),
                d.cityAssumed(),
                d.address(),
                d.zone(),
                d.languages(),
                facilities,
                d.status(),
                d.workingWeek(),
                d.dayListEmail());
    }

    @Test
    void shouldAnnounceTheFacilitiesOfANewCentre() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);

        centres.create(
                code,
                withFacilities(
                        Fixtures.details(country, ZONE, CentreStatus.ACTIVE, Fixtures.mondayToFriday()),
                        List.of(Facility.MEDICAL_CARE, Facility.WHEELCHAIR_ACCESS)));

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .singleElement()
                .satisfies(e -> assertThat(e.facilities())
                        .containsExactly(CentreChangedV1.WHEELCHAIR_ACCESS, CentreChangedV1.MEDICAL_CARE));
    }

    @Test
    void shouldAnnounceTheFacilitiesACentreWasChangedTo() {
        String country = fixtures.freeCountry();
        String code = fixtures.centreIn(country, ZONE, Fixtures.mondayToFriday());

        centres.update(
                code,
                0,
                withFacilities(
                        Fixtures.details(country, ZONE, CentreStatus.ACTIVE, Fixtures.mondayToFriday()),
                        List.of(Facility.WHEELCHAIR_ACCESS)));

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .extracting(CentreChangedV1::facilities)
                .containsExactly(List.of(), List.of(CentreChangedV1.WHEELCHAIR_ACCESS));
    }

    @Test
    void shouldAnnounceAnUnannouncedCentreWithItsFacilities() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        centres.create(
                code,
                withFacilities(
                        Fixtures.details(country, ZONE, CentreStatus.ACTIVE, Fixtures.mondayToFriday()),
                        List.of(Facility.MEDICAL_CARE)));
        Fixtures.tx(() -> Centre.update("announcedAt = null where code = ?1", code));

        centres.announceStale();

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .last()
                .satisfies(e -> assertThat(e.facilities()).containsExactly(CentreChangedV1.MEDICAL_CARE));
    }

    @Test
    void shouldHaveAnnouncedTheSeededCentresWithTheirFacilitiesAtStartUp() {
        // The migrations seed the centres unannounced; the service announced them when it started for the tests.
        assertThat(fixtures.events("ET-ADD", CentreChangedV1.TYPE, CentreChangedV1.class))
                .first()
                .satisfies(e -> assertThat(e.facilities())
                        .containsExactly(CentreChangedV1.WHEELCHAIR_ACCESS, CentreChangedV1.MEDICAL_CARE));
    }
}
