package org.iom.dna.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.ContactAttemptRecordedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.intake.service.CaseProgressService;
import org.iom.dna.platform.messaging.Inbox;

/** Follows scheduling's and notification's reports so the IND can read each case's status here. */
@ApplicationScoped
public class ProgressEventsConsumer {

    private final Inbox inbox;
    private final CaseProgressService progress;

    ProgressEventsConsumer(Inbox inbox, CaseProgressService progress) {
        this.inbox = inbox;
        this.progress = progress;
    }

    @Incoming("appointments")
    @Blocking
    public void onScheduling(ConsumerRecord<String, String> record) {
        inbox.process("intake.appointments", record, event -> {
            switch (event.type()) {
                case AppointmentBookedV1.TYPE -> progress.appointmentBooked(event.payloadAs(AppointmentBookedV1.class));
                case FamilyWaitlistedV1.TYPE -> progress.waitlisted(event.payloadAs(FamilyWaitlistedV1.class));
                case AppointmentCancelledV1.TYPE -> progress.appointmentCancelled(event.payloadAs(AppointmentCancelledV1.class));
                case AttendanceRecordedV1.TYPE -> progress.attendanceRecorded(event.payloadAs(AttendanceRecordedV1.class));
                default -> {
                    // Other scheduling events do not change what intake shows.
                }
            }
        });
    }

    @Incoming("deliveries")
    @Blocking
    public void onNotification(ConsumerRecord<String, String> record) {
        inbox.process("intake.deliveries", record, event -> {
            switch (event.type()) {
                case ContactAttemptRecordedV1.TYPE -> progress.contactAttempted(event.payloadAs(ContactAttemptRecordedV1.class));
                case MemberUnreachableV1.TYPE -> progress.memberUnreachable(event.payloadAs(MemberUnreachableV1.class));
                default -> {
                    // Other notification events do not change what intake shows.
                }
            }
        });
    }
}
