package org.iom.dna.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything the scheduler can be tuned by, under {@code scheduling.*}. */
@ConfigMapping(prefix = "scheduling")
public interface SchedulingConfig {

    LeadTime leadTime();

    Waitlist waitlist();

    Attendance attendance();

    /**
     * How close the deadline of a waiting family may come before the IND is told it is at risk (a family whose
     * members cannot travel in time is at risk at once).
     */
    @WithDefault("P21D")
    Duration deadlineRiskNotice();

    /**
     * Time between booking and the appointment: to reach the family, and for each member to travel. A family's
     * earliest day is set by its slowest member.
     */
    interface LeadTime {
        /** A member who lives in the city of the centre (at that centre only; elsewhere the member travels). */
        @WithDefault("P1D")
        Duration sameCity();

        /** A member who lives in the sampling country. */
        @WithDefault("P2D")
        Duration sameCountry();

        /** A member who must cross a border. */
        @WithDefault("P14D")
        Duration otherCountry();

        /**
         * Per sampling country (ISO code), e.g. {@code scheduling.lead-time.country.IR.other-country=P30D} or, for
         * members living in one neighbouring country, {@code scheduling.lead-time.country.ET.from.ER=P21D}.
         */
        Map<String, CountryLeadTime> country();
    }

    interface CountryLeadTime {
        Optional<Duration> sameCity();

        Optional<Duration> sameCountry();

        Optional<Duration> otherCountry();

        /** By the country a member lives in: overrides {@code other-country} for that border. */
        Map<String, Duration> from();
    }

    interface Waitlist {
        /**
         * How often the waitlist is looked at: a pass runs when capacity changed, and a full pass every 30 s
         * regardless. A duration ({@code 1s}), or {@code off} to leave new families to the online path alone (tests).
         */
        @WithDefault("1s")
        String interval();

        /**
         * Waiting families tried per country and pass besides the new ones: half from the head of the country's
         * queue, half from where the previous pass stopped behind it. Bounds the work of one pass.
         */
        @WithDefault("500")
        int passSize();
    }

    interface Attendance {
        /**
         * Appointments a family may miss (a member who did not come, without excuse) before the case is reported
         * unreachable instead of booked again.
         */
        @WithDefault("2")
        int maxMissedAppointments();

        /** How often days that have ended are closed for centres that did not close them themselves. */
        @WithDefault("15m")
        Duration closeInterval();
    }
}
