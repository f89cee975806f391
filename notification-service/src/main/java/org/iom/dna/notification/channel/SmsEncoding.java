package org.iom.dna.notification.channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text travels as SMS: in the GSM 03.38 default alphabet (data_coding 0, 160 characters in one message)
 * when every character has a GSM code, otherwise in UCS-2 (data_coding 8, 70 characters: Amharic, Arabic,
 * Persian, ...). A longer text is split into parts of 153 GSM or 67 UCS-2 characters, each led by a concatenation
 * header (UDH, information element 0x00) that phones use to join them.
 *
 * <p>GSM characters go one septet per octet (unpacked), which is what SMPP's short_message carries for
 * data_coding 0; the SMSC packs them for the air. No maintained Java library carries the GSM table on its own,
 * so it is here, from 3GPP TS 23.038.
 */
public final class SmsEncoding {

    public static final byte DATA_CODING_GSM = 0x00;
    public static final byte DATA_CODING_UCS2 = 0x08;

    /** 3GPP TS 23.038 default alphabet, by code (0x1B is the escape to the extension table). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: each character costs two septets (escape, code). */
    private static final String GSM_EXTENSION_CHARS = "\f^{}\\[~]|€";

    private static final byte[] GSM_EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final byte ESCAPE = 0x1B;
    private static final int UDH_LENGTH = 6;

    /** One SMS to submit: the octets of short_message, and whether they start with a UDH. */
    public record Part(byte[] shortMessage, boolean hasUdh) {}

    /** The encoded text, split into parts if it does not fit in one message. */
    public record Encoded(byte dataCoding, List<Part> parts) {}

    private SmsEncoding() {}

    public static boolean fitsGsm(String text) {
        return text.codePoints().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION_CHARS.indexOf(c) >= 0);
    }

    /** {@code reference} ties the parts of one message together (phones join parts with the same one). */
    public static Encoded encode(String text, int reference) {
        return fitsGsm(text) ? gsm(text, reference) : ucs2(text, reference);
    }

    private static Encoded gsm(String text, int reference) {
        List<byte[]> units = new ArrayList<>(); // each character's septets: an extension character is two
        for (char c : text.toCharArray()) {
            int basic = GSM_BASIC.indexOf(c);
            units.add(
                    basic >= 0
                            ? new byte[] {(byte) basic}
                            : new byte[] {ESCAPE, GSM_EXTENSION_CODES[GSM_EXTENSION_CHARS.indexOf(c)]});
        }
        return new Encoded(DATA_CODING_GSM, split(units, 160, 153, reference));
    }

    private static Encoded ucs2(String text, int reference) {
        List<byte[]> units = new ArrayList<>(); // each code point's UTF-16 octets: a surrogate pair stays whole
        text.codePoints()
                .forEach(cp -> units.add(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_16BE)));
        return new Encoded(DATA_CODING_UCS2, split(units, 140, 134, reference));
    }

    /** Packs units into parts of at most {@code single} octets, or {@code perPart} each after a UDH. */
    private static List<Part> split(List<byte[]> units, int single, int perPart, int reference) {
        int total = units.stream().mapToInt(u -> u.length).sum();
        if (total <= single) {
            return List.of(new Part(concat(units), false));
        }
        List<List<byte[]>> parts = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int size = 0;
        for (byte[] unit : units) {
            if (size + unit.length > perPart) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(unit);
            size += unit.length;
        }
        parts.add(current);
        if (parts.size() > 255) {
            throw new IllegalArgumentException("text too long for one concatenated SMS: " + parts.size() + " parts");
        }
        List<Part> result = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(
                    new byte[] {UDH_LENGTH - 1, 0x00, 0x03, (byte) reference, (byte) parts.size(), (byte) (i + 1)});
            out.writeBytes(concat(parts.get(i)));
            result.add(new Part(out.toByteArray(), true));
        }
        return result;
    }

    private static byte[] concat(List<byte[]> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        units.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
