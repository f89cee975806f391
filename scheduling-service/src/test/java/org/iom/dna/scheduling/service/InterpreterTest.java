package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.CentreReplica;
import org.iom.dna.scheduling.domain.WaitReason;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * A family that needs an interpreter is booked only at a centre whose interpreters speak its language, as the
 * registry describes the centre; a centre it has not described counts as having none.
 */
@QuarkusTest
class InterpreterTest {

    @Inject
    SchedulingState scheduling;

    @Inject
    ReplicaService replicas;

    private void describe(String centre, Instant changedAt, String... languages) {
        scheduling.describeCentre(centre, changedAt, List.of(languages), List.of());
    }

    private void roster(String centre, java.time.LocalDate day, Instant changedAt, String... languages) {
        QuarkusTransaction.requiringNew()
                .run(() -> replicas.interpreterRosterChanged(new InterpreterRosterChangedV1(
                        centre, centre.substring(0, 2), day, List.of(languages), changedAt)));
    }

    private static SamplingRequestReceivedV1 tigrinyaSpeaker(String country, boolean needsInterpreter) {
        return family(country)
                .members(new Member("P-1", 35, false, null, "ti", needsInterpreter, false, false, country, null))
                .build();
    }

    @Test
    void shouldBookTheFamilyWhereAnInterpreterSpeaksItsLanguageOverAnEarlierDay() {
        String country = uniqueCountry();
        SlotOpenedV1 early = slot(country + "-AMH", daysAhead(5, 9), 1);
        SlotOpenedV1 later = slot(country + "-TIG", daysAhead(6, 9), 1);
        describe(early.centreCode(), Instant.now(), "am", "en");
        describe(later.centreCode(), Instant.now(), "ti", "en");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, true);

        scheduling.receive(List.of(early, later), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).centreCode).isEqualTo(later.centreCode());
    }

    @Test
    void shouldBookAFamilyWithoutThatNeedOnTheEarliestDay() {
        String country = uniqueCountry();
        SlotOpenedV1 early = slot(country + "-AMH", daysAhead(5, 9), 1);
        SlotOpenedV1 later = slot(country + "-TIG", daysAhead(6, 9), 1);
        describe(early.centreCode(), Instant.now(), "am");
        describe(later.centreCode(), Instant.now(), "ti");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, false);

        scheduling.receive(List.of(early, later), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).centreCode).isEqualTo(early.centreCode());
    }

    @Test
    void shouldWaitForAnInterpreterWhenNoCentreSpeaksTheLanguage() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-AMH", daysAhead(5, 9), 1);
        describe(open.centreCode(), Instant.now(), "am", "en");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, true);

        scheduling.receive(List.of(open), List.of(family));

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_INTERPRETER);
    }

    @Test
    void shouldNotCountOnACentreTheRegistryHasNotDescribed() {
        SlotOpenedV1 open = slot(uniqueCountry() + "-UNK", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(open.country(), true);

        scheduling.receive(List.of(open), List.of(family));

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_INTERPRETER);
    }

    @Test
    void shouldBookTheWaitingFamilyOnceAnInterpreterJoinsTheCentre() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-AMH", daysAhead(5, 9), 1);
        describe(open.centreCode(), Instant.now().minusSeconds(60), "am");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, true);
        scheduling.receive(List.of(open), List.of(family));
        scheduling.awaitWaitlisted(family.requestId());

        describe(open.centreCode(), Instant.now(), "am", "ti");

        assertThat(scheduling.awaitBooked(family.requestId()).centreCode).isEqualTo(open.centreCode());
    }

    @Test
    void shouldBookTheFamilyOnTheDayAnInterpreterOfItsLanguageIsOnDuty() {
        String country = uniqueCountry();
        SlotOpenedV1 earlier = slot(country + "-ROS", daysAhead(5, 9), 1);
        SlotOpenedV1 onDuty = slot(country + "-ROS", daysAhead(6, 9), 1);
        describe(earlier.centreCode(), Instant.now(), "am");
        roster(onDuty.centreCode(), onDuty.localDate(), Instant.now(), "ti");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, true);

        scheduling.receive(List.of(earlier, onDuty), List.of(family));

        assertThat(scheduling.awaitBooked(family.requestId()).localDate).isEqualTo(onDuty.localDate());
    }

    @Test
    void shouldBookTheWaitingFamilyOnceTheDaysRosterNamesItsLanguage() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-ROS", daysAhead(5, 9), 1);
        describe(open.centreCode(), Instant.now(), "am");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, true);
        scheduling.receive(List.of(open), List.of(family));
        scheduling.awaitWaitlisted(family.requestId());

        roster(open.centreCode(), open.localDate(), Instant.now(), "so", "ti");

        assertThat(scheduling.awaitBooked(family.requestId()).localDate).isEqualTo(open.localDate());
    }

    @Test
    void shouldKeepTheNewerRosterOfADayWhenAnOlderOneArrivesLate() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-ROS", daysAhead(5, 9), 1);
        describe(open.centreCode(), Instant.now(), "am");
        Instant now = Instant.now();
        roster(open.centreCode(), open.localDate(), now, "so");
        roster(open.centreCode(), open.localDate(), now.minusSeconds(60), "ti");
        SamplingRequestReceivedV1 family = tigrinyaSpeaker(country, true);

        scheduling.receive(List.of(open), List.of(family));

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_INTERPRETER);
    }

    @Test
    void shouldKeepTheNewerDescriptionWhenAnOlderOneArrivesLate() {
        String centre = uniqueCountry() + "-ORD";
        Instant now = Instant.now();
        describe(centre, now, "ti");

        describe(centre, now.minusSeconds(3600), "am");

        CentreReplica kept = QuarkusTransaction.requiringNew().call(() -> CentreReplica.findById(centre));
        assertThat(kept.languages).isEqualTo("ti");
    }

    @Test
    void shouldMatchALanguageByItsPrimaryTag() {
        CentreReplica centre = new CentreReplica();
        centre.languages = "fa,prs,en";

        assertThat(centre.speaksAll(List.of("fa-AF"))).isTrue();
        assertThat(centre.speaksAll(List.of("ps"))).isFalse();
    }

    @Test
    void shouldNeedEveryLanguageTheFamilySpeaks() {
        CentreReplica centre = new CentreReplica();
        centre.languages = "ti,en";

        assertThat(centre.speaksAll(List.of("ti", "am"))).isFalse();
    }
}
