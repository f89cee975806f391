package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.WaitReason;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * A member who needs wheelchair access or medical care is booked only at a centre the registry says offers it; the
 * whole family goes there, since it is seen together.
 */
@QuarkusTest
class FacilityTest {

    @Inject
    SchedulingState scheduling;

    private void describe(String centre, Instant changedAt, String... facilities) {
        scheduling.describeCentre(centre, changedAt, List.of(), List.of(facilities));
    }

    /** An elderly father who uses a wheelchair and his adult daughter. */
    private static SamplingRequestReceivedV1 withWheelchairUser(String country) {
        return family(country)
                .members(
                        new Member("P-1", 74, false, null, "ar", false, true, false, country, null),
                        new Member("P-2", 41, false, null, "ar", false, false, false, country, null))
                .build();
    }

    private static SamplingRequestReceivedV1 withMedicalNeed(String country) {
        return family(country)
                .members(new Member("P-1", 52, false, null, "ar", false, false, true, country, null))
                .build();
    }

    @Test
    void shouldBookAWheelchairUserAtAStepFreeCentreOverAnEarlierDay() {
        String country = uniqueCountry();
        SlotOpenedV1 early = slot(country + "-STP", daysAhead(5, 9), 2);
        SlotOpenedV1 later = slot(country + "-ACC", daysAhead(6, 9), 2);
        describe(early.centreCode(), Instant.now(), CentreChangedV1.MEDICAL_CARE);
        describe(later.centreCode(), Instant.now(), CentreChangedV1.WHEELCHAIR_ACCESS);
        SamplingRequestReceivedV1 family = withWheelchairUser(country);

        scheduling.receive(List.of(early, later), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).centreCode).isEqualTo(later.centreCode());
    }

    @Test
    void shouldBookAFamilyWithoutSuchNeedsOnTheEarliestDay() {
        String country = uniqueCountry();
        SlotOpenedV1 early = slot(country + "-STP", daysAhead(5, 9), 2);
        SlotOpenedV1 later = slot(country + "-ACC", daysAhead(6, 9), 2);
        describe(early.centreCode(), Instant.now());
        describe(later.centreCode(), Instant.now(), CentreChangedV1.WHEELCHAIR_ACCESS);
        SamplingRequestReceivedV1 family = family(country).adults(2).build();

        scheduling.receive(List.of(early, later), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).centreCode).isEqualTo(early.centreCode());
    }

    @Test
    void shouldWaitWhenNoCentreOffersWhatAMemberNeeds() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-ACC", daysAhead(5, 9), 2);
        describe(open.centreCode(), Instant.now(), CentreChangedV1.WHEELCHAIR_ACCESS);
        SamplingRequestReceivedV1 family = withMedicalNeed(country);

        scheduling.receive(List.of(open), List.of(family));

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_FACILITY);
    }

    @Test
    void shouldNotCountOnACentreTheRegistryHasNotDescribed() {
        SlotOpenedV1 open = slot(uniqueCountry() + "-UNK", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 family = withWheelchairUser(open.country());

        scheduling.receive(List.of(open), List.of(family));

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_FACILITY);
    }

    @Test
    void shouldBookTheWaitingFamilyOnceTheCentreOffersMedicalCare() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-MED", daysAhead(5, 9), 1);
        describe(open.centreCode(), Instant.now().minusSeconds(60));
        SamplingRequestReceivedV1 family = withMedicalNeed(country);
        scheduling.receive(List.of(open), List.of(family));
        scheduling.awaitWaitlisted(family.requestId());

        describe(open.centreCode(), Instant.now(), CentreChangedV1.MEDICAL_CARE);

        assertThat(scheduling.awaitBooked(family.requestId()).centreCode).isEqualTo(open.centreCode());
    }
}
