package org.iom.dna.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.ContactAttempt;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.intake.domain.StatusTransition;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.metrics.Counting;
import org.jboss.logging.Logger;

/** Receives family cases from the IND and answers questions about them. */
@ApplicationScoped
public class SamplingRequestService {

    private static final Logger LOG = Logger.getLogger(SamplingRequestService.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final NewCases newCases;
    private final PersonalDataCipher cipher;
    private final Counting counting;
    private final ObjectMapper canonicalJson;

    SamplingRequestService(
            EntityManager em,
            Outbox outbox,
            NewCases newCases,
            PersonalDataCipher cipher,
            Counting counting,
            ObjectMapper json) {
        this.counting = counting;
        this.em = em;
        this.outbox = outbox;
        this.newCases = newCases;
        this.cipher = cipher;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * Stores a new case, or returns the stored one when the IND resends the same reference with
     * the same content. Concurrent submissions of one reference are serialised by a transaction-scoped
     * advisory lock; the unique constraint on the reference backs this up.
     */
    @Transactional
    public SubmissionResult submit(NewFamilyCase submission) {
        List<Violation> errors = SubmissionRules.violations(submission);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        String hash = contentHash(submission);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, submission.indReference())
                .getSingleResult();
        Optional<SamplingRequest> existing = SamplingRequest.findByIndReference(submission.indReference());
        if (existing.isPresent()) {
            if (existing.get().contentHash.equals(hash)) {
                return new SubmissionResult(existing.get(), false);
            }
            throw new Conflict(
                    "duplicate-reference",
                    "IND reference already used",
                    "a different request was already submitted with this indReference",
                    URI.create("/api/v1/sampling-requests/" + existing.get().id));
        }
        SamplingRequest request = newCases.create(submission, hash);
        request.persist();
        StatusTransition.record(request.id, null, RequestStatus.RECEIVED, request.receivedAt, "submitted by the IND");
        outbox.publish(
                Topics.SAMPLING_REQUESTS,
                request.id.toString(),
                SamplingRequestReceivedV1.TYPE,
                IntakeEvents.received(request));
        // Ids and country only: the line that starts a case's trace through the suite (docs/operations.md).
        LOG.infof("sampling request %s received for %s", request.id, request.country);
        counting.afterCommit(
                "dna.requests.received",
                "Family cases the IND submitted, by sampling country",
                "country",
                request.country);
        return new SubmissionResult(request, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SamplingRequest> find(UUID id) {
        return SamplingRequest.findByIdOptional(id);
    }

    /** Cases with a member whose phone or WhatsApp number is this one, newest first, at most 20. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SamplingRequest> findByPhone(String phone) {
        List<String> indexes = cipher.lookupIndexes(phone);
        return SamplingRequest.<SamplingRequest>find(
                        "id in (select m.request.id from FamilyMember m"
                                + " where m.phoneIndex in ?1 or m.whatsappIndex in ?1)",
                        Sort.by("receivedAt", Sort.Direction.Descending).and("id"),
                        indexes)
                .page(Page.ofSize(20))
                .list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SamplingRequest> findByIndReference(String indReference) {
        return SamplingRequest.findByIndReference(indReference);
    }

    public record History(List<StatusTransition> transitions, List<ContactAttempt> contactAttempts) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<History> history(UUID id) {
        return find(id).map(r -> new History(StatusTransition.forRequest(id), ContactAttempt.forRequest(id)));
    }

    public record PageOf(List<SamplingRequest> items, long total) {}

    /** A page of cases matching the filter, in a stable order (the id breaks ties). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf search(CaseFilter filter, String sortField, boolean descending, int page, int size) {
        CaseFilter.Query query = filter.toQuery();
        Sort sort = Sort.by(sortField, descending ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("id", Sort.Direction.Ascending);
        var found = SamplingRequest.<SamplingRequest>find(query.jpql(), sort, query.parameters())
                .page(Page.of(page, size));
        return new PageOf(found.list(), found.count());
    }

    private String contentHash(NewFamilyCase submission) {
        try {
            byte[] canonical = canonicalJson.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("submission could not be hashed", e);
        }
    }
}
