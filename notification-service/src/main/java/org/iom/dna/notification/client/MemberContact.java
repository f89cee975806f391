package org.iom.dna.notification.client;

/** intake-service's answer; held in memory only while one message is sent. */
public record MemberContact(String personRef, String language, String givenName, String familyName,
        String phone, String email) {
}
