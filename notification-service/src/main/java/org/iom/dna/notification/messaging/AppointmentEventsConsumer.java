package org.iom.dna.notification.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.FamilyErasedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.notification.service.ErasureService;
import org.iom.dna.notification.webhook.WebhookService;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;
import org.jboss.logging.Logger;

/**
 * Appointments from scheduling: each confirmed booking and each cancellation of one becomes deliveries to the family
 * (a tentative booking is not told: it may still move), and every event a webhook to the IND; an erased family's
 * records are made anonymous.
 */
@ApplicationScoped
public class AppointmentEventsConsumer implements EventHandler {

    private static final Logger LOG = Logger.getLogger(AppointmentEventsConsumer.class);

    private final Inbox inbox;
    private final DeliveryService deliveries;
    private final WebhookService webhooks;
    private final ErasureService erasures;

    AppointmentEventsConsumer(
            Inbox inbox, DeliveryService deliveries, WebhookService webhooks, ErasureService erasures) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.erasures = erasures;
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

    /** The one field every appointment event has. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AboutRequest(UUID requestId) {}

    @Override
    public void apply(IncomingEvent event) {
        // The IND is told of every change to its case; the family of the appointments.
        UUID requestId = event.payloadAs(AboutRequest.class).requestId();
        LOG.infof("request %s: %s", requestId, event.type());
        webhooks.enqueue(event.id(), event.type(), requestId, event.payload());
        switch (event.type()) {
            case AppointmentBookedV1.TYPE -> deliveries.appointmentBooked(event.payloadAs(AppointmentBookedV1.class));
            case AppointmentConfirmedV1.TYPE ->
                deliveries.appointmentBooked(
                        event.payloadAs(AppointmentConfirmedV1.class).appointment());
            case AppointmentCancelledV1.TYPE ->
                deliveries.appointmentCancelled(event.payloadAs(AppointmentCancelledV1.class));
            case FamilyWaitlistedV1.TYPE -> deliveries.familyWaitlisted(event.payloadAs(FamilyWaitlistedV1.class));
            case FamilyErasedV1.TYPE -> erasures.familyErased(event.payloadAs(FamilyErasedV1.class));
            default -> {
                // Attendance and deadline events are for the IND (the webhook above), not for the family.
            }
        }
    }
}
