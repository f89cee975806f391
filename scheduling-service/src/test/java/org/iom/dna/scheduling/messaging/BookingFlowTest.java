package org.iom.dna.scheduling.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.iom.dna.scheduling.testdata.Events.cancelled;
import static org.iom.dna.scheduling.testdata.Events.changed;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.withdrawn;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.events.Topics;
import org.iom.dna.scheduling.testdata.Events;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Drives scheduling through the real broker: slots and families arrive as registry and intake
 * publish them, decisions leave on the appointments topic. Each test uses its own made-up country
 * so that its slots are the only ones that can match.
 */
@QuarkusTest
class BookingFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The test profile's name of a topic (prefixed, so a running suite never sees it). */
    private static String topic(String name) {
        return ConfigProvider.getConfig()
                        .getOptionalValue("dna.topic-prefix", String.class)
                        .orElse("")
                + name;
    }

    @Inject
    SchedulingState scheduling;

    private void publish(SlotOpenedV1 slot) {
        TopicProbe.publish(topic(Topics.SLOTS), slot.centreCode(), SlotOpenedV1.TYPE, scheduling.write(slot));
    }

    private void publish(SlotChangedV1 change) {
        TopicProbe.publish(topic(Topics.SLOTS), change.centreCode(), SlotChangedV1.TYPE, scheduling.write(change));
    }

    private void publish(SlotWithdrawnV1 withdrawal) {
        TopicProbe.publish(
                topic(Topics.SLOTS), withdrawal.centreCode(), SlotWithdrawnV1.TYPE, scheduling.write(withdrawal));
    }

    private void publish(SamplingRequestReceivedV1 family) {
        TopicProbe.publish(
                topic(Topics.SAMPLING_REQUESTS),
                family.requestId().toString(),
                SamplingRequestReceivedV1.TYPE,
                scheduling.write(family));
    }

    private void publish(SamplingRequestCancelledV1 cancellation) {
        TopicProbe.publish(
                topic(Topics.SAMPLING_REQUESTS),
                cancellation.requestId().toString(),
                SamplingRequestCancelledV1.TYPE,
                scheduling.write(cancellation));
    }

    private static Predicate<ConsumerRecord<String, String>> event(String type, UUID requestId) {
        return r -> type.equals(TopicProbe.header(r, "ce_type"))
                && requestId.toString().equals(r.key());
    }

    private AppointmentBookedV1 booking(ConsumerRecord<String, String> record) {
        return scheduling.read(record.value(), AppointmentBookedV1.class);
    }

    @Test
    void shouldBookTheFamilyIntoTheEarliestDayItFitsAndPublishTheAppointment() {
        String centre = uniqueCountry() + "-AAA";
        SlotOpenedV1 tooSmall = slot(centre, daysAhead(5, 9), 1);
        SlotOpenedV1 fits = slot(centre, daysAhead(6, 9), 2);
        publish(tooSmall);
        publish(fits);
        SamplingRequestReceivedV1 family = family(tooSmall.country()).adults(2).build();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(family);

            AppointmentBookedV1 booked =
                    booking(appointments.await(event(AppointmentBookedV1.TYPE, family.requestId()), WAIT));

            assertThat(booked.localDate()).isEqualTo(fits.localDate());
            assertThat(booked.members())
                    .extracting(AppointmentBookedV1.BookedMember::slotId)
                    .containsOnly(fits.slotId());
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + family.requestId())
                .then()
                .statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("appointment.centreCode", equalTo(centre))
                .body("appointment.members.size()", equalTo(2));
    }

    @Test
    void shouldServeTheHigherPriorityFirstWhenCapacityAppearsForWaitlistedFamilies() {
        String country = uniqueCountry();
        LocalDate deadline = LocalDate.now(Events.UTC).plusMonths(1);
        SamplingRequestReceivedV1 standard = family(country).deadline(deadline).build();
        SamplingRequestReceivedV1 medical =
                family(country).priority(Priority.MEDICAL).deadline(deadline).build();
        publish(standard);
        publish(medical);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(waitlist())
                        .filteredOn(id -> id.equals(standard.requestId().toString())
                                || id.equals(medical.requestId().toString()))
                        .containsExactly(
                                medical.requestId().toString(),
                                standard.requestId().toString()));

        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(slot(country + "-BBB", daysAhead(7, 10), 1));

            ConsumerRecord<String, String> booked = appointments.await(
                    event(AppointmentBookedV1.TYPE, medical.requestId())
                            .or(event(AppointmentBookedV1.TYPE, standard.requestId())),
                    WAIT);
            assertThat(booked.key())
                    .as("one place: the medical case goes first")
                    .isEqualTo(medical.requestId().toString());
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + standard.requestId())
                .then()
                .statusCode(200)
                .body("status", equalTo("WAITING"));
    }

    @Test
    void shouldFreeTheSlotWhenTheIndCancelsAndBookTheNextFamily() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 first =
                family(country).priority(Priority.URGENT).build();
        SamplingRequestReceivedV1 second = family(country).build();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(slot(country + "-CCC", daysAhead(6, 8), 1));
            publish(first);
            appointments.await(event(AppointmentBookedV1.TYPE, first.requestId()), WAIT);
            publish(second);
            appointments.await(event(FamilyWaitlistedV1.TYPE, second.requestId()), WAIT);

            publish(cancelled(first.requestId()));

            appointments.await(event(AppointmentCancelledV1.TYPE, first.requestId()), WAIT);
            appointments.await(event(AppointmentBookedV1.TYPE, second.requestId()), WAIT);
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + first.requestId())
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldMoveTheWholeFamilyWhenItsSlotIsWithdrawn() {
        String centre = uniqueCountry() + "-DDD";
        SlotOpenedV1 first = slot(centre, daysAhead(8, 9), 2);
        SlotOpenedV1 second = slot(centre, daysAhead(9, 9), 2);
        SamplingRequestReceivedV1 family = family(first.country()).adults(2).build();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(first);
            publish(family);
            appointments.await(event(AppointmentBookedV1.TYPE, family.requestId()), WAIT);
            publish(second);

            publish(withdrawn(first));

            AppointmentCancelledV1 cancelled = scheduling.read(
                    appointments
                            .await(event(AppointmentCancelledV1.TYPE, family.requestId()), WAIT)
                            .value(),
                    AppointmentCancelledV1.class);
            assertThat(cancelled.reason()).isEqualTo("SLOT_WITHDRAWN");
            AppointmentBookedV1 moved = booking(appointments.await(
                    event(AppointmentBookedV1.TYPE, family.requestId())
                            .and(r -> booking(r).sequence() == 1),
                    WAIT));
            assertThat(moved.members())
                    .extracting(AppointmentBookedV1.BookedMember::slotId)
                    .containsOnly(second.slotId());
        }
    }

    @Test
    void shouldMoveTheWholeFamilyRatherThanSplitItWhenItsSlotIsCut() {
        String centre = uniqueCountry() + "-DDD";
        SlotOpenedV1 first = slot(centre, daysAhead(8, 9), 2);
        SlotOpenedV1 second = slot(centre, daysAhead(9, 9), 2);
        SamplingRequestReceivedV1 family = family(first.country()).adults(2).build();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(first);
            publish(family);
            appointments.await(event(AppointmentBookedV1.TYPE, family.requestId()), WAIT);
            publish(second);

            publish(changed(first, 1, "OPEN"));

            AppointmentBookedV1 moved = booking(appointments.await(
                    event(AppointmentBookedV1.TYPE, family.requestId())
                            .and(r -> booking(r).sequence() == 1),
                    WAIT));
            assertThat(moved.members())
                    .as("the family stays together, not split 1 + 1")
                    .extracting(AppointmentBookedV1.BookedMember::slotId)
                    .containsOnly(second.slotId());
        }
    }

    @Test
    void shouldNeverBookInsideTheTravelLeadTime() {
        String centre = uniqueCountry() + "-EEE";
        SlotOpenedV1 tooSoon = slot(centre, daysAhead(1, 9), 2); // the lead time is 2 days
        SlotOpenedV1 inTime = slot(centre, daysAhead(5, 9), 2);
        publish(tooSoon);
        publish(inTime);
        SamplingRequestReceivedV1 family = family(tooSoon.country()).build();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(family);

            AppointmentBookedV1 booked =
                    booking(appointments.await(event(AppointmentBookedV1.TYPE, family.requestId()), WAIT));
            assertThat(booked.members())
                    .extracting(AppointmentBookedV1.BookedMember::slotId)
                    .containsOnly(inTime.slotId());
        }
    }

    @Test
    void shouldWaitlistRatherThanBookAfterTheDeadline() {
        LocalDate deadline = LocalDate.now(Events.UTC).plusDays(10);
        SlotOpenedV1 tooLate =
                slot(uniqueCountry() + "-FFF", deadline.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC), 2);
        publish(tooLate);
        SamplingRequestReceivedV1 family =
                family(tooLate.country()).deadline(deadline).build();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            publish(family);

            ConsumerRecord<String, String> decided =
                    appointments.await(r -> family.requestId().toString().equals(r.key()), WAIT);
            assertThat(TopicProbe.header(decided, "ce_type")).isEqualTo(FamilyWaitlistedV1.TYPE);
        }
    }

    @Test
    void shouldListTheWaitlistByDeadlineThenArrivalWithinOnePriority() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 laterDeadline =
                family(country).deadline(LocalDate.now(Events.UTC).plusDays(40)).build();
        SamplingRequestReceivedV1 earlierDeadline =
                family(country).deadline(LocalDate.now(Events.UTC).plusDays(20)).build();
        SamplingRequestReceivedV1 arrivedLast = family(country)
                .deadline(LocalDate.now(Events.UTC).plusDays(20))
                .receivedAt(earlierDeadline.receivedAt().plusSeconds(1))
                .build();
        publish(laterDeadline);
        publish(earlierDeadline);
        publish(arrivedLast);
        List<String> expected = List.of(
                earlierDeadline.requestId().toString(),
                arrivedLast.requestId().toString(),
                laterDeadline.requestId().toString());

        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(waitlist()).filteredOn(expected::contains).containsExactlyElementsOf(expected));
    }

    private static List<String> waitlist() {
        return given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/waitlist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("requestId", String.class);
    }
}
