package org.iom.dna.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iom.dna.notification.domain.Channel;

/** Everything the notification service can be tuned by, under {@code notification.*}. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /**
     * Rounds of contact attempts per message before the member is reported unreachable. A round tries every
     * channel the member has; only a definite failure on each of them (a refused number or address, an
     * undeliverable receipt) ends a round. Outages never count.
     */
    @WithDefault("5")
    int maxAttempts();

    /** The pause before the next round after every channel failed; round n waits n times this. */
    @WithDefault("6h")
    Duration retryPause();

    /** The order channels are tried in, for every member; channels the member has no address on are skipped. */
    @WithDefault("SMS,WHATSAPP,EMAIL,PROXY")
    List<Channel> channels();

    /** The first pause after an outage (intake or a provider unavailable); it doubles up to {@link #outageBackoffMax}. */
    @WithDefault("5s")
    Duration outageBackoff();

    @WithDefault("5m")
    Duration outageBackoffMax();

    /**
     * At most this many messages to one member in any 24 hours; more wait until the oldest is a day old (a family
     * whose appointment keeps moving is not flooded).
     */
    @WithDefault("6")
    int maxMessagesPerMemberPerDay();

    /** How long before the appointment reminders go; none for an appointment cancelled or moved since. */
    @WithDefault("72h,24h")
    List<Duration> reminders();

    /**
     * How long a cancellation notice waits before it goes: when the scheduler moves the family, the new booking
     * arrives within this time and the family gets one notice of the move instead of two messages.
     */
    @WithDefault("2m")
    Duration cancellationGrace();

    /** How long an appointment is in the calendar invite. */
    @WithDefault("30m")
    Duration appointmentLength();

    /** The organiser of calendar invites (the address families answer to). */
    @WithDefault("appointments@dna-sampling.iom.example")
    String organizer();

    /**
     * How long an SMS or WhatsApp message may go without a delivery receipt before it counts as undelivered and the
     * next channel is tried (phones switched off for days are common; operators' receipts can lag for hours).
     */
    @WithDefault("24h")
    Duration receiptTimeout();

    /**
     * How often due deliveries are looked for. New deliveries are sent as soon as they are stored; this poll finds
     * those that fall due later (reminders, retries, the end of a lease). A duration, or {@code off} (tests).
     */
    @WithDefault("1s")
    String dispatchInterval();

    /**
     * Deliveries sent at once by this instance (each waits on intake, then on a provider); at most
     * {@link #inFlightPerChannel()} of them on one channel, so that a slow provider cannot hold every sender.
     */
    @WithDefault("8")
    int dispatchConcurrency();

    @WithDefault("4")
    int inFlightPerChannel();

    Sms sms();

    Webhooks webhooks();

    WhatsApp whatsapp();

    DayList dayList();

    /** Faults the fault suite injects to prove what happens then; none unless set. Never in production. */
    Fault fault();

    /** The SMS provider's SMSC, over SMPP 3.4. */
    interface Sms {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("2775")
        int port();

        String systemId();

        String password();

        /** The sender families see (alphanumeric, at most 11 characters). */
        @WithDefault("IOM")
        String sourceAddress();

        /** Bounds binding and each submit. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** The list of the next day's appointments e-mailed to each centre. */
    interface DayList {
        /** The centre's local time after which tomorrow's list is sent. */
        @WithDefault("15:00")
        java.time.LocalTime sendAt();

        /** How often lists are checked for (due, or changed since they were sent); {@code off} turns them off. */
        @WithDefault("5m")
        String checkInterval();
    }

    /** The WhatsApp Business Cloud API; the channel is offered only when {@code base-url} is set. */
    interface WhatsApp {
        /** e.g. {@code https://graph.facebook.com} */
        Optional<String> baseUrl();

        @WithDefault("v21.0")
        String apiVersion();

        /** The business phone number's id at Meta, which messages are sent from. */
        Optional<String> phoneNumberId();

        Optional<String> accessToken();

        /** The app secret status webhooks are signed with ({@code X-Hub-Signature-256}). */
        Optional<String> appSecret();

        /** What Meta sends back when it verifies the status webhook's URL. */
        Optional<String> verifyToken();

        @WithDefault("10s")
        Duration timeout();
    }

    /** Webhooks to the IND's systems. */
    interface Webhooks {
        /** Plain http URLs accepted too: only for a local stack, never in production. */
        @WithDefault("false")
        boolean allowPlainHttp();

        /**
         * {@code host:port} pairs an operator trusts although they are not public addresses (the local stack's IND
         * stub on loopback); none in production.
         */
        Optional<List<String>> trustedDestinations();

        /** Attempts before a webhook is parked as failed (visible and retryable through the API). */
        @WithDefault("10")
        int maxAttempts();

        /** The pause after the first failed attempt; it doubles up to {@link #maxBackoff}, with jitter. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Bounds connecting to the subscriber and its answer. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Fault {
        /**
         * Waits this long after the mail server took a message and before recording it SENT: the
         * window in which a crash makes the message go again (deploy/local/suite faults kills the
         * service in it).
         */
        Optional<Duration> pauseAfterSend();
    }
}
