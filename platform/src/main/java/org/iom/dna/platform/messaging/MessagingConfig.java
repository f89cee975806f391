package org.iom.dna.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of the outbox relay, the inbox and the dead letters, the same keys in every service. */
@ConfigMapping(prefix = "dna.messaging")
public interface MessagingConfig {

    Outbox outbox();

    Inbox inbox();

    interface Outbox {
        /** Rows published in one transaction. */
        @WithDefault("200")
        int batchSize();

        /** Failures a row may have for a reason other than an unreachable broker before it is parked. */
        @WithDefault("3")
        int maxAttempts();

        /** Larger records are parked before sending: the broker would refuse them (its message.max.bytes). */
        @WithDefault("1000000")
        int maxRecordBytes();

        /** How long published rows are kept for troubleshooting. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        /**
         * First pause before retrying a failed record (or any work waiting for the database, see
         * {@code OutageBackoff}); doubles up to {@link #maxBackoff()}.
         */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * Attempts at a record failing for an unrecognised reason, while the database answers, before
         * it is parked (about a minute with the default back-off). Transient failures never park.
         */
        @WithDefault("12")
        int unexplainedAttempts();

        /**
         * How long event ids are remembered. Must outlast every way an event can come again: the
         * topics' retention (7 days by default), so a consumer-group reset cannot re-apply anything.
         */
        @WithDefault("P30D")
        Duration retention();
    }
}
