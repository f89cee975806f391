package org.iom.dna.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.scheduling.service.ReplicaService;
import org.iom.dna.scheduling.service.RescheduleService;

@ApplicationScoped
public class RegistryEventsConsumer {

    private final Inbox inbox;
    private final ReplicaService replicas;
    private final RescheduleService reschedule;

    RegistryEventsConsumer(Inbox inbox, ReplicaService replicas, RescheduleService reschedule) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.reschedule = reschedule;
    }

    @Incoming("slots")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("scheduling.slots", record, event -> {
            switch (event.type()) {
                case SlotOpenedV1.TYPE -> replicas.slotOpened(event.payloadAs(SlotOpenedV1.class));
                case SlotChangedV1.TYPE -> reschedule.slotChanged(event.payloadAs(SlotChangedV1.class));
                case SlotWithdrawnV1.TYPE -> reschedule.slotWithdrawn(event.payloadAs(SlotWithdrawnV1.class));
                default -> {
                    // CentreChangedV1: a centre that stops working withdraws its slots with their own events.
                }
            }
        });
    }
}
