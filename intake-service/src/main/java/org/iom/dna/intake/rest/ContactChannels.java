package org.iom.dna.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.intake.domain.PersonalData;

/** How IOM can reach a family member. Phone numbers in E.164. */
@Schema(name = "ContactChannels")
public record ContactChannels(
        @Schema(examples = "+251911234567") @E164 String phone,
        @Email @Size(max = 254) String email,

        @Schema(description = "WhatsApp number, E.164", examples = "+251911234567") @E164
        String whatsapp,

        @Valid Proxy proxy) {

    /** Someone who passes messages on: a relative, a neighbour, an NGO worker. */
    @Schema(name = "ProxyContact")
    public record Proxy(
            @NotBlank @Size(max = 200) String name,

            @Schema(description = "e.g. brother, NGO caseworker") @Size(max = 100)
            String relation,

            @NotBlank @E164 String phone) {}

    public PersonalData.Contact toDomainContact() {
        return new PersonalData.Contact(
                phone,
                email,
                whatsapp,
                proxy == null ? null : new PersonalData.Proxy(proxy.name(), proxy.relation(), proxy.phone()));
    }

    public static ContactChannels of(PersonalData.Contact c) {
        if (c == null) {
            return new ContactChannels(null, null, null, null);
        }
        return new ContactChannels(
                c.phone(),
                c.email(),
                c.whatsapp(),
                c.proxy() == null
                        ? null
                        : new Proxy(
                                c.proxy().name(),
                                c.proxy().relation(),
                                c.proxy().phone()));
    }
}
