package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Stream;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.CaseMember;

/**
 * How long before an appointment a member must be booked: to reach them, and for them to travel. Configured per
 * sampling country and by where a member lives: in the centre's own city, elsewhere in the sampling country, or
 * across a border (per neighbouring country if need be). A family is as slow as its slowest member.
 */
@ApplicationScoped
public class LeadTimes {

    private final SchedulingConfig.LeadTime config;

    LeadTimes(SchedulingConfig config) {
        this.config = config.leadTime();
    }

    /**
     * For one member living in {@code livesIn}, sampled in {@code samplingCountry}.
     *
     * @param atLocalCentre whether the appointment is at the centre in the member's own city
     */
    public Duration forMember(String samplingCountry, String livesIn, boolean atLocalCentre) {
        SchedulingConfig.CountryLeadTime country = config.country().get(samplingCountry);
        if (atLocalCentre && samplingCountry.equals(livesIn)) {
            return country == null ? config.sameCity() : country.sameCity().orElse(config.sameCity());
        }
        if (samplingCountry.equals(livesIn)) {
            return country == null
                    ? config.sameCountry()
                    : country.sameCountry().orElse(config.sameCountry());
        }
        if (country == null) {
            return config.otherCountry();
        }
        Duration fromThere = country.from().get(livesIn);
        return fromThere != null ? fromThere : country.otherCountry().orElse(config.otherCountry());
    }

    /**
     * The slowest of the members, for an appointment at {@code centreCode}: the family's earliest day there is this
     * far from now.
     *
     * @param centreCode the centre, or null for a centre in nobody's city
     */
    public Duration forFamilyAt(String samplingCountry, Collection<CaseMember> members, String centreCode) {
        return members.stream()
                .map(m -> forMember(
                        samplingCountry,
                        m.currentCountry,
                        centreCode != null && Objects.equals(centreCode, m.localCentre)))
                .max(Duration::compareTo)
                .orElse(config.sameCountry());
    }

    /** No family anywhere can be booked sooner than this from now. */
    public Duration shortest() {
        return Stream.concat(
                        Stream.of(config.sameCity(), config.sameCountry(), config.otherCountry()),
                        config.country().values().stream()
                                .flatMap(c -> Stream.of(c.sameCity(), c.sameCountry(), c.otherCountry())
                                        .flatMap(java.util.Optional::stream)))
                .min(Duration::compareTo)
                .orElseThrow();
    }
}
