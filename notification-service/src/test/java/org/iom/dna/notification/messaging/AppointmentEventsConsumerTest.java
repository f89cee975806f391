package org.iom.dna.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.platform.messaging.DeadLetter;
import org.iom.dna.platform.messaging.DeadLetters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the consumer of {@code scheduling.appointments.v1} handles each record, fed through the in-memory
 * connector (ConfirmationDeliveryTest does the real round trip through Kafka). Members are ones intake is
 * down for, so that their deliveries stay pending while a test looks.
 */
@QuarkusTest
@TestProfile(InMemoryAppointments.class)
class AppointmentEventsConsumerTest {

    private static final String CONSUMER = "notification.appointments";
    private static final Duration APPLIED = Duration.ofSeconds(10);
    // Offsets unique across runs: a dead letter is known by its topic, partition and offset.
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryService deliveries;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    private InMemorySource<ConsumerRecord<String, String>> appointments;

    @BeforeEach
    void openTheChannel() {
        appointments = connector.source(InMemoryAppointments.CHANNEL);
    }

    @Test
    void shouldCreateAConfirmationForEachMemberWhenAFamilyIsBooked() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member(), member());

        send(booked.requestId(), AppointmentBookedV1.TYPE, write(booked));

        assertThat(awaitDeliveries(booked.requestId(), 2))
                .extracting(d -> d.memberRef)
                .containsExactlyInAnyOrderElementsOf(booked.members().stream()
                        .map(AppointmentBookedV1.BookedMember::memberRef)
                        .toList());
    }

    @Test
    void shouldCancelThePendingMessagesWhenTheAppointmentIsCancelled() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        // Back to back, as scheduling sends a move: the dispatcher (which gives up at once in this profile)
        // must not get to the message between the two, or it would no longer be pending.
        send(booked.requestId(), AppointmentBookedV1.TYPE, write(booked));
        send(booked.requestId(), AppointmentCancelledV1.TYPE, write(Bookings.cancelled(booked)));

        await().atMost(APPLIED)
                .until(() ->
                        forRequest(booked.requestId()).stream().anyMatch(d -> d.status == DeliveryStatus.CANCELLED));
    }

    @Test
    void shouldCreateTheMessagesOnceWhenABookingIsDeliveredAgain() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        String eventId = UUID.randomUUID().toString();
        send(booked.requestId(), AppointmentBookedV1.TYPE, write(booked), eventId);
        send(booked.requestId(), AppointmentBookedV1.TYPE, write(booked), eventId);
        // A later event for the same family: once it is applied, the redelivery before it was handled.
        FamilyWaitlistedV1 later = new FamilyWaitlistedV1(booked.requestId(), Instant.now(), List.of());
        String laterId = send(booked.requestId(), FamilyWaitlistedV1.TYPE, write(later));

        await().atMost(APPLIED).until(() -> seen(laterId));

        assertThat(forRequest(booked.requestId())).hasSize(1);
    }

    @Test
    void shouldTellEachWaitingMemberThatTheyWaitForADate() {
        UUID requestId = UUID.randomUUID();
        String first = member();
        String second = member();

        String eventId = send(
                requestId,
                FamilyWaitlistedV1.TYPE,
                write(new FamilyWaitlistedV1(requestId, Instant.now(), List.of(first, second))));

        await().atMost(APPLIED).until(() -> seen(eventId));
        assertThat(all(requestId))
                .extracting(d -> d.memberRef, d -> d.kind)
                .containsExactlyInAnyOrder(
                        tuple(first, DeliveryService.WAITLISTED), tuple(second, DeliveryService.WAITLISTED));
        assertThat(parked(requestId)).isEmpty();
    }

    @Test
    void shouldReadAWaitlistedEventThatNamesNoMembers() {
        UUID requestId = UUID.randomUUID();

        String eventId = send(
                requestId,
                FamilyWaitlistedV1.TYPE,
                "{\"requestId\": \"" + requestId + "\", \"waitlistedAt\": \"2026-11-28T09:15:03Z\"}");

        await().atMost(APPLIED).until(() -> seen(eventId));
        assertThat(all(requestId)).isEmpty();
        assertThat(parked(requestId)).isEmpty();
    }

    @Test
    void shouldTellATentativelyBookedFamilyOnlyThatADateWillFollow() {
        AppointmentBookedV1 tentative =
                Bookings.booked(UUID.randomUUID(), member(), member()).withTentative(true);

        String eventId = send(tentative.requestId(), AppointmentBookedV1.TYPE, write(tentative));

        await().atMost(APPLIED).until(() -> seen(eventId));
        assertThat(all(tentative.requestId()))
                .extracting(d -> d.kind)
                .containsOnly(DeliveryService.WAITLISTED)
                .hasSize(2);
        assertThat(all(tentative.requestId()))
                .as("the day to expect, which the notice names")
                .extracting(d -> d.localDate)
                .containsOnly(tentative.localDate());
    }

    @Test
    void shouldTellAFamilyMovedWhileTentativeOnlyOfTheDayConfirmed() {
        AppointmentBookedV1 first = Bookings.booked(UUID.randomUUID(), member()).withTentative(true);
        AppointmentBookedV1 replanned = Bookings.movedFrom(first, 14).withTentative(true);

        send(first.requestId(), AppointmentBookedV1.TYPE, write(first));
        send(first.requestId(), AppointmentCancelledV1.TYPE, write(Bookings.cancelled(first, "REPLANNED")));
        send(first.requestId(), AppointmentBookedV1.TYPE, write(replanned));
        String confirmedId = send(
                first.requestId(),
                AppointmentConfirmedV1.TYPE,
                write(new AppointmentConfirmedV1(
                        replanned.appointmentId(),
                        replanned.requestId(),
                        Instant.now(),
                        replanned.withTentative(false))));

        await().atMost(APPLIED).until(() -> seen(confirmedId));
        // The waiting notice, still pending here, gives way to the confirmation of the day as it stands (and its
        // reminders).
        assertThat(all(first.requestId()))
                .filteredOn(d -> d.status != DeliveryStatus.CANCELLED && !d.kind.contains("REMINDER"))
                .extracting(d -> d.kind, d -> d.appointmentId, d -> d.localDate)
                .containsExactly(tuple(DeliveryService.CONFIRMATION, replanned.appointmentId(), replanned.localDate()));
        assertThat(all(first.requestId()))
                .extracting(d -> d.kind)
                .doesNotContain(DeliveryService.CANCELLED, DeliveryService.MOVED);
    }

    @Test
    void shouldPassOverAnEventTypeItDoesNotKnow() {
        UUID requestId = UUID.randomUUID();

        String eventId =
                send(requestId, "org.iom.dna.scheduling.SomethingNew.v1", "{\"requestId\": \"" + requestId + "\"}");

        await().atMost(APPLIED).until(() -> seen(eventId));
        assertThat(parked(requestId)).isEmpty();
    }

    @Test
    void shouldReadABookingWithAFieldANewerProducerAdded() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        ObjectNode newer = json.valueToTree(booked);
        newer.put("language", "ti");

        send(booked.requestId(), AppointmentBookedV1.TYPE, newer.toString());

        assertThat(awaitDeliveries(booked.requestId(), 1)).hasSize(1);
    }

    @Test
    void shouldParkABookingThatDoesNotFitItsContract() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());
        ObjectNode broken = json.valueToTree(booked);
        broken.put("members", "P-100231");

        send(booked.requestId(), AppointmentBookedV1.TYPE, broken.toString());

        DeadLetter letter = await().atMost(APPLIED)
                .until(() -> parked(booked.requestId()), l -> !l.isEmpty())
                .get(0);
        assertThat(letter.reason).contains("does not match AppointmentBookedV1 at $.members");
        assertThat(letter.eventType).isEqualTo(AppointmentBookedV1.TYPE);
        assertThat(forRequest(booked.requestId())).isEmpty();
    }

    @Test
    void shouldParkARecordWithoutAnEventType() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member());

        send(booked.requestId(), null, write(booked));

        DeadLetter letter = await().atMost(APPLIED)
                .until(() -> parked(booked.requestId()), l -> !l.isEmpty())
                .get(0);
        assertThat(letter.reason).contains("no CloudEvents id/type");
        assertThat(forRequest(booked.requestId())).isEmpty();
    }

    private String send(UUID requestId, String type, String payload) {
        return send(requestId, type, payload, UUID.randomUUID().toString());
    }

    /** Sends a record as scheduling's relay writes it: keyed by request, CloudEvents metadata in headers. */
    private String send(UUID requestId, String type, String payload, String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                "test." + Topics.APPOINTMENTS, 0, OFFSETS.incrementAndGet(), requestId.toString(), payload);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        appointments.send(record);
        return eventId;
    }

    private List<Delivery> awaitDeliveries(UUID requestId, int count) {
        return await().atMost(APPLIED).until(() -> forRequest(requestId), list -> list.size() == count);
    }

    private boolean seen(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                                "select count(*) from inbox_event where consumer = ?1 and event_id = ?2")
                                        .setParameter(1, CONSUMER)
                                        .setParameter(2, eventId)
                                        .getSingleResult())
                                .longValue()
                        > 0);
    }

    private List<DeadLetter> parked(UUID requestId) {
        return deadLetters.parked(CONSUMER, 1000).stream()
                .filter(d -> requestId.toString().equals(d.key))
                .toList();
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String member() {
        return Bookings.member(IntakeContactStub.DOWN);
    }

    /** The request's deliveries, read in a transaction of its own (Awaitility polls on another thread). */
    private List<Delivery> all(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.forRequest(requestId));
    }

    private List<Delivery> forRequest(UUID requestId) {
        // The confirmations; the reminders that come with each booking are left out.
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.forRequest(requestId).stream()
                        .filter(d -> d.kind.equals(DeliveryService.CONFIRMATION))
                        .toList());
    }
}
