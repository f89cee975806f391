package org.iom.dna.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.iom.dna.intake.domain.PersonalData;
import org.junit.jupiter.api.Test;

/** The API's contact channels and the sealed domain contact carry the same channels both ways. */
class ContactChannelsTest {

    private static final PersonalData.Proxy BROTHER = new PersonalData.Proxy("Tekle", "brother", "+251912345678");

    @Test
    void shouldShowNoChannelsForAMemberWithoutContact() {
        assertThat(ContactChannels.of(null)).isEqualTo(new ContactChannels(null, null, null, null));
    }

    @Test
    void shouldCarryEveryChannelIntoTheDomainContact() {
        ContactChannels channels = new ContactChannels(
                "+251911234567",
                "selam@example.org",
                "+251922334455",
                new ContactChannels.Proxy("Tekle", "brother", "+251912345678"));

        assertThat(channels.toDomainContact())
                .isEqualTo(new PersonalData.Contact("+251911234567", "selam@example.org", "+251922334455", BROTHER));
    }

    @Test
    void shouldCarryAMissingProxyAsNone() {
        assertThat(new ContactChannels("+251911234567", null, null, null).toDomainContact())
                .isEqualTo(new PersonalData.Contact("+251911234567", null, null, null));
    }

    @Test
    void shouldReturnTheSameContactAfterARoundTrip() {
        PersonalData.Contact contact = new PersonalData.Contact(null, "selam@example.org", null, BROTHER);

        assertThat(ContactChannels.of(contact).toDomainContact()).isEqualTo(contact);
    }

    @Test
    void shouldReturnTheSameContactWithoutProxyAfterARoundTrip() {
        PersonalData.Contact contact = new PersonalData.Contact("+251911234567", null, "+251911234567", null);

        assertThat(ContactChannels.of(contact).toDomainContact()).isEqualTo(contact);
    }
}
