package org.iom.dna.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** intake follows scheduling's events through the real broker, as published by scheduling's outbox relay. */
@QuarkusTest
class AppointmentEventsConsumerKafkaTest {

    private static final String TOPIC = "test." + Topics.APPOINTMENTS;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    IntakeApi api;

    private void publish(String id, String type, Object event) {
        TopicProbe.publish(TOPIC, id, type, api.json(event));
    }

    private void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(api.status(id)));
    }

    @Test
    void shouldShowTheFamilyScheduledWithEachMembersSlot() {
        String id = api.submitted();

        publish(id, AppointmentBookedV1.TYPE, Events.booked(UUID.fromString(id), UUID.randomUUID()));

        await().atMost(PATIENCE)
                .untilAsserted(() -> api.get(Tokens.indSystem(), id)
                        .statusCode(200)
                        .body("status", equalTo("SCHEDULED"))
                        .body("members[0].appointment.centreCode", equalTo(Events.CENTRE))
                        .body("members[0].appointment.localTime", equalTo("08:30:00"))
                        .body("members[1].appointment.zone", equalTo(Events.ZONE)));
        assertThat(api.transitions(id)).containsExactly("RECEIVED", "SCHEDULED");
    }

    @Test
    void shouldFollowTheFamilyFromTheWaitlistToSampled() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        publish(id, FamilyWaitlistedV1.TYPE, Events.waitlisted(request));
        awaitStatus(id, "WAITLISTED");

        publish(id, AttendanceRecordedV1.TYPE, Events.attended(request, Families.MOTHER, "SAMPLED"));
        publish(id, AttendanceRecordedV1.TYPE, Events.attended(request, Families.SON, "NO_SHOW"));
        awaitStatus(id, "PARTIALLY_SAMPLED");
        publish(id, AttendanceRecordedV1.TYPE, Events.attended(request, Families.SON, "SAMPLED"));
        awaitStatus(id, "SAMPLED");

        api.get(Tokens.indSystem(), id).body("members.outcome", everyItem(equalTo("SAMPLED")));
    }

    @Test
    void shouldShowTheFamilyBeingRescheduledWhenItsAppointmentIsWithdrawn() {
        String id = api.submitted();
        UUID request = UUID.fromString(id);
        UUID appointment = UUID.randomUUID();
        publish(id, AppointmentBookedV1.TYPE, Events.booked(request, appointment));
        awaitStatus(id, "SCHEDULED");

        publish(id, AppointmentCancelledV1.TYPE, Events.appointmentCancelled(request, appointment, "SLOT_WITHDRAWN"));

        awaitStatus(id, "WAITLISTED");
        api.get(Tokens.indSystem(), id).body("members[0].appointment", nullValue());
    }
}
