package org.iom.dna.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything the notification service can be tuned by, under {@code notification.*}. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Attempts per delivery before the member is reported unreachable. */
    @WithDefault("5")
    int maxAttempts();

    /** How often due deliveries are looked for. */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** Faults the fault suite injects to prove what happens then; none unless set. Never in production. */
    Fault fault();

    interface Fault {
        /**
         * Waits this long after the mail server took a message and before recording it SENT: the
         * window in which a crash makes the message go again (deploy/local/suite faults kills the
         * service in it).
         */
        Optional<Duration> pauseAfterSend();
    }
}
