package org.iom.dna.stubs.smsc;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * What the simulator listens on and whom it lets in; read from system properties ({@code -Dsmsc.smpp.port=2775}).
 *
 * @param host the address both servers bind to (loopback by default: nothing outside this machine reaches it)
 * @param smppPort SMPP 3.4 port ({@code 0}: any free port)
 * @param httpPort HTTP API port ({@code 0}: any free port)
 * @param systemId the only system_id that may bind (at most 15 characters: SMPP 3.4 allows no more)
 * @param password its password
 * @param receiptDelay how long after the submit_sm_resp the delivery receipt is sent
 * @param undeliverableSuffix destinations ending in these digits fail for good (stat:UNDELIV)
 * @param maxMessages how many complete messages are kept (oldest forgotten first)
 * @param receiptAttempts how often a receipt is tried while no receiver session of the system_id is bound
 * @param receiptRetryInterval the wait between two of those attempts
 */
public record SmscConfig(
        String host,
        int smppPort,
        int httpPort,
        String systemId,
        String password,
        Duration receiptDelay,
        String undeliverableSuffix,
        int maxMessages,
        int receiptAttempts,
        Duration receiptRetryInterval) {

    public static final String PREFIX = "smsc.";

    public SmscConfig {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("smsc.max-messages must be at least 1");
        }
        // SMPP 3.4 section 4.1: system_id is a C-Octet String of at most 16 octets, password of at most 9, both
        // with the terminating NUL; jsmpp refuses to send longer ones.
        if (systemId.isEmpty() || systemId.length() > 15) {
            throw new IllegalArgumentException("smsc.system-id must have 1 to 15 characters (SMPP 3.4)");
        }
        if (password.length() > 8) {
            throw new IllegalArgumentException("smsc.password must have at most 8 characters (SMPP 3.4)");
        }
        if (receiptAttempts < 1) {
            throw new IllegalArgumentException("smsc.receipt-attempts must be at least 1");
        }
    }

    public static SmscConfig defaults() {
        return from(new Properties());
    }

    public static SmscConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    static SmscConfig from(Properties properties) {
        return new SmscConfig(
                properties.getProperty(PREFIX + "host", "127.0.0.1"),
                intValue(properties, "smpp.port", 2775),
                intValue(properties, "http.port", 8027),
                properties.getProperty(PREFIX + "system-id", "dna-notify"),
                properties.getProperty(PREFIX + "password", "dna-dev"),
                duration(properties, "receipt-delay", Duration.ofMillis(200)),
                properties.getProperty(PREFIX + "undeliverable-suffix", "0000"),
                intValue(properties, "max-messages", 10_000),
                intValue(properties, "receipt-attempts", 10),
                duration(properties, "receipt-retry-interval", Duration.ofMillis(500)));
    }

    /** The same configuration on other ports (tests use {@code 0, 0}). */
    public SmscConfig withPorts(int smpp, int http) {
        return new SmscConfig(
                host,
                smpp,
                http,
                systemId,
                password,
                receiptDelay,
                undeliverableSuffix,
                maxMessages,
                receiptAttempts,
                receiptRetryInterval);
    }

    public SmscConfig withReceiptDelay(Duration delay) {
        return new SmscConfig(
                host,
                smppPort,
                httpPort,
                systemId,
                password,
                delay,
                undeliverableSuffix,
                maxMessages,
                receiptAttempts,
                receiptRetryInterval);
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

    /** Milliseconds ({@code 200} or {@code 200ms}), seconds ({@code 2s}) or an ISO-8601 duration ({@code PT0.2S}). */
    private static Duration duration(Properties properties, String name, Duration fallback) {
        String value = properties.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(
                        Long.parseLong(text.substring(0, text.length() - 1).trim()));
            }
            return Duration.ofMillis(Long.parseLong(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    PREFIX + name + " must be milliseconds (200), 2s or PT0.2S, not '" + value + "'", e);
        }
    }
}
