package org.iom.dna.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.iom.dna.events.FamilyErasedV1;
import org.iom.dna.platform.messaging.Retention;

/**
 * A case's personal data was erased upstream: the record of every message to its family keeps its dates, channels
 * and outcomes for the statistics, but the members' references become {@code #1}, {@code #2}… (in the order of the
 * references, the same for every message), provider error texts (which can quote an address) go, and so do the
 * bodies of the webhooks already sent to the IND. Addresses were never kept here.
 */
@ApplicationScoped
public class ErasureService {

    private final EntityManager em;
    private final Retention storedEvents;

    ErasureService(EntityManager em, Retention storedEvents) {
        this.em = em;
        this.storedEvents = storedEvents;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void familyErased(FamilyErasedV1 event) {
        em.createNativeQuery("update delivery d set member_ref = '#' || r.n, last_error = null"
                        + " from (select member_ref, row_number() over (order by member_ref) n"
                        + " from (select distinct member_ref from delivery where request_id = ?1"
                        + " and member_ref not like '#%') x) r"
                        + " where d.request_id = ?1 and d.member_ref = r.member_ref")
                .setParameter(1, event.requestId())
                .executeUpdate();
        em.createNativeQuery("update webhook_delivery set payload = '{}' where request_id = ?1 and status <> 'PENDING'")
                .setParameter(1, event.requestId())
                .executeUpdate();
        storedEvents.erasePayloadsOf(event.requestId().toString());
    }
}
