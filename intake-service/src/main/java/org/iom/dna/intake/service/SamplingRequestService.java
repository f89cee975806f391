package org.iom.dna.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.PartialDate;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.PersonalDataAccess;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.intake.domain.StatusTransition;
import org.iom.dna.intake.rest.FamilyMemberSubmission;
import org.iom.dna.intake.rest.SamplingRequestSubmission;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.platform.rest.ProblemException;

/** Receives family cases from the IND and follows them through scheduling. */
@ApplicationScoped
public class SamplingRequestService {

    private final EntityManager em;
    private final Outbox outbox;
    private final PersonalDataCipher cipher;
    private final ObjectMapper canonicalJson;

    SamplingRequestService(EntityManager em, Outbox outbox, PersonalDataCipher cipher, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.cipher = cipher;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * Stores a new case, or returns the stored one when the IND resends the same reference with
     * the same content. Concurrent submissions of one reference are serialised by a transaction-scoped
     * advisory lock; the unique constraint on the reference backs this up.
     */
    @Transactional
    public SubmissionResult submit(SamplingRequestSubmission submission) {
        List<Problem.FieldError> errors = SubmissionRules.violations(submission);
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                    errors.size() + " field(s) are not valid", errors, null));
        }
        String hash = contentHash(submission);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, submission.indReference()).getSingleResult();
        Optional<SamplingRequest> existing = SamplingRequest.findByIndReference(submission.indReference());
        if (existing.isPresent()) {
            if (existing.get().contentHash.equals(hash)) {
                return new SubmissionResult(existing.get(), false);
            }
            throw ProblemException.conflict("duplicate-reference", "IND reference already used",
                    "a different request was already submitted with this indReference",
                    URI.create("/api/v1/sampling-requests/" + existing.get().id));
        }
        SamplingRequest request = newRequest(submission, hash);
        request.persist();
        transition(request, null, RequestStatus.RECEIVED, "submitted by the IND");
        outbox.publish(Topics.SAMPLING_REQUESTS, request.id.toString(), SamplingRequestReceivedV1.TYPE,
                IntakeEvents.received(request));
        return new SubmissionResult(request, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SamplingRequest> find(UUID id) {
        return SamplingRequest.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StatusTransition> history(UUID id) {
        return StatusTransition.forRequest(id);
    }

    /**
     * Decrypts one member's contact channels for a message that is about to be sent, and records
     * who read them and why.
     */
    @Transactional
    public Optional<MemberContact> contactFor(UUID requestId, String personRef, String actor, String purpose) {
        Optional<FamilyMember> found = FamilyMember.find("request.id = ?1 and personRef = ?2", requestId, personRef)
                .firstResultOptional();
        return found.map(member -> {
            PersonalDataAccess access = new PersonalDataAccess();
            access.at = Instant.now();
            access.actor = actor;
            access.requestId = requestId;
            access.personRef = personRef;
            access.purpose = purpose;
            access.persist();
            PersonalData data = cipher.openJson(member.piiKeyId, member.personalData, member.id, PersonalData.class);
            return new MemberContact(personRef, member.language, data.givenName(), data.familyName(),
                    data.phone(), data.email());
        });
    }

    /** Scheduling booked the family: remember each member's slot and mark the case scheduled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appointmentBooked(AppointmentBookedV1 booked) {
        SamplingRequest request = SamplingRequest.findById(booked.requestId());
        if (request == null) {
            throw new IllegalArgumentException("appointment " + booked.appointmentId() + " names an unknown request");
        }
        for (AppointmentBookedV1.BookedMember slot : booked.members()) {
            request.members.stream().filter(m -> m.personRef.equals(slot.memberRef())).findFirst().ifPresent(m -> {
                m.appointmentId = booked.appointmentId();
                m.centreCode = booked.centreCode();
                m.zone = booked.zone();
                m.localDate = booked.localDate();
                m.localTime = slot.localStart();
                m.startsAt = slot.startsAt();
            });
        }
        boolean everyoneBooked = request.members.stream().allMatch(m -> m.appointmentId != null);
        if (everyoneBooked && request.status != RequestStatus.SCHEDULED && request.status != RequestStatus.CANCELLED) {
            transition(request, request.status, RequestStatus.SCHEDULED,
                    "appointment " + booked.appointmentId() + " booked at " + booked.centreCode());
        }
    }

    private void transition(SamplingRequest request, RequestStatus from, RequestStatus to, String cause) {
        request.status = to;
        request.updatedAt = Instant.now();
        StatusTransition step = new StatusTransition();
        step.requestId = request.id;
        step.from = from;
        step.to = to;
        step.at = request.updatedAt;
        step.cause = cause;
        step.persist();
    }

    private SamplingRequest newRequest(SamplingRequestSubmission s, String hash) {
        SamplingRequest request = new SamplingRequest();
        request.id = UUID.randomUUID();
        request.indReference = s.indReference();
        request.caseNumber = s.caseNumber();
        request.priority = s.priority();
        request.deadline = s.deadline();
        request.country = s.country();
        request.preferredCentre = s.preferredCentre();
        request.contentHash = hash;
        request.receivedAt = Instant.now();
        request.updatedAt = request.receivedAt;
        if (s.note() != null && !s.note().isBlank()) {
            PersonalDataCipher.Sealed note = cipher.sealText(s.note(), request.id);
            request.noteCiphertext = note.ciphertext();
            request.piiKeyId = note.keyId();
        }
        for (int i = 0; i < s.members().size(); i++) {
            request.members.add(newMember(request, i, s.members().get(i)));
        }
        return request;
    }

    private FamilyMember newMember(SamplingRequest request, int position, FamilyMemberSubmission s) {
        FamilyMember member = new FamilyMember();
        member.id = UUID.randomUUID();
        member.request = request;
        member.position = position;
        member.personRef = s.personRef();
        member.relationship = s.relationship();
        member.ageOnDeadline = PartialDate.parse(s.dateOfBirth()).minimumAgeOn(request.deadline);
        member.minor = member.ageOnDeadline < SubmissionRules.ADULT_AGE;
        member.accompaniedBy = s.accompaniedBy();
        member.language = s.preferredLanguage();
        member.needsInterpreter = s.needsInterpreter();
        member.currentCountry = s.currentCountry();
        PersonalDataCipher.Sealed personal = cipher.sealJson(new PersonalData(s.givenName(), s.familyName(),
                s.dateOfBirth(), s.sex(), s.nationality(), s.currentCity(), s.phone(), s.email(), s.guardianName()),
                member.id);
        member.personalData = personal.ciphertext();
        member.piiKeyId = personal.keyId();
        return member;
    }

    private String contentHash(SamplingRequestSubmission submission) {
        try {
            byte[] canonical = canonicalJson.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("submission could not be hashed", e);
        }
    }
}
