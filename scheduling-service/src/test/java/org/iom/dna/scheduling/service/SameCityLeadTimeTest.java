package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * A member who lives in the centre's own city can be seen there sooner (one day by default) than one who must
 * travel within the country (two days): the shorter lead time holds at that centre only.
 */
@QuarkusTest
class SameCityLeadTimeTest {

    @Inject
    SchedulingState scheduling;

    /** Between one and two days from now, whatever the time of day the test runs. */
    private static Instant inThirtySixHours() {
        return Instant.now().plus(Duration.ofHours(36)).truncatedTo(ChronoUnit.HOURS);
    }

    private static SamplingRequestReceivedV1 livingNear(String country, String centre) {
        return family(country)
                .members(new Member("P-1", 30, false, null, "ar", false, false, false, country, centre))
                .build();
    }

    @Test
    void shouldBookAMemberAtTheCentreInTheirOwnCityWithinTwoDays() {
        String country = uniqueCountry();
        SlotOpenedV1 soon = slot(country + "-LOC", inThirtySixHours(), 1);
        SamplingRequestReceivedV1 family = livingNear(country, soon.centreCode());

        scheduling.receive(List.of(soon), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).members.get(0).slotId)
                .isEqualTo(soon.slotId());
    }

    @Test
    void shouldGiveTheMemberTimeToTravelToACentreInAnotherCity() {
        String country = uniqueCountry();
        SlotOpenedV1 tooSoon = slot(country + "-FAR", inThirtySixHours(), 1);
        SlotOpenedV1 later = slot(country + "-FAR", daysAhead(4, 9), 1);
        SamplingRequestReceivedV1 family = livingNear(country, country + "-LOC");

        scheduling.receive(List.of(tooSoon, later), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).members.get(0).slotId)
                .isEqualTo(later.slotId());
    }
}
