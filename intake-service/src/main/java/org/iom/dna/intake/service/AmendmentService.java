package org.iom.dna.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.iom.dna.events.SamplingRequestAmendedV1;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.Topics;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.domain.CaseNotes;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingRequest;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.messaging.Outbox;

/** The IND's changes to a case after submission: new contact channels, cancellation. */
@ApplicationScoped
public class AmendmentService {

    private final Outbox outbox;
    private final PersonalDataCipher cipher;

    AmendmentService(Outbox outbox, PersonalDataCipher cipher) {
        this.outbox = outbox;
        this.cipher = cipher;
    }

    /**
     * Changes a member's contact channels: {@code change} gets the current ones and returns the new
     * ones (it may throw a validation error). The member is locked meanwhile, so two concurrent
     * amendments apply one after the other instead of one silently undoing the other. The event names
     * which kinds of channel changed, not their values.
     */
    @Transactional
    public SamplingRequest amendContact(UUID requestId, String personRef, UnaryOperator<PersonalData.Contact> change) {
        FamilyMember member = member(requestId, personRef);
        refuseIfFixed(member.request, "amended");
        PersonalData data = open(member);
        PersonalData.Contact contact = change.apply(data.contact());
        List<String> changed = changedKinds(data.contact(), contact);
        if (!changed.isEmpty()) {
            PersonalDataCipher.Sealed sealed = cipher.sealJson(data.withContact(contact), member.id);
            member.personalData = sealed.ciphertext();
            member.piiKeyId = sealed.keyId();
            PersonalDataCipher.ContactIndexes indexes = cipher.contactIndexes(contact);
            member.indexContact(indexes.keyId(), indexes.phone(), indexes.whatsapp());
            member.unreachable = false;
            member.request.updatedAt = Instant.now();
            outbox.publish(
                    Topics.SAMPLING_REQUESTS,
                    requestId.toString(),
                    SamplingRequestAmendedV1.TYPE,
                    new SamplingRequestAmendedV1(requestId, personRef, changed, member.request.updatedAt));
        }
        return member.request;
    }

    /** Cancels the case; cancelling a cancelled case again changes nothing. */
    @Transactional
    public SamplingRequest cancel(UUID requestId, CancellationReason reason, String comment) {
        SamplingRequest request = SamplingRequest.<SamplingRequest>findByIdOptional(requestId)
                .orElseThrow(() -> new NotFound("sampling request"));
        if (request.status == RequestStatus.CANCELLED) {
            return request;
        }
        refuseIfFixed(request, "cancelled");
        request.cancelReason = reason;
        if (comment != null && !comment.isBlank()) {
            CaseNotes notes = request.privateData == null
                    ? new CaseNotes(null, null, null)
                    : cipher.openJson(request.piiKeyId, request.privateData, request.id, CaseNotes.class);
            PersonalDataCipher.Sealed sealed = cipher.sealJson(notes.withCancellationComment(comment), request.id);
            request.privateData = sealed.ciphertext();
            request.piiKeyId = sealed.keyId();
        }
        request.transitionTo(RequestStatus.CANCELLED, "cancelled by the IND: " + reason);
        outbox.publish(
                Topics.SAMPLING_REQUESTS,
                requestId.toString(),
                SamplingRequestCancelledV1.TYPE,
                new SamplingRequestCancelledV1(requestId, reason.name(), request.updatedAt));
        return request;
    }

    private static void refuseIfFixed(SamplingRequest request, String what) {
        if (request.isFixed()) {
            throw new Conflict(
                    "case-fixed",
                    "The case can no longer be " + what,
                    "the case is " + request.status + "; changes after sampling or closing are refused",
                    null);
        }
    }

    private FamilyMember member(UUID requestId, String personRef) {
        return FamilyMember.<FamilyMember>find("request.id = ?1 and personRef = ?2", requestId, personRef)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new NotFound("family member"));
    }

    private PersonalData open(FamilyMember member) {
        return cipher.openJson(member.piiKeyId, member.personalData, member.id, PersonalData.class);
    }

    private static List<String> changedKinds(PersonalData.Contact before, PersonalData.Contact after) {
        PersonalData.Contact old = before == null ? new PersonalData.Contact(null, null, null, null) : before;
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(old.phone(), after.phone())) {
            changed.add("phone");
        }
        if (!Objects.equals(old.email(), after.email())) {
            changed.add("email");
        }
        if (!Objects.equals(old.whatsapp(), after.whatsapp())) {
            changed.add("whatsapp");
        }
        if (!Objects.equals(old.proxy(), after.proxy())) {
            changed.add("proxy");
        }
        return changed;
    }
}
