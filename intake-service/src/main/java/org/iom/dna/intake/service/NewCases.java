package org.iom.dna.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.iom.dna.intake.domain.CaseNotes;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.PartialDate;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingRequest;

/** Builds a case from a submission: scheduling facts in columns, everything personal encrypted. */
@ApplicationScoped
class NewCases {

    private final PersonalDataCipher cipher;
    private final RegistryCentres centres;

    NewCases(PersonalDataCipher cipher, RegistryCentres centres) {
        this.cipher = cipher;
        this.centres = centres;
    }

    SamplingRequest create(NewFamilyCase s, String contentHash) {
        SamplingRequest request = new SamplingRequest();
        request.id = UUID.randomUUID();
        request.indReference = s.indReference();
        request.caseNumber = s.caseNumber();
        request.priority = s.priority();
        request.deadline = s.deadline();
        request.adHoc = s.adHocLocation() != null;
        request.country =
                request.adHoc ? s.adHocLocation().country() : s.country().name();
        request.adHocCity = request.adHoc ? s.adHocLocation().city() : null;
        request.preferredCentre = s.preferredCentre();
        request.contentHash = contentHash;
        request.status = RequestStatus.RECEIVED;
        request.receivedAt = Instant.now();
        request.updatedAt = request.receivedAt;
        CaseNotes notes =
                new CaseNotes(s.note(), request.adHoc ? s.adHocLocation().description() : null, null);
        if (notes.note() != null || notes.adHocDescription() != null) {
            PersonalDataCipher.Sealed sealed = cipher.sealJson(notes, request.id);
            request.privateData = sealed.ciphertext();
            request.piiKeyId = sealed.keyId();
        }
        for (int i = 0; i < s.members().size(); i++) {
            request.members.add(member(request, i, s.members().get(i)));
        }
        return request;
    }

    private FamilyMember member(SamplingRequest request, int position, NewFamilyCase.Member s) {
        FamilyMember member = new FamilyMember();
        member.id = UUID.randomUUID();
        member.request = request;
        member.position = position;
        member.personRef = s.personRef();
        member.relationship = s.relationship();
        member.ageOnDeadline = PartialDate.parse(s.dateOfBirth()).minimumAgeOn(request.deadline);
        member.minor = member.ageOnDeadline < SubmissionRules.ADULT_AGE;
        member.accompaniedBy = s.accompaniedBy();
        member.hasGuardian = s.guardian() != null;
        member.language = s.preferredLanguage();
        member.needsInterpreter = s.needs() != null && s.needs().interpreter();
        member.needsAccessibility = s.needs() != null && s.needs().accessibility();
        member.needsMedical = s.needs() != null && s.needs().medical();
        member.currentCountry = s.currentCountry();
        member.localCentre = localCentre(request, s);
        PersonalDataCipher.Sealed personal = cipher.sealJson(
                new PersonalData(
                        s.givenName(),
                        s.familyName(),
                        s.dateOfBirth(),
                        s.sex(),
                        s.nationality(),
                        s.currentCity(),
                        s.contact(),
                        s.needs() == null ? null : s.needs().details(),
                        s.guardian()),
                member.id);
        member.personalData = personal.ciphertext();
        member.piiKeyId = personal.keyId();
        PersonalDataCipher.ContactIndexes indexes = cipher.contactIndexes(s.contact());
        member.indexContact(indexes.keyId(), indexes.phone(), indexes.whatsapp());
        return member;
    }

    /**
     * The centre in the member's own city, for the shorter lead time there. Ad-hoc cases are not booked into a
     * centre's slots, and a member who lives in another country travels whatever their city is called.
     */
    private String localCentre(SamplingRequest request, NewFamilyCase.Member s) {
        if (request.adHoc || !request.country.equals(s.currentCountry())) {
            return null;
        }
        return centres.inCity(request.country, s.currentCity(), request.preferredCentre);
    }
}
