package org.iom.dna.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two spellings of one city give one key; the key is what intake compares a member's city with. */
class CityNameTest {

    @Test
    void shouldIgnoreCase() {
        assertThat(CityName.key("ADDIS ABABA")).isEqualTo(CityName.key("addis ababa"));
    }

    @Test
    void shouldKeepLowerCaseLettersOnly() {
        assertThat(CityName.key("Addis Ababa")).isEqualTo("addisababa");
    }

    @Test
    void shouldIgnoreSurroundingSpaceAndHyphens() {
        assertThat(CityName.key(" addis-ababa ")).isEqualTo("addisababa");
    }

    @Test
    void shouldIgnoreApostrophesAndDots() {
        assertThat(CityName.key("Ma'arat al-Nu'man.")).isEqualTo("maaratalnuman");
    }

    @Test
    void shouldReadTheTurkishDottedCapitalIAsI() {
        assertThat(CityName.key("ADDİS ABABA")).isEqualTo("addisababa");
    }

    @Test
    void shouldReadTheTurkishDotlessIAsI() {
        assertThat(CityName.key("Diyarbakır")).isEqualTo(CityName.key("DIYARBAKIR"));
    }

    @Test
    void shouldIgnoreAccents() {
        assertThat(CityName.key("Şanlıurfa")).isEqualTo("sanliurfa");
    }

    @Test
    void shouldIgnoreArabicVowelMarks() {
        assertThat(CityName.key("كَسَلا")).isEqualTo(CityName.key("كسلا"));
    }

    @Test
    void shouldKeepLettersOfOtherScripts() {
        assertThat(CityName.key("አዲስ አበባ")).isEqualTo("አዲስአበባ");
    }

    @Test
    void shouldKeepDigits() {
        assertThat(CityName.key("Camp 6")).isEqualTo("camp6");
    }

    @Test
    void shouldGiveNoKeyForNoCity() {
        assertThat(CityName.key(null)).isNull();
    }

    @Test
    void shouldGiveNoKeyForACityWithoutLettersOrDigits() {
        assertThat(CityName.key(" - ")).isNull();
    }
}
