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
import java.time.LocalDate;
import java.util.List;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.testdata.Events;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * The order in which the waitlist passes serve families competing for the last place: priority, then
 * the earlier deadline, then the earlier arrival; for new families and for families that waited until
 * capacity appeared. In each case the family that must lose was listed first and wins on every other
 * criterion, so only the rule under test can decide.
 */
@QuarkusTest
class WaitlistServiceTest {

    private static final LocalDate SOON = LocalDate.now(Events.UTC).plusDays(20);
    private static final LocalDate LATER = LocalDate.now(Events.UTC).plusDays(40);
    private static final Instant EARLIER = Instant.now().minus(Duration.ofHours(2));
    private static final Instant LATE = Instant.now().minus(Duration.ofHours(1));

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldGiveTheLastPlaceToTheHigherPriorityWhenNewFamiliesCompete() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 standard = family(country)
                .priority(Priority.STANDARD)
                .deadline(SOON)
                .receivedAt(EARLIER)
                .build();
        SamplingRequestReceivedV1 medical = family(country)
                .priority(Priority.MEDICAL)
                .deadline(LATER)
                .receivedAt(LATE)
                .build();

        scheduling.receive(List.of(onePlace(country)), List.of(standard, medical));

        assertThat(scheduling.awaitFirstBooked(standard.requestId(), medical.requestId()))
                .isEqualTo(medical.requestId());
    }

    @Test
    void shouldGiveTheLastPlaceToTheEarlierDeadlineWhenNewFamiliesShareAPriority() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 laterDeadline =
                family(country).deadline(LATER).receivedAt(EARLIER).build();
        SamplingRequestReceivedV1 earlierDeadline =
                family(country).deadline(SOON).receivedAt(LATE).build();

        scheduling.receive(List.of(onePlace(country)), List.of(laterDeadline, earlierDeadline));

        assertThat(scheduling.awaitFirstBooked(laterDeadline.requestId(), earlierDeadline.requestId()))
                .isEqualTo(earlierDeadline.requestId());
    }

    @Test
    void shouldGiveTheLastPlaceToTheEarlierArrivalWhenNewFamiliesShareAPriorityAndDeadline() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 arrivedLate =
                family(country).deadline(SOON).receivedAt(LATE).build();
        SamplingRequestReceivedV1 arrivedEarlier =
                family(country).deadline(SOON).receivedAt(EARLIER).build();

        scheduling.receive(List.of(onePlace(country)), List.of(arrivedLate, arrivedEarlier));

        assertThat(scheduling.awaitFirstBooked(arrivedLate.requestId(), arrivedEarlier.requestId()))
                .isEqualTo(arrivedEarlier.requestId());
    }

    @Test
    void shouldGiveANewPlaceToTheHigherPriorityAmongWaitlistedFamilies() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 standard = family(country)
                .priority(Priority.STANDARD)
                .deadline(SOON)
                .receivedAt(EARLIER)
                .build();
        SamplingRequestReceivedV1 urgent = family(country)
                .priority(Priority.URGENT)
                .deadline(LATER)
                .receivedAt(LATE)
                .build();

        assertThat(bothWaitThenOnePlaceOpens(standard, urgent)).isEqualTo(urgent);
    }

    @Test
    void shouldGiveANewPlaceToTheEarlierDeadlineAmongWaitlistedFamilies() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 laterDeadline =
                family(country).deadline(LATER).receivedAt(EARLIER).build();
        SamplingRequestReceivedV1 earlierDeadline =
                family(country).deadline(SOON).receivedAt(LATE).build();

        assertThat(bothWaitThenOnePlaceOpens(laterDeadline, earlierDeadline)).isEqualTo(earlierDeadline);
    }

    @Test
    void shouldGiveANewPlaceToTheEarlierArrivalAmongWaitlistedFamilies() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 arrivedLate =
                family(country).deadline(SOON).receivedAt(LATE).build();
        SamplingRequestReceivedV1 arrivedEarlier =
                family(country).deadline(SOON).receivedAt(EARLIER).build();

        assertThat(bothWaitThenOnePlaceOpens(arrivedLate, arrivedEarlier)).isEqualTo(arrivedEarlier);
    }

    @Test
    void shouldNeverBookAnAdHocFamilyAutomatically() {
        String country = uniqueCountry();
        // First in serving order, so the pass that books the other family has already passed it by.
        SamplingRequestReceivedV1 adHoc =
                family(country).adHoc().priority(Priority.UNACCOMPANIED_MINOR).build();
        SamplingRequestReceivedV1 regular = family(country).build();

        scheduling.receive(List.of(slot(country + "-AAA", daysAhead(5, 9), 2)), List.of(adHoc, regular));

        scheduling.awaitBooked(regular.requestId());
        assertThat(scheduling.liveAppointment(adHoc.requestId())).isEmpty();
        assertThat(scheduling.family(adHoc.requestId()).waitlistedAt)
                .as("never even tried")
                .isNull();
    }

    private static SlotOpenedV1 onePlace(String country) {
        return slot(country + "-AAA", daysAhead(6, 9), 1);
    }

    /** Both families find no day and are waitlisted; then a one-place slot opens. Returns the one booked. */
    private SamplingRequestReceivedV1 bothWaitThenOnePlaceOpens(
            SamplingRequestReceivedV1 first, SamplingRequestReceivedV1 second) {
        scheduling.receive(first, second);
        scheduling.awaitWaitlisted(first.requestId());
        scheduling.awaitWaitlisted(second.requestId());

        scheduling.open(onePlace(first.country()));

        return scheduling
                        .awaitFirstBooked(first.requestId(), second.requestId())
                        .equals(first.requestId())
                ? first
                : second;
    }
}
