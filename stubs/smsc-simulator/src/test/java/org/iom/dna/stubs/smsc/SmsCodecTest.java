package org.iom.dna.stubs.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmsCodecTest {

    @Test
    void gsm7DecodesTheBasicAndTheExtensionTable() {
        String text = "Hello @ £$¥ èéùìò ÄÖÑÜ§¿äöñüà ΔΦΓΛΩΠΨΣΘΞ € [ ] { } ~ \\ ^ |";

        byte[] septets = SmsCodec.encodeGsm7(text);

        assertThat(septets).contains(new byte[] {0x1B, 0x65}); // the euro sign behind the escape
        assertThat(septets[6]).isZero(); // '@' is septet 0x00
        assertThat(SmsCodec.decodeGsm7(septets)).isEqualTo(text);
    }

    @Test
    void anUnknownEscapeShowsTheBasicCharacterAndATrailingEscapeIsDropped() {
        assertThat(SmsCodec.decodeGsm7(new byte[] {0x1B, 0x41, 0x42, 0x1B})).isEqualTo("AB");
    }

    @Test
    void dataCodingSelectsTheAlphabet() {
        assertThat(SmsCodec.decode(0x08, "ቀጠሮ 😀".getBytes(StandardCharsets.UTF_16BE)))
                .isEqualTo("ቀጠሮ 😀");
        assertThat(SmsCodec.decode(0x03, "Beyrouth à 10h".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("Beyrouth à 10h");
        assertThat(SmsCodec.decode(0x04, new byte[] {0x0A, (byte) 0xFF})).isEqualTo("0aff");
        assertThat(SmsCodec.encodingOf(0x00)).isEqualTo("GSM7");
        assertThat(SmsCodec.encodingOf(0x08)).isEqualTo("UCS2");
        assertThat(SmsCodec.encodingOf(0x18)).isEqualTo("UCS2"); // general group, class 0
        assertThat(SmsCodec.encodingOf(0xF4)).isEqualTo("BINARY");
    }

    @Test
    void theUserDataHeaderIsSplitOff() {
        byte[] eightBit = {0x05, 0x00, 0x03, 0x2A, 0x03, 0x02, 0x48, 0x69};
        SmsCodec.UserData first = SmsCodec.split(eightBit, true);
        assertThat(first.concat()).isEqualTo(new SmsCodec.Concat(0x2A, 3, 2));
        assertThat(SmsCodec.decodeGsm7(first.body())).isEqualTo("Hi");

        byte[] sixteenBit = {0x06, 0x08, 0x04, 0x01, 0x02, 0x02, 0x01, 0x00, 0x41};
        SmsCodec.UserData second = SmsCodec.split(sixteenBit, true);
        assertThat(second.concat()).isEqualTo(new SmsCodec.Concat(0x0102, 2, 1));
        assertThat(second.body()).containsExactly(0x00, 0x41);

        assertThat(SmsCodec.split(eightBit, false).concat()).isNull();
    }

    @Test
    void receiptTextKeepsWhatReadsTheSameInAsciiAndGsm() {
        assertThat(SmsCodec.receiptSafe("Ihr Termin @ 10:00 ist ቀጠሮ", 20)).isEqualTo("Ihr Termin ? 10:00 i");
    }

    @Test
    void logsKeepTheLastFourDigitsOnly() {
        assertThat(SmscSimulator.mask("+251911234567")).isEqualTo("+********4567");
        assertThat(SmscSimulator.mask("IOM")).isEqualTo("IOM");
    }
}
