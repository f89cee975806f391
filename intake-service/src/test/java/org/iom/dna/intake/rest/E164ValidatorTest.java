package org.iom.dna.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers IOM can dial: E.164 form and a number libphonenumber knows to be valid. */
class E164ValidatorTest {

    private final E164Validator validator = new E164Validator();

    private boolean valid(String phone) {
        return validator.isValid(phone, null);
    }

    @Test
    void shouldLeaveAMissingNumberToOtherConstraints() {
        assertThat(valid(null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+251911234567", // Ethiopia, mobile
                "+96171123456", // Lebanon, mobile
                "+905321234567", // Turkey, mobile
                "+989121234567", // Iran, mobile
                "+249912345678", // Sudan, mobile
                "+31612345678" // the Netherlands, the sponsor's side
            })
    void shouldAcceptAValidNumberOfASamplingCountryOrTheNetherlands(String phone) {
        assertThat(valid(phone)).isTrue();
    }

    @Test
    void shouldRefuseANumberWithoutTheLeadingPlus() {
        assertThat(valid("251911234567")).isFalse();
    }

    @Test
    void shouldRefuseANumberWrittenWithSpaces() {
        assertThat(valid("+251 911 234 567")).isFalse();
    }

    @Test
    void shouldRefuseANumberWithANationalTrunkPrefix() {
        assertThat(valid("0911234567")).isFalse();
    }

    @Test
    void shouldRefuseACountryCodeStartingWithZero() {
        assertThat(valid("+0251911234567")).isFalse();
    }

    @Test
    void shouldRefuseFewerThanSevenDigits() {
        assertThat(valid("+251911")).isFalse();
    }

    @Test
    void shouldRefuseMoreThanFifteenDigits() {
        assertThat(valid("+2519112345678901")).isFalse();
    }

    @Test
    void shouldRefuseLetters() {
        assertThat(valid("+25191123456a")).isFalse();
    }

    @Test
    void shouldRefuseAWellFormedNumberThatNoNetworkIssues() {
        assertThat(valid("+251000000000")).isFalse();
    }

    @Test
    void shouldRefuseANumberOneDigitTooLongForItsCountry() {
        assertThat(valid("+2519112345678")).isFalse();
    }

    @Test
    void shouldRefuseANumberOneDigitTooShortForItsCountry() {
        assertThat(valid("+25191123456")).isFalse();
    }

    @Test
    void shouldRefuseAnUnassignedCountryCode() {
        assertThat(valid("+999771234567")).isFalse();
    }
}
