package org.iom.dna.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A centre's zone is an IANA region id the JDK knows, never an offset that a decree could make wrong. */
class ValidZoneTest {

    private final ValidZone.Validator validator = new ValidZone.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Tehran", "Asia/Beirut", "Africa/Khartoum", "Africa/Addis_Ababa", "Europe/Istanbul"})
    void shouldAcceptTheZonesOfTheCentres(String zone) {
        assertThat(validator.isValid(zone, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+03:00", "UTC+3", "GMT", "UTC", "Z"})
    void shouldRefuseAnOffset(String zone) {
        assertThat(validator.isValid(zone, null)).isFalse();
    }

    @Test
    void shouldRefuseARegionTheJdkDoesNotKnow() {
        assertThat(validator.isValid("Asia/Atlantis", null)).isFalse();
    }

    @Test
    void shouldLeaveAMissingZoneToNotBlank() {
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
