package org.iom.dna.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.platform.messaging.Inbox;

@ApplicationScoped
public class AppointmentEventsConsumer {

    private final Inbox inbox;
    private final DeliveryService deliveries;

    AppointmentEventsConsumer(Inbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming("appointments")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive("notification.appointments", record).ifPresent(event -> {
            if (AppointmentBookedV1.TYPE.equals(event.type())) {
                deliveries.appointmentBooked(event.payloadAs(AppointmentBookedV1.class));
            }
        });
    }
}
