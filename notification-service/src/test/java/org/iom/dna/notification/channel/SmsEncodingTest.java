package org.iom.dna.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A message a phone can show: GSM when every character has a GSM code (160 per message), UCS-2 otherwise (70),
 * longer texts in parts that phones join again.
 */
class SmsEncodingTest {

    @Test
    void shouldSendLatinTextInTheGsmAlphabet() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("Hello Selam, 10:30 @ ET-ADD", 1);

        assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.DATA_CODING_GSM);
        assertThat(encoded.parts()).hasSize(1);
        assertThat(encoded.parts().get(0).hasUdh()).isFalse();
    }

    @Test
    void shouldWriteGsmCodesThatDifferFromAscii() {
        byte[] octets = SmsEncoding.encode("@_$", 1).parts().get(0).shortMessage();

        assertThat(octets).containsExactly(0x00, 0x11, 0x02);
    }

    @Test
    void shouldEscapeCharactersOfTheExtensionTable() {
        byte[] octets = SmsEncoding.encode("5€", 1).parts().get(0).shortMessage();

        assertThat(octets).containsExactly(0x35, 0x1B, 0x65);
    }

    @Test
    void shouldSendAmharicInUcs2() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("ቀጠሮዎ", 1);

        assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.DATA_CODING_UCS2);
        assertThat(encoded.parts().get(0).shortMessage()).isEqualTo("ቀጠሮዎ".getBytes(StandardCharsets.UTF_16BE));
    }

    @Test
    void shouldSendArabicInUcs2() {
        assertThat(SmsEncoding.encode("موعدك", 1).dataCoding()).isEqualTo(SmsEncoding.DATA_CODING_UCS2);
    }

    @Test
    void shouldFit160GsmCharactersInOneMessage() {
        assertThat(SmsEncoding.encode("a".repeat(160), 1).parts()).hasSize(1);
    }

    @Test
    void shouldSplit161GsmCharactersInTwoParts() {
        assertThat(SmsEncoding.encode("a".repeat(161), 1).parts()).hasSize(2);
    }

    @Test
    void shouldCountAnExtensionCharacterAsTwo() {
        assertThat(SmsEncoding.encode("a".repeat(159) + "€", 1).parts()).hasSize(2);
    }

    @Test
    void shouldFit70Ucs2CharactersInOneMessage() {
        assertThat(SmsEncoding.encode("ሀ".repeat(70), 1).parts()).hasSize(1);
    }

    @Test
    void shouldSplit71Ucs2CharactersInTwoParts() {
        assertThat(SmsEncoding.encode("ሀ".repeat(71), 1).parts()).hasSize(2);
    }

    @Test
    void shouldLeadEachPartWithAConcatenationHeader() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("ሀ".repeat(150), 0x2A);

        assertThat(encoded.parts()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] octets = encoded.parts().get(i).shortMessage();
            assertThat(encoded.parts().get(i).hasUdh()).isTrue();
            assertThat(Arrays.copyOf(octets, 6)).containsExactly(0x05, 0x00, 0x03, 0x2A, 3, i + 1);
        }
    }

    @Test
    void shouldKeepEveryCharacterAcrossTheParts() {
        String text = "ቀጠሮዎ በአዲስ አበባ ማዕከል ነው። ".repeat(8);
        StringBuilder joined = new StringBuilder();

        for (SmsEncoding.Part part : SmsEncoding.encode(text, 7).parts()) {
            byte[] octets = part.shortMessage();
            joined.append(new String(octets, 6, octets.length - 6, StandardCharsets.UTF_16BE));
        }

        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void shouldNotSplitACharacterOutsideTheBasicPlane() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10) + "ሀ";

        SmsEncoding.Part first = SmsEncoding.encode(text, 1).parts().get(0);

        String decoded =
                new String(first.shortMessage(), 6, first.shortMessage().length - 6, StandardCharsets.UTF_16BE);
        assertThat(decoded).isEqualTo("a".repeat(66));
    }

    @Test
    void shouldKeepEachPartWithinOneSms() {
        for (String text : new String[] {"a".repeat(500), "ሀ".repeat(500), "€".repeat(300)}) {
            assertThat(SmsEncoding.encode(text, 1).parts())
                    .allSatisfy(part -> assertThat(part.shortMessage().length).isLessThanOrEqualTo(160));
        }
    }
}
