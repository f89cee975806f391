package org.iom.dna.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.SamplingRequestErasedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;
import org.iom.dna.scheduling.service.CancellationService;
import org.iom.dna.scheduling.service.ErasureService;
import org.iom.dna.scheduling.service.ReplicaService;
import org.iom.dna.scheduling.service.WaitlistService;

/** Families from intake: a new family to book, a cancelled one to release, an erased one to forget. */
@ApplicationScoped
public class SamplingRequestEventsConsumer implements EventHandler {

    private final Inbox inbox;
    private final ReplicaService replicas;
    private final CancellationService cancellations;
    private final ErasureService erasures;
    private final WaitlistService waitlist;

    SamplingRequestEventsConsumer(
            Inbox inbox,
            ReplicaService replicas,
            CancellationService cancellations,
            ErasureService erasures,
            WaitlistService waitlist) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.cancellations = cancellations;
        this.erasures = erasures;
        this.waitlist = waitlist;
    }

    @Incoming("sampling-requests")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
        // The online path: a new family is booked now, not on the waitlist's next pass.
        waitlist.bookArrivals();
    }

    @Override
    public String consumer() {
        return "scheduling.sampling-requests";
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case SamplingRequestReceivedV1.TYPE ->
                replicas.familyReceived(event.payloadAs(SamplingRequestReceivedV1.class));
            case SamplingRequestCancelledV1.TYPE ->
                cancellations.requestCancelled(event.payloadAs(SamplingRequestCancelledV1.class));
            case SamplingRequestErasedV1.TYPE -> erasures.requestErased(event.payloadAs(SamplingRequestErasedV1.class));
            default -> {
                // Contact amendments do not change scheduling.
            }
        }
    }
}
