package org.iom.dna.stubs.smsc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The text of a short message: its data_coding, the GSM 03.38 default alphabet (one septet per octet, as SMPP
 * carries it, with the extension table behind the 0x1B escape) and the user data header of concatenated messages.
 */
final class SmsCodec {

    static final String GSM7 = "GSM7";
    static final String IA5 = "IA5";
    static final String LATIN1 = "LATIN1";
    static final String CYRILLIC = "CYRILLIC";
    static final String HEBREW = "HEBREW";
    static final String UCS2 = "UCS2";
    static final String BINARY = "BINARY";

    private static final int ESCAPE = 0x1B;

    /** GSM 03.38 default alphabet, indexed by septet; 0x1B is the escape to the extension table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final char[] EXTENSION = new char[128];

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM 03.38 table has " + BASIC.length() + " characters");
        }
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[0x65] = '€';
    }

    /** Concatenation information of one part: IE 0x00 / 0x08 of the UDH, or the SAR TLVs. */
    record Concat(int reference, int total, int sequence) {

        /** A part that can be put together with its siblings (otherwise it is taken as a message of its own). */
        boolean usable() {
            return total > 1 && sequence >= 1 && sequence <= total;
        }
    }

    /** short_message (or message_payload) split into its concatenation header, if any, and the text octets. */
    record UserData(Concat concat, byte[] body) {}

    private SmsCodec() {}

    /** The name of the alphabet a data_coding value stands for (SMPP 3.4 section 5.2.19 and GSM 03.38 groups). */
    static String encodingOf(int dataCoding) {
        int dcs = dataCoding & 0xFF;
        if (dcs <= 0x0F) {
            return switch (dcs) {
                case 0x00 -> GSM7;
                case 0x01 -> IA5;
                case 0x03 -> LATIN1;
                case 0x06 -> CYRILLIC;
                case 0x07 -> HEBREW;
                case 0x08 -> UCS2;
                default -> BINARY;
            };
        }
        if (dcs < 0x40) {
            // General data coding group: bit 5 = compressed, bits 3-2 = alphabet.
            if ((dcs & 0x20) != 0) {
                return BINARY;
            }
            return switch ((dcs >> 2) & 0x03) {
                case 0 -> GSM7;
                case 2 -> UCS2;
                default -> BINARY;
            };
        }
        if (dcs >= 0xF0) {
            return (dcs & 0x04) == 0 ? GSM7 : BINARY;
        }
        if (dcs >= 0xC0) {
            return dcs >= 0xE0 ? UCS2 : GSM7;
        }
        return BINARY;
    }

    /** The text of the octets in the alphabet of data_coding; binary data as lower-case hex. */
    static String decode(int dataCoding, byte[] octets) {
        return switch (encodingOf(dataCoding)) {
            case GSM7 -> decodeGsm7(octets);
            case IA5 -> new String(octets, StandardCharsets.US_ASCII);
            case LATIN1 -> new String(octets, StandardCharsets.ISO_8859_1);
            case CYRILLIC -> new String(octets, Charset.forName("ISO-8859-5"));
            case HEBREW -> new String(octets, Charset.forName("ISO-8859-8"));
            // UCS-2 read as UTF-16BE, so that a surrogate pair (an emoji, say) still decodes.
            case UCS2 -> new String(octets, StandardCharsets.UTF_16BE);
            default -> HexFormat.of().formatHex(octets);
        };
    }

    /** GSM 03.38, one septet per octet (SMPP's unpacked form); an unknown escape shows the basic character. */
    static String decodeGsm7(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE) {
                if (i + 1 >= septets.length) {
                    break;
                }
                int next = septets[++i] & 0x7F;
                char extended = EXTENSION[next];
                text.append(extended != 0 ? extended : BASIC.charAt(next));
            } else {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    /** GSM 03.38 unpacked (one septet per octet); characters outside the alphabet become '?'. */
    static byte[] encodeGsm7(String text) {
        byte[] out = new byte[text.length() * 2];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out[length++] = (byte) basic;
                continue;
            }
            int extended = extensionIndex(c);
            if (extended >= 0) {
                out[length++] = ESCAPE;
                out[length++] = (byte) extended;
            } else {
                out[length++] = (byte) BASIC.indexOf('?');
            }
        }
        return Arrays.copyOf(out, length);
    }

    private static int extensionIndex(char c) {
        for (int i = 0; i < EXTENSION.length; i++) {
            if (EXTENSION[i] == c && c != 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits the user data: with UDHI set in esm_class the first octet is the header's length, then its information
     * elements (raw octets even for GSM 7-bit: SMPP carries septets unpacked, so there are no fill bits); the rest is
     * the text. A header that does not fit is taken as text.
     */
    static UserData split(byte[] data, boolean udhi) {
        if (!udhi || data.length == 0) {
            return new UserData(null, data);
        }
        int end = 1 + (data[0] & 0xFF);
        if (end > data.length) {
            return new UserData(null, data);
        }
        Concat concat = null;
        int i = 1;
        while (i + 2 <= end) {
            int iei = data[i] & 0xFF;
            int length = data[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > end) {
                break;
            }
            if (iei == 0x00 && length == 3) {
                concat = new Concat(data[value] & 0xFF, data[value + 1] & 0xFF, data[value + 2] & 0xFF);
            } else if (iei == 0x08 && length == 4) {
                int reference = ((data[value] & 0xFF) << 8) | (data[value + 1] & 0xFF);
                concat = new Concat(reference, data[value + 2] & 0xFF, data[value + 3] & 0xFF);
            }
            i = value + length;
        }
        return new UserData(concat, Arrays.copyOfRange(data, end, data.length));
    }

    /** The first {@code max} characters of a text, as characters that read the same in ASCII and GSM 03.38. */
    static String receiptSafe(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(max, text.length()));
        text.codePoints().limit(max).forEach(cp -> out.append(isReceiptSafe(cp) ? (char) cp : '?'));
        return out.toString();
    }

    private static boolean isReceiptSafe(int cp) {
        return (cp >= 'a' && cp <= 'z')
                || (cp >= 'A' && cp <= 'Z')
                || (cp >= '0' && cp <= '9')
                || " !\"#%&'()*+,-./:;<=>?".indexOf(cp) >= 0;
    }
}
