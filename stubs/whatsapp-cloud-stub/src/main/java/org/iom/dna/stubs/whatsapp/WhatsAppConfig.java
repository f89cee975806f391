package org.iom.dna.stubs.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * What the stub listens on, whom it lets in and where it sends status webhooks; read from system properties ({@code
 * -Dwhatsapp.port=8029}).
 *
 * @param host the address the HTTP server binds to (loopback by default: nothing outside this machine reaches it)
 * @param port HTTP port of both the Cloud API and the inspection API ({@code 0}: any free port)
 * @param phoneNumberId the only business phone number id messages may be sent from
 * @param displayPhoneNumber that number as the status webhooks' metadata shows it
 * @param businessAccountId the WhatsApp Business Account id the status webhooks name as their entry
 * @param accessToken the bearer token the Cloud API requires
 * @param appSecret the key status webhooks are signed with ({@code X-Hub-Signature-256}, HMAC-SHA256)
 * @param callbackUrl where status webhooks are POSTed (notification-service's {@code /webhooks/whatsapp})
 * @param statusDelay how long after the API's answer the first status webhook ("sent") goes out
 * @param failedSuffix recipients ending in these digits are accepted, then get a "failed" status
 * @param refusedSuffix recipients ending in these digits are refused at once (error 131026)
 * @param maxMessages how many messages are kept (oldest forgotten first)
 * @param callbackAttempts how often one status webhook is tried before the stub gives up on it
 * @param callbackRetryInterval the pause after the first failed attempt; it doubles after each further one
 * @param callbackTimeout how long one attempt may take (connecting and answering)
 */
public record WhatsAppConfig(
        String host,
        int port,
        String phoneNumberId,
        String displayPhoneNumber,
        String businessAccountId,
        String accessToken,
        String appSecret,
        URI callbackUrl,
        Duration statusDelay,
        String failedSuffix,
        String refusedSuffix,
        int maxMessages,
        int callbackAttempts,
        Duration callbackRetryInterval,
        Duration callbackTimeout) {

    public static final String PREFIX = "whatsapp.";

    public WhatsAppConfig {
        if (maxMessages < 1) {
            throw new IllegalArgumentException(PREFIX + "max-messages must be at least 1");
        }
        if (callbackAttempts < 1) {
            throw new IllegalArgumentException(PREFIX + "callback-attempts must be at least 1");
        }
        if (callbackTimeout.isZero() || callbackTimeout.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "callback-timeout must be positive");
        }
        if (phoneNumberId.isBlank() || accessToken.isBlank() || appSecret.isBlank()) {
            throw new IllegalArgumentException(
                    PREFIX + "phone-number-id, " + PREFIX + "access-token and " + PREFIX + "app-secret must be set");
        }
        String scheme = callbackUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || callbackUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    PREFIX + "callback-url must be an http(s) URL, not '" + callbackUrl + "'");
        }
    }

    public static WhatsAppConfig defaults() {
        return from(new Properties());
    }

    public static WhatsAppConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    static WhatsAppConfig from(Properties properties) {
        return new WhatsAppConfig(
                text(properties, "host", "127.0.0.1"),
                intValue(properties, "port", 8029),
                text(properties, "phone-number-id", "109876543210"),
                text(properties, "display-phone-number", "15550109876"),
                text(properties, "business-account-id", "102290129340398"),
                text(properties, "access-token", "dna-dev-whatsapp-token"),
                text(properties, "app-secret", "dna-dev-whatsapp-app-secret"),
                uri(properties, "callback-url", "http://localhost:8084/webhooks/whatsapp"),
                duration(properties, "status-delay", Duration.ofMillis(300)),
                text(properties, "failed-suffix", "0000"),
                text(properties, "refused-suffix", "1111"),
                intValue(properties, "max-messages", 10_000),
                intValue(properties, "callback-attempts", 5),
                duration(properties, "callback-retry-interval", Duration.ofMillis(500)),
                duration(properties, "callback-timeout", Duration.ofSeconds(5)));
    }

    /** The same configuration on another port, calling another URL back (tests use {@code 0}). */
    public WhatsAppConfig with(int httpPort, URI callback) {
        return new WhatsAppConfig(
                host,
                httpPort,
                phoneNumberId,
                displayPhoneNumber,
                businessAccountId,
                accessToken,
                appSecret,
                callback,
                statusDelay,
                failedSuffix,
                refusedSuffix,
                maxMessages,
                callbackAttempts,
                callbackRetryInterval,
                callbackTimeout);
    }

    /** The same configuration with other status and retry timings (tests make them short). */
    public WhatsAppConfig withTimings(Duration delay, int attempts, Duration retryInterval) {
        return new WhatsAppConfig(
                host,
                port,
                phoneNumberId,
                displayPhoneNumber,
                businessAccountId,
                accessToken,
                appSecret,
                callbackUrl,
                delay,
                failedSuffix,
                refusedSuffix,
                maxMessages,
                attempts,
                retryInterval,
                callbackTimeout);
    }

    private static String text(Properties properties, String name, String fallback) {
        String value = properties.getProperty(PREFIX + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static URI uri(Properties properties, String name, String fallback) {
        String value = text(properties, name, fallback);
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + name + " must be a URL, not '" + value + "'", e);
        }
    }

    private static int intValue(Properties properties, String name, int fallback) {
        String value = properties.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + name + " must be a number, not '" + value + "'", e);
        }
    }

    /** Milliseconds ({@code 300} or {@code 300ms}), seconds ({@code 2s}) or an ISO-8601 duration ({@code PT0.3S}). */
    private static Duration duration(Properties properties, String name, Duration fallback) {
        String value = properties.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration result;
            if (text.startsWith("p")) {
                result = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else if (text.endsWith("ms")) {
                result = Duration.ofMillis(
                        Long.parseLong(text.substring(0, text.length() - 2).trim()));
            } else if (text.endsWith("s")) {
                result = Duration.ofSeconds(
                        Long.parseLong(text.substring(0, text.length() - 1).trim()));
            } else {
                result = Duration.ofMillis(Long.parseLong(text));
            }
            if (result.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return result;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    PREFIX + name + " must be milliseconds (300), 2s or PT0.3S, not '" + value + "'", e);
        }
    }
}
