package org.iom.dna.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Everything the registry can be tuned by, under {@code registry.*}. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Slots slots();

    interface Slots {
        /** Slots are generated from the availability templates this far ahead, nightly and at start. */
        @WithDefault("P8W")
        Period horizon();

        /** Off in tests, which generate what they need themselves. */
        @WithDefault("true")
        boolean generateOnStart();
    }
}
