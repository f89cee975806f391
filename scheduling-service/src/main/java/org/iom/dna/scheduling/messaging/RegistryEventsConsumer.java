package org.iom.dna.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.scheduling.service.ReplicaService;

@ApplicationScoped
public class RegistryEventsConsumer {

    private final Inbox inbox;
    private final ReplicaService replicas;

    RegistryEventsConsumer(Inbox inbox, ReplicaService replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming("slots")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive("scheduling.slots", record).ifPresent(event -> {
            if (SlotOpenedV1.TYPE.equals(event.type())) {
                replicas.slotOpened(event.payloadAs(SlotOpenedV1.class));
            }
        });
    }
}
