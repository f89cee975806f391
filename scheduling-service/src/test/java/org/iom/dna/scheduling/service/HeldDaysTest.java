package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iom.dna.scheduling.testdata.Events.cancelled;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.WaitReason;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * A large family close to its deadline must not lose every place given back to the next small family that fits:
 * one day is kept for it, and places given back there add up until it fits.
 */
@QuarkusTest
class HeldDaysTest {

    @Inject
    SchedulingState scheduling;

    private SlotOpenedV1 day;
    private SamplingRequestReceivedV1 firstSmall;

    /** One slot of four places, two of them taken by a small family. */
    private void halfFullDay() {
        String country = uniqueCountry();
        day = slot(country + "-HLD", daysAhead(6, 9), 4);
        firstSmall = family(country).adults(2).build();
        scheduling.receive(java.util.List.of(day), java.util.List.of(firstSmall));
        scheduling.awaitBooked(firstSmall.requestId());
    }

    private SamplingRequestReceivedV1 largeFamilyDueIn(int days) {
        return family(day.country())
                .priority(Priority.URGENT)
                .deadline(LocalDate.now(ZoneOffset.UTC).plusDays(days))
                .adults(4)
                .build();
    }

    private FamilyCase awaitKeptDay(SamplingRequestReceivedV1 family) {
        return await().atMost(SchedulingState.DECISION)
                .until(() -> scheduling.family(family.requestId()), f -> f.heldCentre != null);
    }

    @Test
    void shouldKeepTheDayWhereALargeFamilyCloseToItsDeadlineMissesFewestPlaces() {
        halfFullDay();
        SamplingRequestReceivedV1 large = largeFamilyDueIn(10);

        scheduling.receive(large);

        FamilyCase waiting = awaitKeptDay(large);
        assertThat(waiting.waitReason).isEqualTo(WaitReason.NO_DAY_FITS_FAMILY);
        assertThat(waiting.heldCentre).isEqualTo(day.centreCode());
        assertThat(waiting.heldDate).isEqualTo(day.localDate());
    }

    @Test
    void shouldNotBookASmallFamilyServedLaterOnTheKeptDay() {
        halfFullDay();
        SamplingRequestReceivedV1 large = largeFamilyDueIn(10);
        scheduling.receive(large);
        awaitKeptDay(large);
        SamplingRequestReceivedV1 secondSmall = family(day.country()).adults(2).build();

        scheduling.receive(secondSmall);

        assertThat(scheduling.awaitWaitlisted(secondSmall.requestId()).waitReason)
                .isEqualTo(WaitReason.DAY_KEPT_FOR_ANOTHER_FAMILY);
    }

    @Test
    void shouldBookTheLargeFamilyOnceThePlacesGivenBackAddUp() {
        halfFullDay();
        SamplingRequestReceivedV1 large = largeFamilyDueIn(10);
        scheduling.receive(large);
        awaitKeptDay(large);
        SamplingRequestReceivedV1 secondSmall = family(day.country()).adults(2).build();
        scheduling.receive(secondSmall);
        scheduling.awaitWaitlisted(secondSmall.requestId());

        scheduling.cancel(cancelled(firstSmall.requestId()));

        assertThat(scheduling.awaitBooked(large.requestId()).localDate).isEqualTo(day.localDate());
        assertThat(scheduling.family(large.requestId()).heldCentre).isNull();
    }

    @Test
    void shouldKeepNoDayForAFamilyFarFromItsDeadline() {
        halfFullDay();
        SamplingRequestReceivedV1 large = largeFamilyDueIn(60);
        scheduling.receive(large);
        scheduling.awaitWaitlisted(large.requestId());
        SamplingRequestReceivedV1 secondSmall = family(day.country()).adults(2).build();

        scheduling.receive(secondSmall);

        assertThat(scheduling.awaitBooked(secondSmall.requestId()).localDate).isEqualTo(day.localDate());
        assertThat(scheduling.family(large.requestId()).heldCentre).isNull();
    }

    @Test
    void shouldKeepNoDayWhosePlacesAreEnoughButApart() {
        String country = uniqueCountry();
        // Two single places, two hours apart: a pair fits in neither, and no place given back would join them.
        SlotOpenedV1 nine = slot(country + "-APT", daysAhead(6, 9), 1);
        SlotOpenedV1 eleven = slot(country + "-APT", daysAhead(6, 11), 1);
        SamplingRequestReceivedV1 pair = family(country)
                .priority(Priority.URGENT)
                .deadline(LocalDate.now(ZoneOffset.UTC).plusDays(10))
                .adults(2)
                .build();
        scheduling.receive(java.util.List.of(nine, eleven), java.util.List.of(pair));
        scheduling.awaitWaitlisted(pair.requestId());
        SamplingRequestReceivedV1 single = family(country).adults(1).build();

        scheduling.receive(single);

        assertThat(scheduling.awaitBooked(single.requestId()).localDate).isEqualTo(nine.localDate());
        assertThat(scheduling.family(pair.requestId()).heldCentre).isNull();
    }

    @Test
    void shouldKeepNoDayTooSmallForTheFamilyEvenWhenEmpty() {
        halfFullDay();
        SamplingRequestReceivedV1 tooLarge = family(day.country())
                .priority(Priority.URGENT)
                .deadline(LocalDate.now(ZoneOffset.UTC).plusDays(10))
                .adults(5)
                .build();
        scheduling.receive(tooLarge);
        scheduling.awaitWaitlisted(tooLarge.requestId());
        SamplingRequestReceivedV1 secondSmall = family(day.country()).adults(2).build();

        scheduling.receive(secondSmall);

        assertThat(scheduling.awaitBooked(secondSmall.requestId()).localDate).isEqualTo(day.localDate());
    }
}
