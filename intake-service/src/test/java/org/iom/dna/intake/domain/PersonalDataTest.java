package org.iom.dna.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A member is reachable through any one channel, a proxy included. */
class PersonalDataTest {

    private static final PersonalData.Proxy BROTHER = new PersonalData.Proxy("Tekle", "brother", "+251912345678");

    @Test
    void shouldBeUnreachableWithoutAnyChannel() {
        assertThat(new PersonalData.Contact(null, null, null, null).reachable()).isFalse();
    }

    @Test
    void shouldBeReachableByPhoneAlone() {
        assertThat(new PersonalData.Contact("+251911234567", null, null, null).reachable())
                .isTrue();
    }

    @Test
    void shouldBeReachableByEmailAlone() {
        assertThat(new PersonalData.Contact(null, "a@example.org", null, null).reachable())
                .isTrue();
    }

    @Test
    void shouldBeReachableByWhatsAppAlone() {
        assertThat(new PersonalData.Contact(null, null, "+251911234567", null).reachable())
                .isTrue();
    }

    @Test
    void shouldBeReachableThroughAProxyAlone() {
        assertThat(new PersonalData.Contact(null, null, null, BROTHER).reachable())
                .isTrue();
    }

    @Test
    void shouldKeepEverythingButTheContactWhenTheContactIsReplaced() {
        PersonalData.Guardian escort = new PersonalData.Guardian("Escort", "UNHCR", null);
        PersonalData before = new PersonalData(
                "Selam",
                "Tesfay",
                "1991",
                "FEMALE",
                "ER",
                "Shire",
                new PersonalData.Contact("+251911234567", null, null, null),
                "wheelchair",
                escort);
        PersonalData.Contact next = new PersonalData.Contact(null, "selam@example.org", null, BROTHER);

        PersonalData after = before.withContact(next);

        assertThat(after.contact()).isEqualTo(next);
        assertThat(after).usingRecursiveComparison().ignoringFields("contact").isEqualTo(before);
    }
}
