package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;

/** The IND cancelled a case: take the family off the waitlist or free its slots for others. */
@ApplicationScoped
public class CancellationService {

    private final EntityManager em;
    private final BookingService booking;
    private final WaitlistService waitlist;

    CancellationService(EntityManager em, BookingService booking, WaitlistService waitlist) {
        this.em = em;
        this.booking = booking;
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
            booking.cancel(appointment, "REQUEST_CANCELLED");
            waitlist.capacityOrDemandChanged();
        });
    }
}
