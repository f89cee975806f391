package org.iom.dna.intake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.iom.dna.intake.config.PiiConfig;
import org.iom.dna.intake.domain.PersonalData;

/**
 * AES-256-GCM for personal data at rest, with the JDK's provider. Each ciphertext is bound to the
 * row it belongs to (the row id is the associated data), so a ciphertext copied onto another row
 * does not decrypt. Layout: 12-byte nonce followed by ciphertext and tag.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private static final byte[] LOOKUP_PURPOSE = "dna-lookup-index-v1".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, SecretKey> keys = new HashMap<>();
    /** Per encryption key, the HMAC key derived from it for lookup indexes (never the encryption key itself). */
    private final Map<String, SecretKey> lookupKeys = new HashMap<>();

    private final String activeKeyId;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(PiiConfig config, ObjectMapper json) {
        for (String entry : config.keys()) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("dna.pii.keys entries must be keyId:base64");
            }
            byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            if (key.length != 32) {
                throw new IllegalStateException("PII key " + entry.substring(0, colon) + " must be 32 bytes");
            }
            keys.put(entry.substring(0, colon).trim(), new SecretKeySpec(key, "AES"));
            lookupKeys.put(
                    entry.substring(0, colon).trim(), new SecretKeySpec(hmac(key, LOOKUP_PURPOSE), "HmacSHA256"));
        }
        if (!keys.containsKey(config.activeKey())) {
            throw new IllegalStateException("dna.pii.active-key names no configured key");
        }
        this.activeKeyId = config.activeKey();
        this.json = json;
    }

    public record Sealed(String keyId, byte[] ciphertext) {}

    /** The key new data is sealed with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Keys still configured so that data sealed with them can be read, but no longer used to seal. */
    public Set<String> retiredKeyIds() {
        Set<String> retired = new TreeSet<>(keys.keySet());
        retired.remove(activeKeyId);
        return retired;
    }

    /**
     * A keyed hash of a value (a phone number in E.164 form) under the active key, so that rows can be found by the
     * value without it being stored readable: the same value gives the same index, and without the key an index
     * says nothing.
     */
    public String lookupIndex(String value) {
        return lookupIndex(activeKeyId, value);
    }

    /** The active key's id, then the indexes of a member's phone and WhatsApp numbers (null where there is none). */
    public record ContactIndexes(String keyId, String phone, String whatsapp) {}

    public ContactIndexes contactIndexes(PersonalData.Contact contact) {
        return new ContactIndexes(
                activeKeyId,
                contact == null || contact.phone() == null ? null : lookupIndex(contact.phone()),
                contact == null || contact.whatsapp() == null ? null : lookupIndex(contact.whatsapp()));
    }

    /** The value's index under every configured key: what a lookup searches while a key rotation is under way. */
    public List<String> lookupIndexes(String value) {
        return lookupKeys.keySet().stream()
                .sorted()
                .map(k -> lookupIndex(k, value))
                .toList();
    }

    private String lookupIndex(String keyId, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKeys.get(keyId));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("lookup index failed", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation failed", e);
        }
    }

    /** Every configured key: what data can be read under. */
    public Set<String> knownKeyIds() {
        return new TreeSet<>(keys.keySet());
    }

    /** Whether data sealed with this key can be read. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The same plaintext, sealed again with the active key (and a new nonce) for the same owner. */
    public Sealed reseal(String keyId, byte[] ciphertext, UUID owner) {
        byte[] plaintext = open(keyId, ciphertext, owner);
        try {
            return seal(plaintext, owner);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    public Sealed sealJson(Object value, UUID owner) {
        try {
            return seal(json.writeValueAsBytes(value), owner);
        } catch (IOException e) {
            throw new IllegalStateException("personal data could not be serialised", e);
        }
    }

    public <T> T openJson(String keyId, byte[] ciphertext, UUID owner, Class<T> type) {
        try {
            return json.readValue(open(keyId, ciphertext, owner), type);
        } catch (IOException e) {
            throw new IllegalStateException("personal data could not be read", e);
        }
    }

    public Sealed seal(byte[] plaintext, UUID owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(owner));
            byte[] sealed = cipher.doFinal(plaintext);
            return new Sealed(
                    activeKeyId,
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] open(String keyId, byte[] ciphertext, UUID owner) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("PII key " + keyId + " is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(aad(owner));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    private static byte[] aad(UUID owner) {
        return owner.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
