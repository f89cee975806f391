package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;

/** The IND cancelled a case: take the family off the waitlist or free its slots for others. */
@ApplicationScoped
public class CancellationService {

    private final EntityManager em;
    private final Outbox outbox;
    private final WaitlistService waitlist;

    CancellationService(EntityManager em, Outbox outbox, WaitlistService waitlist) {
        this.em = em;
        this.outbox = outbox;
        this.waitlist = waitlist;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requestCancelled(SamplingRequestCancelledV1 event) {
        FamilyCase family =
                em.find(FamilyCase.class, event.requestId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (family == null || family.status == CaseStatus.CANCELLED) {
            return;
        }
        family.status = CaseStatus.CANCELLED;
        family.updatedAt = Instant.now();
        Appointment.liveFor(family.requestId).ifPresent(appointment -> {
            appointment.status = AppointmentStatus.CANCELLED;
            Map<UUID, Long> perSlot = appointment.members.stream()
                    .collect(Collectors.groupingBy(m -> m.slotId, TreeMap::new, Collectors.counting()));
            perSlot.forEach((slotId, people) -> em.createNativeQuery(
                            "update slot set booked = greatest(booked - ?1, 0) where id = ?2")
                    .setParameter(1, people.intValue())
                    .setParameter(2, slotId)
                    .executeUpdate());
            outbox.publish(
                    Topics.APPOINTMENTS,
                    family.requestId.toString(),
                    AppointmentCancelledV1.TYPE,
                    new AppointmentCancelledV1(
                            appointment.id, family.requestId, "REQUEST_CANCELLED", family.updatedAt));
            waitlist.capacityOrDemandChanged();
        });
    }
}
