package org.iom.dna.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iom.dna.events.Priority;

/** Everything the scheduler can be tuned by, under {@code scheduling.*}. */
@ConfigMapping(prefix = "scheduling")
public interface SchedulingConfig {

    LeadTime leadTime();

    Waitlist waitlist();

    Attendance attendance();

    Confirmation confirmation();

    Replan replan();

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

    /**
     * When a tentative booking becomes the family's for good (and the family is told): once the day is no further
     * away than the family's lead time to that centre plus {@link #margin()}; at once for the priorities in
     * {@link #atOnce()}, for bookings staff make by hand, and for a family moved from a day it was told of.
     */
    interface Confirmation {
        /** Time to spare beyond the lead time: the re-planning may move a booking until then. */
        @WithDefault("P3D")
        Duration margin();

        /** Priorities whose families are booked for good at once, never re-planned. */
        @WithDefault("UNACCOMPANIED_MINOR,MEDICAL")
        Set<Priority> atOnce();

        /** How often tentative bookings that are due are confirmed; {@code off} in tests that confirm by hand. */
        @WithDefault("1m")
        String interval();
    }

    /** The re-planning of each country's tentative bookings and waitlist together by the exact optimiser. */
    interface Replan {
        /** How often every country with tentative or waiting families is re-planned; {@code off} to run on demand. */
        @WithDefault("15m")
        String interval();

        /** How long the solver may take per run; the best plan found by then is applied. */
        @WithDefault("10s")
        Duration timeLimit();

        /** Solver threads: countries are solved side by side. */
        @WithDefault("2")
        int threads();

        /** How far ahead the plan reaches: days beyond are left to later runs. */
        @WithDefault("P90D")
        Duration horizon();
    }
}
