package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.CaseMember;
import org.junit.jupiter.api.Test;

/** Lead times by sampling country and by where each member lives, read from configuration as operators write it. */
class LeadTimesTest {

    private static LeadTimes configured(Map<String, String> properties) {
        SchedulingConfig config = new SmallRyeConfigBuilder()
                .withMapping(SchedulingConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(SchedulingConfig.class);
        return new LeadTimes(config);
    }

    private static CaseMember livingIn(String country) {
        CaseMember member = new CaseMember();
        member.currentCountry = country;
        return member;
    }

    private static CaseMember livingNear(String centre) {
        CaseMember member = livingIn(centre.substring(0, 2));
        member.localCentre = centre;
        return member;
    }

    private static final LeadTimes DEFAULTS = configured(Map.of());

    @Test
    void shouldGiveAMemberInTheCentresOwnCityOneDayByDefault() {
        assertThat(DEFAULTS.forFamilyAt("ET", List.of(livingNear("ET-ADD")), "ET-ADD"))
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldGiveAMemberTheSameCountryLeadTimeAtACentreInAnotherCity() {
        assertThat(DEFAULTS.forFamilyAt("ET", List.of(livingNear("ET-ADD")), "ET-SHR"))
                .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldLetAMemberFromAnotherCitySetTheFamilysLeadTimeAtTheLocalCentre() {
        assertThat(DEFAULTS.forFamilyAt("ET", List.of(livingNear("ET-ADD"), livingIn("ET")), "ET-ADD"))
                .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldUseASamplingCountrysOwnSameCityLeadTime() {
        LeadTimes leadTimes = configured(Map.of("scheduling.lead-time.country.SD.same-city", "PT12H"));

        assertThat(leadTimes.forFamilyAt("SD", List.of(livingNear("SD-PZU")), "SD-PZU"))
                .isEqualTo(Duration.ofHours(12));
        assertThat(leadTimes.shortest()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void shouldGiveAMemberInTheSamplingCountryTwoDaysByDefault() {
        assertThat(DEFAULTS.forMember("ET", "ET", false)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldGiveAMemberAcrossABorderFourteenDaysByDefault() {
        assertThat(DEFAULTS.forMember("ET", "SD", false)).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void shouldTakeTheSlowestMemberForTheFamily() {
        assertThat(DEFAULTS.forFamilyAt("ET", List.of(livingIn("ET"), livingIn("ER"), livingIn("ET")), "ET-ADD"))
                .isEqualTo(Duration.ofDays(14));
    }

    @Test
    void shouldUseASamplingCountrysOwnLeadTimeForItsResidents() {
        LeadTimes leadTimes = configured(Map.of("scheduling.lead-time.country.IR.same-country", "P5D"));

        assertThat(leadTimes.forMember("IR", "IR", false)).isEqualTo(Duration.ofDays(5));
        assertThat(leadTimes.forMember("ET", "ET", false)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldUseASamplingCountrysOwnLeadTimeAcrossItsBorders() {
        LeadTimes leadTimes = configured(Map.of("scheduling.lead-time.country.IR.other-country", "P30D"));

        assertThat(leadTimes.forMember("IR", "AF", false)).isEqualTo(Duration.ofDays(30));
        assertThat(leadTimes.forMember("IR", "IR", false)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldUseTheLeadTimeFromOneNeighbouringCountry() {
        LeadTimes leadTimes = configured(Map.of(
                "scheduling.lead-time.country.ET.other-country", "P21D",
                "scheduling.lead-time.country.ET.from.SS", "P7D"));

        assertThat(leadTimes.forMember("ET", "SS", false)).isEqualTo(Duration.ofDays(7));
        assertThat(leadTimes.forMember("ET", "ER", false)).isEqualTo(Duration.ofDays(21));
    }

    @Test
    void shouldLetTheSlowestMemberSetTheFamilysLeadTimeUnderCountryRules() {
        LeadTimes leadTimes = configured(Map.of("scheduling.lead-time.country.ET.from.SS", "P7D"));

        assertThat(leadTimes.forFamilyAt("ET", List.of(livingIn("SS"), livingIn("ER")), "ET-ADD"))
                .isEqualTo(Duration.ofDays(14));
    }

    @Test
    void shouldFindTheShortestLeadTimeAnywhere() {
        LeadTimes leadTimes = configured(Map.of("scheduling.lead-time.country.LB.same-country", "P1D"));

        assertThat(leadTimes.shortest()).isEqualTo(Duration.ofDays(1));
        assertThat(DEFAULTS.shortest()).isEqualTo(Duration.ofDays(1)); // the same-city default
    }
}
