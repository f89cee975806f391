package org.iom.dna.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;
import org.iom.dna.scheduling.service.ReplicaService;
import org.iom.dna.scheduling.service.RescheduleService;

/** Slots from the registry: new capacity to book, and changes that may move booked families. */
@ApplicationScoped
public class SlotEventsConsumer implements EventHandler {

    private final Inbox inbox;
    private final ReplicaService replicas;
    private final RescheduleService reschedule;

    SlotEventsConsumer(Inbox inbox, ReplicaService replicas, RescheduleService reschedule) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.reschedule = reschedule;
    }

    @Incoming("slots")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
    }

    @Override
    public String consumer() {
        return "scheduling.slots";
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case SlotOpenedV1.TYPE -> replicas.slotOpened(event.payloadAs(SlotOpenedV1.class));
            case SlotChangedV1.TYPE -> reschedule.slotChanged(event.payloadAs(SlotChangedV1.class));
            case SlotWithdrawnV1.TYPE -> reschedule.slotWithdrawn(event.payloadAs(SlotWithdrawnV1.class));
            // A centre that stops working withdraws its slots with their own events; this keeps its languages.
            case CentreChangedV1.TYPE -> replicas.centreChanged(event.payloadAs(CentreChangedV1.class));
            case InterpreterRosterChangedV1.TYPE ->
                replicas.interpreterRosterChanged(event.payloadAs(InterpreterRosterChangedV1.class));
            default -> {
                // Event types added later by the registry: nothing scheduling needs yet.
            }
        }
    }
}
