package org.iom.dna.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** intake-service's answer; held in memory only while one message is sent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberContact(
        String personRef,
        String language,
        String givenName,
        String familyName,
        String phone,
        String email,
        String whatsapp,
        Proxy proxy) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proxy(String name, String relation, String phone) {}
}
