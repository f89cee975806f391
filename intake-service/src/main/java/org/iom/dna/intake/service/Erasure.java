package org.iom.dna.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iom.dna.events.SamplingRequestErasedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.platform.audit.AuditTrail;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.messaging.Retention;
import org.jboss.logging.Logger;

/**
 * Erases a closed case's personal data: when its retention period after closing runs out (a scheduled job), or at
 * once when the IND asks. What stays serves anonymous statistics only: country, priority, deadline, dates, statuses,
 * members' relationships, age bands, needs flags, appointments and outcomes. What goes: every member's sealed
 * personal data and the case's sealed notes, the ad-hoc city, the content hash of the submission, and every
 * reference that leads to a person (the IND's reference and case number become {@code erased:<id>}; members'
 * references, also where one accompanies another and in contact attempts, become {@code #<position>}; the phone
 * lookup indexes go). An event tells
 * scheduling and, through it, notification to erase what they keep. The audit trail records the erasure, not the
 * values.
 */
@ApplicationScoped
public class Erasure {

    public static final String RETENTION = "RETENTION";
    public static final String IND_REQUEST = "IND_REQUEST";

    private static final Logger LOG = Logger.getLogger(Erasure.class);
    private static final List<String> CLOSED = List.of("SAMPLED", "CANCELLED", "EXPIRED");
    private static final int BATCH = 50;

    private final EntityManager em;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final Retention storedEvents;
    private final Duration retention;

    Erasure(
            EntityManager em,
            Outbox outbox,
            AuditTrail trail,
            Retention storedEvents,
            @ConfigProperty(name = "intake.retention.after-close", defaultValue = "P180D") Duration retention) {
        this.em = em;
        this.outbox = outbox;
        this.trail = trail;
        this.storedEvents = storedEvents;
        this.retention = retention;
    }

    /**
     * The IND's erasure request: a closed case is erased at once (asking again changes nothing); an open one is
     * refused, to be cancelled first, so that no family is left with an appointment nobody can reach them about.
     */
    public void eraseAtRequest(UUID requestId) {
        QuarkusTransaction.requiringNew().run(() -> {
            SamplingRequest request = lock(requestId).orElseThrow(() -> new NotFound("sampling request"));
            if (request.erasedAt != null) {
                return;
            }
            if (!CLOSED.contains(request.status.name())) {
                throw new Conflict(
                        "case-open",
                        "Only a closed case can be erased",
                        "the case is " + request.status + "; cancel it first, then ask for its erasure",
                        null);
            }
            erase(request, IND_REQUEST);
        });
    }

    @Scheduled(
            every = "${intake.retention.interval:1h}",
            delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retentionJob() {
        eraseExpired();
    }

    /** Erases, batch by batch, every closed case whose last change is older than the retention period; how many. */
    public int eraseExpired() {
        Instant before = Instant.now().minus(retention);
        int total = 0;
        List<UUID> done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<UUID> ids = em.createNativeQuery("select id from sampling_request where erased_at is null"
                                + " and status in (:closed) and updated_at < :before order by updated_at limit "
                                + BATCH + " for update skip locked")
                        .setParameter("closed", CLOSED)
                        .setParameter("before", before)
                        .getResultList();
                for (UUID id : ids) {
                    erase(SamplingRequest.findById(id), RETENTION);
                }
                return ids;
            });
            done.forEach(id -> audit(id, RETENTION));
            total += done.size();
        } while (done.size() == BATCH);
        if (total > 0) {
            LOG.infof("retention: personal data of %d closed case(s) erased", total);
        }
        return total;
    }

    private Optional<SamplingRequest> lock(UUID requestId) {
        return SamplingRequest.<SamplingRequest>find("id", requestId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** In the caller's transaction, with the case locked. */
    private void erase(SamplingRequest request, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = request.id;
        // Members' references, where they are pointed at first (contact attempts, who accompanies whom), then their
        // own.
        em.createNativeQuery("update contact_attempt a set person_ref = '#' || (m.position + 1) from family_member m"
                        + " where m.request_id = a.request_id and m.person_ref = a.person_ref and a.request_id = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery(
                        "update family_member m set accompanied_by = '#' || (a.position + 1) from family_member a"
                                + " where a.request_id = m.request_id and a.person_ref = m.accompanied_by and m.request_id = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("update family_member set person_ref = '#' || (position + 1), personal_data = null,"
                        + " pii_key_id = null, phone_index = null, whatsapp_index = null, lookup_key_id = null"
                        + " where request_id = :id")
                .setParameter("id", id)
                .executeUpdate();
        storedEvents.erasePayloadsOf(id.toString());
        request.indReference = "erased:" + id;
        request.caseNumber = "erased";
        request.contentHash = "0".repeat(64);
        request.privateData = null;
        request.piiKeyId = null;
        request.adHocCity = null;
        request.erasedAt = now;
        request.erasureReason = reason;
        outbox.publish(
                Topics.SAMPLING_REQUESTS,
                id.toString(),
                SamplingRequestErasedV1.TYPE,
                new SamplingRequestErasedV1(id, reason, now));
    }

    /** The retention job's own line in the audit trail (the IND's request is recorded by its operation's filter). */
    private void audit(UUID id, String reason) {
        trail.append(new AuditTrail.Entry(
                Instant.now(),
                "intake-service",
                "retention job",
                null,
                null,
                null,
                "ERASE sampling-request (retention after closing)",
                "sampling-request",
                id.toString(),
                null,
                "all personal data (erased)",
                AuditTrail.Outcome.ALLOWED,
                reason));
    }
}
