package org.iom.dna.intake.service;

/** How to reach one family member, decrypted for a message about to be sent. */
public record MemberContact(
        String personRef,
        String language,
        String givenName,
        String familyName,
        String phone,
        String email,
        String whatsapp,
        Proxy proxy) {

    public record Proxy(String name, String relation, String phone) {}
}
