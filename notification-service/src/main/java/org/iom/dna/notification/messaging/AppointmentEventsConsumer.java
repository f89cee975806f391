package org.iom.dna.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;

/** Appointments from scheduling: each booking and cancellation becomes deliveries to the family. */
@ApplicationScoped
public class AppointmentEventsConsumer implements EventHandler {

    private final Inbox inbox;
    private final DeliveryService deliveries;

    AppointmentEventsConsumer(Inbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming("appointments")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
    }

    @Override
    public String consumer() {
        return "notification.appointments";
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case AppointmentBookedV1.TYPE -> deliveries.appointmentBooked(event.payloadAs(AppointmentBookedV1.class));
            case AppointmentCancelledV1.TYPE ->
                deliveries.appointmentCancelled(event.payloadAs(AppointmentCancelledV1.class));
            default -> {
                // Waitlist and attendance events need no message yet.
            }
        }
    }
}
