package org.iom.dna.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.intake.service.RegistryCentres;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;

/** Follows the registry's centres, so intake can tell scheduling which centre is in a member's own city. */
@ApplicationScoped
public class CentreEventsConsumer implements EventHandler {

    private final Inbox inbox;
    private final RegistryCentres centres;

    CentreEventsConsumer(Inbox inbox, RegistryCentres centres) {
        this.inbox = inbox;
        this.centres = centres;
    }

    @Incoming("slots")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
    }

    @Override
    public String consumer() {
        return "intake.centres";
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case CentreChangedV1.TYPE -> centres.centreChanged(event.payloadAs(CentreChangedV1.class));
            default -> {
                // Slots, interpreter rosters and whatever else the registry sends: scheduling's business, not intake's.
            }
        }
    }
}
