package org.iom.dna.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.domain.DeliveryStatus;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.notification.support.Mailbox;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are sent as soon as the booking that creates them is stored, several at once. The dispatcher's poll is
 * switched off here, so nothing else could send them.
 */
@QuarkusTest
@TestProfile(SendOnArrivalTest.NoPoll.class)
class SendOnArrivalTest {

    private static final Duration SENT = Duration.ofSeconds(20);

    public static class NoPoll extends InMemoryAppointments {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("notification.dispatch-interval", "off");
            return config;
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    @Test
    void shouldSendTheConfirmationAsSoonAsTheBookingArrives() throws JsonProcessingException {
        String member = Bookings.member(IntakeContactStub.MAIL);
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), member);

        send(booked);

        await().atMost(SENT)
                .until(() -> Mailbox.messages(IntakeContactStub.emailOf(member)).size() == 1);
    }

    @Test
    void shouldSendEveryMemberOfALargeFamily() throws JsonProcessingException {
        String[] members = new String[12];
        for (int i = 0; i < members.length; i++) {
            members[i] = Bookings.member(IntakeContactStub.MAIL);
        }
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), members);

        send(booked);

        await().atMost(SENT)
                .until(() -> deliveries(booked.requestId()).stream()
                                .filter(d -> d.status == DeliveryStatus.SENT)
                                .count()
                        == members.length);
        for (String member : members) {
            assertThat(Mailbox.messages(IntakeContactStub.emailOf(member))).hasSize(1);
        }
    }

    private static List<Delivery> deliveries(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("requestId", requestId));
    }

    private void send(AppointmentBookedV1 booked) throws JsonProcessingException {
        RecordHeaders headers = new RecordHeaders();
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        AppointmentBookedV1.TYPE,
                        "ce_source",
                        "/test",
                        "ce_time",
                        Instant.now().toString())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        connector
                .<ConsumerRecord<String, String>>source(InMemoryAppointments.CHANNEL)
                .send(new ConsumerRecord<>(
                        Topics.APPOINTMENTS,
                        0,
                        System.nanoTime(),
                        ConsumerRecord.NO_TIMESTAMP,
                        TimestampType.NO_TIMESTAMP_TYPE,
                        -1,
                        -1,
                        booked.requestId().toString(),
                        json.writeValueAsString(booked),
                        headers,
                        Optional.empty()));
    }
}
