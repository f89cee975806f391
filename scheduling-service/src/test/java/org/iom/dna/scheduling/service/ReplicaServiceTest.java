package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.minor;
import static org.iom.dna.scheduling.testdata.Events.reopened;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.SlotReplica;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** Scheduling's copies of intake's families and the registry's slots. */
@QuarkusTest
class ReplicaServiceTest {

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldKeepTheFamilysSchedulingShapeAsTheIndSentIt() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 received = family(country)
                .priority(Priority.MEDICAL)
                .preferredCentre(country + "-BBB")
                .members(adult("father", "TR"), minor("daughter", "father", country), adult("mother", country))
                .build();

        scheduling.receive(received);

        FamilyCase family = scheduling.family(received.requestId());
        assertThat(family.country).isEqualTo(country);
        assertThat(family.preferredCentre).isEqualTo(country + "-BBB");
        assertThat(family.deadline).isEqualTo(received.deadline());
        assertThat(family.receivedAt).isEqualTo(received.receivedAt());
        assertThat(family.members)
                .extracting(
                        m -> m.memberRef(), m -> m.position, m -> m.minor, m -> m.accompaniedBy, m -> m.currentCountry)
                .containsExactly(
                        tuple("father", 0, false, null, "TR"),
                        tuple("daughter", 1, true, "father", country),
                        tuple("mother", 2, false, null, country));
    }

    @Test
    void shouldRankTheFamilyByItsPriority() {
        SamplingRequestReceivedV1 received =
                family(uniqueCountry()).priority(Priority.UNACCOMPANIED_MINOR).build();

        scheduling.receive(received);

        FamilyCase family = scheduling.family(received.requestId());
        assertThat(family.priority).isEqualTo(Priority.UNACCOMPANIED_MINOR);
        assertThat(family.priorityRank).isEqualTo((short) Priority.UNACCOMPANIED_MINOR.rank());
    }

    @Test
    void shouldKeepTheFirstCopyWhenIntakeSendsTheSameRequestAgain() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 first = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(first));
        scheduling.awaitBooked(first.requestId());

        scheduling.receive(family(slot.country())
                .requestId(first.requestId())
                .priority(Priority.URGENT)
                .adults(3)
                .build());

        FamilyCase family = scheduling.family(first.requestId());
        assertThat(family.status).isEqualTo(CaseStatus.BOOKED);
        assertThat(family.priority).isEqualTo(Priority.STANDARD);
        assertThat(family.members).hasSize(1);
    }

    @Test
    void shouldOpenANewSlotWithNoPlacesBooked() {
        SlotOpenedV1 opened = slot(uniqueCountry() + "-AAA", ZoneId.of("Asia/Beirut"), daysAhead(5, 7), 4);

        scheduling.open(opened);

        SlotReplica slot = scheduling.slot(opened.slotId());
        assertThat(slot.centreCode).isEqualTo(opened.centreCode());
        assertThat(slot.country).isEqualTo(opened.country());
        assertThat(slot.zone).isEqualTo("Asia/Beirut");
        assertThat(slot.localDate).isEqualTo(opened.localDate());
        assertThat(slot.localStart).isEqualTo(opened.localStart());
        assertThat(slot.startsAt).isEqualTo(opened.startsAt());
        assertThat(slot.endsAt).isEqualTo(opened.endsAt());
        assertThat(slot.capacity).isEqualTo(4);
        assertThat(slot.booked).isZero();
        assertThat(slot.status).isEqualTo("OPEN");
    }

    @Test
    void shouldKeepTheBookedPlacesWhenASlotIsOpenedAgain() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 2);
        SamplingRequestReceivedV1 family = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(family));
        scheduling.awaitBooked(family.requestId());

        scheduling.open(reopened(slot, 5));

        SlotReplica replica = scheduling.slot(slot.slotId());
        assertThat(replica.capacity).isEqualTo(5);
        assertThat(replica.booked).isEqualTo(1);
    }
}
