package org.iom.dna.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs webhooks the Standard Webhooks way: {@code webhook-signature: v1,<base64 HMAC-SHA256>} over {@code
 * <webhook-id>.<webhook-timestamp>.<body>}, with the key that follows {@code whsec_} in the subscriber's secret
 * (base64). The subscriber recomputes it, compares in constant time and rejects timestamps too far from now. See
 * docs/webhooks.md for the headers and a verification example.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header's value. */
    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        return "v1,"
                + Base64.getEncoder().encodeToString(hmac(secret, webhookId + "." + timestampSeconds + "." + body));
    }

    /** True when one of the header's space-separated {@code v1,} signatures is the right one. */
    public static boolean verify(String secret, String webhookId, long timestampSeconds, String body, String header) {
        byte[] expected = hmac(secret, webhookId + "." + timestampSeconds + "." + body);
        for (String candidate : header.split(" ")) {
            if (candidate.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        return Hmac.sha256(
                Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
                content.getBytes(StandardCharsets.UTF_8));
    }
}
