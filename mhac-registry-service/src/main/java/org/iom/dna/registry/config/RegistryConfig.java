package org.iom.dna.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Everything the registry can be tuned by, under {@code registry.*}. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Slots slots();

    Interpreters interpreters();

    Centres centres();

    interface Centres {
        /**
         * A centre is announced again (CentreChangedV1) when its last announcement is this old: a service that starts
         * reading the topic later, or whose offsets fell behind the topic's retention, still learns every centre.
         * Checked at start-up and hourly.
         */
        @WithDefault("P1D")
        java.time.Duration reAnnounceAfter();
    }

    interface Slots {
        /** Slots are generated from the availability templates this far ahead, nightly and at start. */
        @WithDefault("P8W")
        Period horizon();

        /** Off in tests, which generate what they need themselves. */
        @WithDefault("true")
        boolean generateOnStart();
    }

    interface Interpreters {
        /**
         * How far ahead of today (at the centre) staff may set a day's interpreters. Longer than the slot horizon:
         * staff generate slots further ahead by hand and add ad-hoc sessions on any future day, and interpreters
         * are engaged weeks ahead.
         */
        @WithDefault("P1Y")
        Period maxAhead();
    }
}
