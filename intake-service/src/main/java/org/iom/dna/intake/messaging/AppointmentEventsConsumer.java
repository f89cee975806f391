package org.iom.dna.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.intake.service.SamplingRequestService;
import org.iom.dna.platform.messaging.Inbox;

/** Follows scheduling's decisions so the IND can read each case's status here. */
@ApplicationScoped
public class AppointmentEventsConsumer {

    private final Inbox inbox;
    private final SamplingRequestService requests;

    AppointmentEventsConsumer(Inbox inbox, SamplingRequestService requests) {
        this.inbox = inbox;
        this.requests = requests;
    }

    @Incoming("appointments")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive("intake.appointments", record).ifPresent(event -> {
            if (AppointmentBookedV1.TYPE.equals(event.type())) {
                requests.appointmentBooked(event.payloadAs(AppointmentBookedV1.class));
            }
        });
    }
}
