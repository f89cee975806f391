package org.iom.dna.platform.messaging;

import java.time.Duration;

/** A {@link MessagingConfig} for unit tests that build platform's classes without Quarkus. */
final class TestConfig {

    private TestConfig() {}

    static MessagingConfig inbox(Duration initialBackoff, Duration maxBackoff) {
        MessagingConfig.Inbox inbox = new MessagingConfig.Inbox() {
            @Override
            public Duration initialBackoff() {
                return initialBackoff;
            }

            @Override
            public Duration maxBackoff() {
                return maxBackoff;
            }

            @Override
            public int unexplainedAttempts() {
                return 12;
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(30);
            }
        };
        return new MessagingConfig() {
            @Override
            public Outbox outbox() {
                throw new UnsupportedOperationException("no outbox in this test");
            }

            @Override
            public Inbox inbox() {
                return inbox;
            }
        };
    }
}
