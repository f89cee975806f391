package org.iom.dna.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything the scheduler can be tuned by, under {@code scheduling.*}. */
@ConfigMapping(prefix = "scheduling")
public interface SchedulingConfig {

    LeadTime leadTime();

    Waitlist waitlist();

    Attendance attendance();

    /** Time between booking and the appointment: to reach the family, and for them to travel. */
    interface LeadTime {
        /** Every member lives in the sampling country. */
        @WithDefault("P2D")
        Duration sameCountry();

        /** Some member must cross a border. */
        @WithDefault("P14D")
        Duration otherCountry();
    }

    interface Waitlist {
        /** How often a pass runs when something changed (a full pass runs every 30 s regardless). */
        @WithDefault("1s")
        Duration interval();

        /** Waiting families tried per pass besides the new ones: bounds the work of one pass. */
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
