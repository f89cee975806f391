package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.iom.dna.intake.config.PiiConfig;
import org.iom.dna.intake.domain.PersonalData;
import org.junit.jupiter.api.Test;

/** AES-GCM for personal data at rest: round trips, key rotation, and refusing what was tampered with. */
class PersonalDataCipherTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String OLD = "old:" + key('o');
    private static final String NEW = "new:" + key('n');
    private static final PersonalData SELAM = new PersonalData(
            "Selam",
            "Tesfay",
            "1991",
            "FEMALE",
            "ER",
            "Shire",
            new PersonalData.Contact("+251911234567", "selam@example.org", null, null),
            "uses a wheelchair",
            null);

    private static String key(char fill) {
        return Base64.getEncoder()
                .encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }

    private static PiiConfig config(String active, String... keys) {
        return new PiiConfig() {
            @Override
            public List<String> keys() {
                return List.of(keys);
            }

            @Override
            public String activeKey() {
                return active;
            }
        };
    }

    private static PersonalDataCipher cipher(String active, String... keys) {
        return new PersonalDataCipher(config(active, keys), JSON);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldOpenWhatItSealedForTheSameOwner() {
        PersonalDataCipher cipher = cipher("new", NEW);
        UUID owner = UUID.randomUUID();

        PersonalDataCipher.Sealed sealed = cipher.sealJson(SELAM, owner);

        assertThat(cipher.openJson(sealed.keyId(), sealed.ciphertext(), owner, PersonalData.class))
                .isEqualTo(SELAM);
    }

    @Test
    void shouldNameTheActiveKeyAsTheOneItSealedWith() {
        PersonalDataCipher cipher = cipher("new", NEW, OLD);

        assertThat(cipher.seal(bytes("x"), UUID.randomUUID()).keyId()).isEqualTo("new");
    }

    @Test
    void shouldKeepNoPlaintextInTheCiphertext() {
        PersonalDataCipher.Sealed sealed = cipher("new", NEW).sealJson(SELAM, UUID.randomUUID());

        String stored = new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Selam", "Tesfay", "+251911234567", "selam@example.org", "wheelchair");
    }

    @Test
    void shouldSealTheSameDataDifferentlyEachTime() {
        PersonalDataCipher cipher = cipher("new", NEW);
        UUID owner = UUID.randomUUID();

        // A fresh nonce per seal: equal ciphertexts would tell a reader that two members share a name.
        assertThat(cipher.seal(bytes("Selam"), owner).ciphertext())
                .isNotEqualTo(cipher.seal(bytes("Selam"), owner).ciphertext());
    }

    @Test
    void shouldAddATwelveByteNonceAndASixteenByteTagToThePlaintext() {
        byte[] plaintext = bytes("Selam Tesfay");

        assertThat(cipher("new", NEW).seal(plaintext, UUID.randomUUID()).ciphertext())
                .hasSize(12 + plaintext.length + 16);
    }

    @Test
    void shouldStillOpenDataSealedUnderAnOldKeyAfterRotation() {
        UUID owner = UUID.randomUUID();
        PersonalDataCipher.Sealed underOldKey = cipher("old", OLD).sealJson(SELAM, owner);

        PersonalDataCipher rotated = cipher("new", NEW, OLD);

        assertThat(rotated.openJson(underOldKey.keyId(), underOldKey.ciphertext(), owner, PersonalData.class))
                .isEqualTo(SELAM);
    }

    @Test
    void shouldSealNewDataUnderTheNewKeyAfterRotation() {
        UUID owner = UUID.randomUUID();
        PersonalDataCipher.Sealed sealed = cipher("new", NEW, OLD).seal(bytes("Selam"), owner);

        // Only the new key opens it: a service that has not yet been given the new key cannot.
        assertThat(cipher("new", NEW).open(sealed.keyId(), sealed.ciphertext(), owner))
                .isEqualTo(bytes("Selam"));
        assertThatThrownBy(() -> cipher("old", OLD).open(sealed.keyId(), sealed.ciphertext(), owner))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PII key new is not configured");
    }

    @Test
    void shouldRefuseACiphertextUnderAKeyThatIsNoLongerConfigured() {
        UUID owner = UUID.randomUUID();
        PersonalDataCipher.Sealed underOldKey = cipher("old", OLD).seal(bytes("Selam"), owner);

        assertThatThrownBy(() -> cipher("new", NEW).open(underOldKey.keyId(), underOldKey.ciphertext(), owner))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PII key old is not configured");
    }

    @Test
    void shouldRefuseACiphertextLabelledWithTheWrongKey() {
        UUID owner = UUID.randomUUID();
        PersonalDataCipher cipher = cipher("new", NEW, OLD);
        PersonalDataCipher.Sealed sealed = cipher.seal(bytes("Selam"), owner);

        assertThatThrownBy(() -> cipher.open("old", sealed.ciphertext(), owner))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void shouldRefuseATamperedCiphertext() {
        PersonalDataCipher cipher = cipher("new", NEW);
        UUID owner = UUID.randomUUID();
        byte[] tampered = cipher.seal(bytes("Selam"), owner).ciphertext();
        tampered[14] ^= 0x01;

        assertThatThrownBy(() -> cipher.open("new", tampered, owner))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void shouldRefuseACiphertextWithATamperedNonce() {
        PersonalDataCipher cipher = cipher("new", NEW);
        UUID owner = UUID.randomUUID();
        byte[] tampered = cipher.seal(bytes("Selam"), owner).ciphertext();
        tampered[0] ^= 0x01;

        assertThatThrownBy(() -> cipher.open("new", tampered, owner)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseACiphertextCopiedOntoAnotherRow() {
        PersonalDataCipher cipher = cipher("new", NEW);
        PersonalDataCipher.Sealed sealed = cipher.seal(bytes("Selam"), UUID.randomUUID());

        assertThatThrownBy(() -> cipher.open("new", sealed.ciphertext(), UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void shouldRefuseAKeyEntryWithoutAKeyId() {
        assertThatThrownBy(() -> cipher("new", key('n')))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dna.pii.keys entries must be keyId:base64");
    }

    @Test
    void shouldRefuseAKeyEntryWithAnEmptyKeyId() {
        assertThatThrownBy(() -> cipher("new", ":" + key('n')))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dna.pii.keys entries must be keyId:base64");
    }

    @Test
    void shouldRefuseAKeyThatIsNotThirtyTwoBytes() {
        String aes128 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> cipher("short", "short:" + aes128))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PII key short must be 32 bytes");
    }

    @Test
    void shouldRefuseAnActiveKeyThatIsNotConfigured() {
        assertThatThrownBy(() -> cipher("newest", NEW, OLD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dna.pii.active-key names no configured key");
    }

    @Test
    void shouldReadKeyEntriesWithSpacesAroundTheParts() {
        PersonalDataCipher cipher = cipher("new", " new : " + key('n') + " ");

        assertThat(cipher.seal(bytes("x"), UUID.randomUUID()).keyId()).isEqualTo("new");
    }

    @Test
    void shouldNotEchoThePlaintextWhenItCannotBeReadAsTheExpectedType() {
        PersonalDataCipher cipher = cipher("new", NEW);
        UUID owner = UUID.randomUUID();
        PersonalDataCipher.Sealed notJson = cipher.seal(bytes("Selam Tesfay"), owner);

        assertThatThrownBy(() -> cipher.openJson("new", notJson.ciphertext(), owner, PersonalData.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("personal data could not be read");
    }
}
