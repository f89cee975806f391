package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Stream;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.CaseMember;

/**
 * How long before an appointment a member must be booked: to reach them, and for them to travel. Configured per
 * sampling country and per country a member lives in; a family is as slow as its slowest member.
 */
@ApplicationScoped
public class LeadTimes {

    private final SchedulingConfig.LeadTime config;

    LeadTimes(SchedulingConfig config) {
        this.config = config.leadTime();
    }

    /** For one member living in {@code livesIn}, sampled in {@code samplingCountry}. */
    public Duration forMember(String samplingCountry, String livesIn) {
        SchedulingConfig.CountryLeadTime country = config.country().get(samplingCountry);
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

    /** The slowest of the members: the family's earliest day is this far from now. */
    public Duration forFamily(String samplingCountry, Collection<CaseMember> members) {
        return members.stream()
                .map(m -> forMember(samplingCountry, m.currentCountry))
                .max(Duration::compareTo)
                .orElse(config.sameCountry());
    }

    /** No family anywhere can be booked sooner than this from now. */
    public Duration shortest() {
        return Stream.concat(
                        Stream.of(config.sameCountry(), config.otherCountry()),
                        config.country().values().stream()
                                .flatMap(c -> Stream.concat(
                                        Stream.concat(c.sameCountry().stream(), c.otherCountry().stream()),
                                        c.from().values().stream())))
                .min(Duration::compareTo)
                .orElseThrow();
    }
}
