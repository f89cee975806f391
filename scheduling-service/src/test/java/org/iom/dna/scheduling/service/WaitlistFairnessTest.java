package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * Every waiting family is considered, however many families ahead of it cannot be booked: with the default pass
 * size, 600 urgent families that no centre can serve do not hide the one family behind them that capacity (here an
 * interpreter on duty) lets in.
 */
@QuarkusTest
class WaitlistFairnessTest {

    private static final int UNBOOKABLE = 600;

    @Inject
    SchedulingState scheduling;

    @Inject
    ReplicaService replicas;

    private static Member speaking(String language, String country) {
        return new Member("P-1", 30, false, null, language, true, false, false, country, null);
    }

    @Test
    void shouldBookAFamilyBehindSixHundredThatCannotBeBooked() {
        String country = uniqueCountry();
        SlotOpenedV1 open = slot(country + "-FAI", daysAhead(5, 9), 3);
        scheduling.describeCentre(open.centreCode(), Instant.now(), List.of("am"), List.of());
        List<SamplingRequestReceivedV1> families = new ArrayList<>();
        // Urgent, so they come first; Nuer, which no interpreter here speaks.
        IntStream.range(0, UNBOOKABLE)
                .forEach(i -> families.add(family(country)
                        .priority(Priority.URGENT)
                        .members(speaking("nus", country))
                        .build()));
        SamplingRequestReceivedV1 last =
                family(country).members(speaking("ti", country)).build();
        families.add(last);
        scheduling.receive(List.of(open), families);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> FamilyCase.count("country = ?1 and waitlistedAt is null", country) == 0));

        QuarkusTransaction.requiringNew()
                .run(() -> replicas.interpreterRosterChanged(new InterpreterRosterChangedV1(
                        open.centreCode(), country, open.localDate(), List.of("ti"), Instant.now())));

        assertThat(scheduling.awaitBooked(last.requestId()).localDate).isEqualTo(open.localDate());
    }
}
