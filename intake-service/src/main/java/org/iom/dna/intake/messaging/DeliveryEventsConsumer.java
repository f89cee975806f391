package org.iom.dna.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.intake.service.CaseProgressService;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;

/** Follows notification's reports: every contact attempt, and members who could not be reached. */
@ApplicationScoped
public class DeliveryEventsConsumer implements EventHandler {

    private final Inbox inbox;
    private final CaseProgressService progress;

    DeliveryEventsConsumer(Inbox inbox, CaseProgressService progress) {
        this.inbox = inbox;
        this.progress = progress;
    }

    @Incoming("deliveries")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
    }

    @Override
    public String consumer() {
        return "intake.deliveries";
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case ContactAttemptRecordedV1.TYPE ->
                progress.contactAttempted(event.payloadAs(ContactAttemptRecordedV1.class));
            case MemberUnreachableV1.TYPE -> progress.memberUnreachable(event.payloadAs(MemberUnreachableV1.class));
            default -> {
                // Other notification events do not change what intake shows.
            }
        }
    }
}
