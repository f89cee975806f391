package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.iom.dna.events.FamilyErasedV1;
import org.iom.dna.events.SamplingRequestErasedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.messaging.Retention;

/**
 * Intake erased a closed case's personal data: scheduling erases what leads from its records to a person. Members'
 * references become {@code #<position>} everywhere they appear (the family's members, whom each accompanies, their
 * seats in appointments, the attendance records), and the attendance details that name or trace someone (who gave
 * consent, the sample kit's number, a correction's free text) go. Dates, centres, outcomes and counts stay for the
 * statistics. Then notification is told, through this service's own topic, to do the same.
 */
@ApplicationScoped
public class ErasureService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Retention storedEvents;

    ErasureService(EntityManager em, Outbox outbox, Retention storedEvents) {
        this.em = em;
        this.outbox = outbox;
        this.storedEvents = storedEvents;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requestErased(SamplingRequestErasedV1 event) {
        Object family = em.createNativeQuery("select request_id from family_case where request_id = ?1 for update")
                .setParameter(1, event.requestId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (family == null) {
            return;
        }
        // What points at a member's reference first, then the references themselves.
        em.createNativeQuery("update attendance_record r set member_ref = '#' || (m.position + 1),"
                        + " consent_given_by = null, kit_number = null, correction_reason = null"
                        + " from appointment a, case_member m where r.appointment_id = a.id and a.request_id = ?1"
                        + " and m.request_id = a.request_id and m.member_ref = r.member_ref")
                .setParameter(1, event.requestId())
                .executeUpdate();
        em.createNativeQuery("update appointment_member s set member_ref = '#' || (m.position + 1)"
                        + " from appointment a, case_member m where s.appointment_id = a.id and a.request_id = ?1"
                        + " and m.request_id = a.request_id and m.member_ref = s.member_ref")
                .setParameter(1, event.requestId())
                .executeUpdate();
        em.createNativeQuery(
                        "update case_member m set accompanied_by = '#' || (a.position + 1) from case_member a"
                                + " where a.request_id = m.request_id and a.member_ref = m.accompanied_by and m.request_id = ?1")
                .setParameter(1, event.requestId())
                .executeUpdate();
        em.createNativeQuery("update case_member set member_ref = '#' || (position + 1) where request_id = ?1")
                .setParameter(1, event.requestId())
                .executeUpdate();
        storedEvents.erasePayloadsOf(event.requestId().toString());
        outbox.publish(
                Topics.APPOINTMENTS,
                event.requestId().toString(),
                FamilyErasedV1.TYPE,
                new FamilyErasedV1(
                        event.requestId(), event.reason(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }
}
