package org.iom.dna.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.scheduling.service.ReplicaService;

@ApplicationScoped
public class IntakeEventsConsumer {

    private final Inbox inbox;
    private final ReplicaService replicas;

    IntakeEventsConsumer(Inbox inbox, ReplicaService replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming("sampling-requests")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive("scheduling.sampling-requests", record).ifPresent(event -> {
            if (SamplingRequestReceivedV1.TYPE.equals(event.type())) {
                replicas.familyReceived(event.payloadAs(SamplingRequestReceivedV1.class));
            }
        });
    }
}
