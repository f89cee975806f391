package org.iom.dna.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.PersonalData;

/** Hands a member's contact details to notification-service (the resource's audit records every read). */
@ApplicationScoped
public class ContactDetailsService {

    private final PersonalDataCipher cipher;

    ContactDetailsService(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Transactional
    public Optional<MemberContact> contactFor(UUID requestId, String personRef) {
        Optional<FamilyMember> found = FamilyMember.<FamilyMember>find(
                        "request.id = ?1 and personRef = ?2", requestId, personRef)
                .firstResultOptional()
                // An erased member has nothing left to give (and no longer carries the reference asked for).
                .filter(member -> member.personalData != null);
        return found.map(member -> {
            PersonalData data = cipher.openJson(member.piiKeyId, member.personalData, member.id, PersonalData.class);
            PersonalData.Contact contact =
                    data.contact() == null ? new PersonalData.Contact(null, null, null, null) : data.contact();
            return new MemberContact(
                    personRef,
                    member.language,
                    data.givenName(),
                    data.familyName(),
                    contact.phone(),
                    contact.email(),
                    contact.whatsapp(),
                    contact.proxy() == null
                            ? null
                            : new MemberContact.Proxy(
                                    contact.proxy().name(),
                                    contact.proxy().relation(),
                                    contact.proxy().phone()));
        });
    }
}
