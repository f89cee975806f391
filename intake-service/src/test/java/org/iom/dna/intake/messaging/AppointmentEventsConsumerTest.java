package org.iom.dna.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.platform.messaging.DeadLetter;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** intake.appointments applies each of scheduling's events once, in order, and parks what breaks the contract. */
@QuarkusTest
@TestProfile(InMemoryMessaging.class)
class AppointmentEventsConsumerTest {

    private static final String CONSUMER = "intake.appointments";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    IntakeApi api;

    @Inject
    ObjectMapper json;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private void deliver(Message<ConsumerRecord<String, String>> record) {
        connector
                .<Message<ConsumerRecord<String, String>>>source("appointments")
                .send(record);
    }

    private String deliver(UUID requestId, String type, Object event) {
        String eventId = UUID.randomUUID().toString();
        deliver(requestId, eventId, type, event);
        return eventId;
    }

    private void deliver(UUID requestId, String eventId, String type, Object event) {
        deliver(Records.record(json, Topics.APPOINTMENTS, requestId, eventId, type, event));
    }

    private void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(api.status(id)));
    }

    /** Records are applied in order: once this outcome shows, everything delivered before it was handled. */
    private void awaitOutcomeOfTheSon(UUID requestId, String outcome) {
        deliver(requestId, AttendanceRecordedV1.TYPE, Events.attended(requestId, Families.SON, outcome));
        await().atMost(PATIENCE)
                .until(() -> outcome.equals(api.get(Tokens.indSystem(), requestId.toString())
                        .extract()
                        .path("members[1].outcome")));
    }

    private DeadLetter awaitParked(long offset) {
        return await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, offset), Optional::isPresent)
                .get();
    }

    @Test
    void shouldWaitlistTheFamilyWhenSchedulingFindsNoDay() {
        String id = api.submitted();

        deliver(UUID.fromString(id), FamilyWaitlistedV1.TYPE, Events.waitlisted(UUID.fromString(id)));

        awaitStatus(id, "WAITLISTED");
    }

    @Test
    void shouldScheduleTheFamilyWhenItIsBooked() {
        String id = api.submitted();

        deliver(UUID.fromString(id), AppointmentBookedV1.TYPE, Events.booked(UUID.fromString(id), UUID.randomUUID()));

        awaitStatus(id, "SCHEDULED");
    }

    @Test
    void shouldPutTheFamilyBackOnTheWaitlistWhenItsAppointmentIsWithdrawn() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID appointment = UUID.randomUUID();
        deliver(request, AppointmentBookedV1.TYPE, Events.booked(request, appointment));

        deliver(
                request,
                AppointmentCancelledV1.TYPE,
                Events.appointmentCancelled(request, appointment, "SLOT_WITHDRAWN"));

        awaitStatus(id, "WAITLISTED");
        assertThat(api.transitions(id)).containsExactly("RECEIVED", "SCHEDULED", "WAITLISTED");
    }

    @Test
    void shouldShowTheOutcomeWhenAttendanceIsRecorded() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);

        deliver(request, AttendanceRecordedV1.TYPE, Events.attended(request, Families.MOTHER, "SAMPLED"));

        awaitStatus(id, "PARTIALLY_SAMPLED");
    }

    @Test
    void shouldApplyARedeliveredBookingOnlyOnce() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID appointment = UUID.randomUUID();
        String bookingId = UUID.randomUUID().toString();
        AppointmentBookedV1 booking = Events.booked(request, appointment);
        deliver(request, bookingId, AppointmentBookedV1.TYPE, booking);
        deliver(
                request,
                AppointmentCancelledV1.TYPE,
                Events.appointmentCancelled(request, appointment, "SLOT_WITHDRAWN"));

        // The broker hands the booking over again (a rebalance): the family must not look booked again.
        deliver(request, bookingId, AppointmentBookedV1.TYPE, booking);
        awaitOutcomeOfTheSon(request, "EXCUSED");

        assertThat(api.status(id)).isEqualTo("WAITLISTED");
        assertThat(api.transitions(id)).containsExactly("RECEIVED", "SCHEDULED", "WAITLISTED");
    }

    @Test
    void shouldPassOverEventTypesIntakeDoesNotFollow() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);

        String other =
                deliver(request, "org.iom.dna.scheduling.SomethingNew.v1", Events.booked(request, UUID.randomUUID()));
        awaitOutcomeOfTheSon(request, "EXCUSED");

        assertThat(api.status(id)).isEqualTo("RECEIVED");
        assertThat(Records.parked(CONSUMER, other)).isEmpty();
    }

    @Test
    void shouldParkARecordWithoutCloudEventsId() {
        String id = api.submitted();
        Message<ConsumerRecord<String, String>> anonymous = Records.record(
                Topics.APPOINTMENTS,
                id,
                null,
                FamilyWaitlistedV1.TYPE,
                api.json(Events.waitlisted(UUID.fromString(id))));

        deliver(anonymous);

        DeadLetter parked = awaitParked(Records.offset(anonymous));
        assertThat(parked.topic).isEqualTo(Topics.APPOINTMENTS);
        assertThat(parked.key).isEqualTo(id);
        assertThat(parked.reason).startsWith("contract violation: ");
    }

    @Test
    void shouldKeepConsumingAfterParkingARecord() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        deliver(Records.record(
                Topics.APPOINTMENTS, id, null, FamilyWaitlistedV1.TYPE, api.json(Events.waitlisted(request))));

        deliver(request, FamilyWaitlistedV1.TYPE, Events.waitlisted(request));

        awaitStatus(id, "WAITLISTED");
    }

    @Test
    void shouldNotApplyAParkedRecord() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        Message<ConsumerRecord<String, String>> anonymous = Records.record(
                Topics.APPOINTMENTS, id, null, FamilyWaitlistedV1.TYPE, api.json(Events.waitlisted(request)));

        deliver(anonymous);
        awaitParked(Records.offset(anonymous));

        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }

    @Test
    void shouldParkAnEventThatDoesNotMatchItsContractNamingThePath() {
        String id = api.submitted();
        ObjectNode broken =
                api.tree(Events.booked(UUID.fromString(id), UUID.randomUUID())).put("localDate", "next Tuesday");
        String eventId = deliver(UUID.fromString(id), AppointmentBookedV1.TYPE, broken);

        DeadLetter parked = await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, eventId), letters -> !letters.isEmpty())
                .get(0);

        assertThat(parked.reason).contains("AppointmentBookedV1", "$.localDate");
    }

    @Test
    void shouldKeepPayloadValuesOutOfTheParkingReason() {
        String id = api.submitted();
        ObjectNode broken =
                api.tree(Events.booked(UUID.fromString(id), UUID.randomUUID())).put("localDate", "next Tuesday");
        String eventId = deliver(UUID.fromString(id), AppointmentBookedV1.TYPE, broken);

        DeadLetter parked = await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, eventId), letters -> !letters.isEmpty())
                .get(0);

        assertThat(parked.reason).doesNotContain("next Tuesday", Events.CENTRE);
    }

    @Test
    void shouldParkAnEventAboutACaseIntakeDoesNotHave() {
        UUID unknown = UUID.randomUUID();

        String eventId = deliver(unknown, FamilyWaitlistedV1.TYPE, Events.waitlisted(unknown));

        DeadLetter parked = await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, eventId), letters -> !letters.isEmpty())
                .get(0);
        assertThat(parked.reason).isEqualTo("contract violation: event names unknown request " + unknown);
        assertThat(parked.eventType).isEqualTo(FamilyWaitlistedV1.TYPE);
    }

    @Test
    void shouldParkAnAttendanceForAMemberTheCaseDoesNotHave() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);

        String eventId = deliver(request, AttendanceRecordedV1.TYPE, Events.attended(request, "P-99", "SAMPLED"));

        DeadLetter parked = await().atMost(PATIENCE)
                .until(() -> Records.parked(CONSUMER, eventId), letters -> !letters.isEmpty())
                .get(0);
        assertThat(parked.reason).isEqualTo("contract violation: attendance names an unknown member of " + id);
    }
}
