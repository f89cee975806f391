package org.iom.dna.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.FamilyDeadlineAtRiskV1;
import org.iom.dna.events.FamilyUnreachableV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.intake.service.CaseProgressService;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;

/** Follows scheduling's reports (booked, waitlisted, cancelled, attended, unreachable) so the IND reads each case's status here. */
@ApplicationScoped
public class AppointmentEventsConsumer implements EventHandler {

    private final Inbox inbox;
    private final CaseProgressService progress;

    AppointmentEventsConsumer(Inbox inbox, CaseProgressService progress) {
        this.inbox = inbox;
        this.progress = progress;
    }

    @Incoming("appointments")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
    }

    @Override
    public String consumer() {
        return "intake.appointments";
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case AppointmentBookedV1.TYPE -> progress.appointmentBooked(event.payloadAs(AppointmentBookedV1.class));
            case AppointmentConfirmedV1.TYPE ->
                progress.appointmentConfirmed(event.payloadAs(AppointmentConfirmedV1.class));
            case FamilyWaitlistedV1.TYPE -> progress.waitlisted(event.payloadAs(FamilyWaitlistedV1.class));
            case AppointmentCancelledV1.TYPE ->
                progress.appointmentCancelled(event.payloadAs(AppointmentCancelledV1.class));
            case AttendanceRecordedV1.TYPE -> progress.attendanceRecorded(event.payloadAs(AttendanceRecordedV1.class));
            case FamilyUnreachableV1.TYPE -> progress.familyUnreachable(event.payloadAs(FamilyUnreachableV1.class));
            case FamilyDeadlineAtRiskV1.TYPE -> progress.deadlineAtRisk(event.payloadAs(FamilyDeadlineAtRiskV1.class));
            default -> {
                // Other scheduling events do not change what intake shows.
            }
        }
    }
}
