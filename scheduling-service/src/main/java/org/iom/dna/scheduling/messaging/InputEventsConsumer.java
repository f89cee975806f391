package org.iom.dna.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.scheduling.service.CancellationService;
import org.iom.dna.scheduling.service.ReplicaService;
import org.iom.dna.scheduling.service.RescheduleService;

/** What scheduling decides on: families from intake, slots from the registry. */
@ApplicationScoped
public class InputEventsConsumer {

    private final Inbox inbox;
    private final ReplicaService replicas;
    private final CancellationService cancellations;
    private final RescheduleService reschedule;

    InputEventsConsumer(Inbox inbox, ReplicaService replicas, CancellationService cancellations,
            RescheduleService reschedule) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.cancellations = cancellations;
        this.reschedule = reschedule;
    }

    @Incoming("sampling-requests")
    @Blocking
    public void onIntake(ConsumerRecord<String, String> record) {
        inbox.process("scheduling.sampling-requests", record, event -> {
            switch (event.type()) {
                case SamplingRequestReceivedV1.TYPE -> replicas.familyReceived(event.payloadAs(SamplingRequestReceivedV1.class));
                case SamplingRequestCancelledV1.TYPE -> cancellations.requestCancelled(event.payloadAs(SamplingRequestCancelledV1.class));
                default -> {
                    // Contact amendments do not change scheduling.
                }
            }
        });
    }

    @Incoming("slots")
    @Blocking
    public void onRegistry(ConsumerRecord<String, String> record) {
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
