package io.connect8x8.sms;

import java.util.Objects;

/**
 * How an SMS text is encoded and split into parts, computed offline with the same rules as the 8x8 SMS API.
 *
 * <p>GSM-7 text of up to 160 positions is one part, longer text 153 positions a part; characters of the GSM 03.38
 * extension table ({@code ^ { } \ [ ~ ] | €} and form feed) take two positions. Text with any other character needs
 * UCS-2: 70 UTF-16 code units in one part, then 67 a part (an emoji outside the Basic Multilingual Plane is two
 * units). A part never splits a surrogate pair or a GSM-7 escape sequence: such a character moves whole to the next
 * part. The API sends at most {@value #MAX_PARTS} parts and truncates
 * longer text; {@link #truncated()} says so.
 *
 * <p>Instances are immutable values.
 *
 * @param encoding the encoding used: {@link SmsEncoding#GSM7} or {@link SmsEncoding#UCS2}, never {@code AUTO}
 * @param length the length in the encoding's units (GSM-7 positions or UTF-16 code units)
 * @param parts the number of parts the text is sent as, at least 1, at most {@value #MAX_PARTS}
 * @param perPart the capacity of one part in this message: 160 or 153 for GSM-7, 70 or 67 for UCS-2
 * @param remainingInLastPart how many more units fit in the last part before another part is needed
 * @param truncated whether the text needs more than {@value #MAX_PARTS} parts and would be cut
 */
public record SmsParts(SmsEncoding encoding, int length, int parts, int perPart, int remainingInLastPart,
                       boolean truncated) {

    /** The most parts one SMS is sent as. */
    public static final int MAX_PARTS = 10;

    private static final String GSM7_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";
    /**
     * Each character's GSM-7 width (1 in the basic set, 2 in the extension, 0 for none), indexed by the character:
     * one array read a character instead of two scans of the sets, on every SMS built.
     */
    private static final byte[] GSM7_WIDTHS = gsm7Widths();

    /**
     * Makes a value read back or built in a test; {@link #of(String)} computes one from a text.
     *
     * @param encoding the encoding used: {@link SmsEncoding#GSM7} or {@link SmsEncoding#UCS2}
     * @param length the length in the encoding's units
     * @param parts the number of parts the text is sent as
     * @param perPart the capacity of one part in this message
     * @param remainingInLastPart how many more units fit in the last part
     * @param truncated whether the text needs more than {@value #MAX_PARTS} parts and would be cut
     * @throws NullPointerException when {@code encoding} is null
     */
    public SmsParts {
        Objects.requireNonNull(encoding, "encoding");
    }

    /**
     * Computes the parts as the API does with encoding {@code AUTO}: GSM-7 when every character has a GSM-7 form.
     *
     * @param text the message text, not null
     * @return the encoding and parts
     */
    public static SmsParts of(String text) {
        return of(text, SmsEncoding.AUTO);
    }

    /**
     * Computes the parts for {@code text} sent with the given encoding.
     *
     * @param text the message text, not null
     * @param encoding {@code AUTO} to choose as the API does, or a forced {@code GSM7} or {@code UCS2}; with a forced
     *     {@code GSM7}, characters without a GSM-7 form count one position each (the API replaces them)
     * @return the encoding and parts
     */
    public static SmsParts of(String text, SmsEncoding encoding) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
        int gsmLength = gsm7Length(text, false);
        // An encoding this version does not know is counted as the API's default would be.
        boolean gsm = encoding == SmsEncoding.GSM7
                || ((encoding == SmsEncoding.AUTO || encoding == SmsEncoding.UNKNOWN) && gsmLength >= 0);
        if (gsm) {
            return split(SmsEncoding.GSM7, text, gsmLength >= 0 ? gsmLength : gsm7Length(text, true), 160, 153);
        }
        return split(SmsEncoding.UCS2, text, text.length(), 70, 67);
    }

    /**
     * Splits greedily, as handsets and the API do: a character that does not fit whole in the current part (a
     * GSM-7 escape sequence, a UTF-16 surrogate pair) starts the next one.
     */
    private static SmsParts split(SmsEncoding encoding, String text, int length, int single, int multi) {
        if (length <= single) {
            return new SmsParts(encoding, length, 1, single, single - length, false);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = encoding == SmsEncoding.UCS2 ? Character.charCount(codePoint)
                    : GSM7_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1;
            if (used + width > multi) {
                parts++;
                used = 0;
            }
            used += width;
            i += Character.charCount(codePoint);
        }
        if (parts > MAX_PARTS) {
            return new SmsParts(encoding, length, MAX_PARTS, multi, 0, true);
        }
        return new SmsParts(encoding, length, parts, multi, multi - used, false);
    }

    /**
     * The GSM-7 length of the text; a character with no GSM-7 form makes it -1, or counts one position when
     * {@code lenient} (the API replaces it).
     */
    private static int gsm7Length(String text, boolean lenient) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int width = c < GSM7_WIDTHS.length ? GSM7_WIDTHS[c] : 0;
            if (width == 0 && !lenient) {
                return -1;
            }
            // Leniently, a surrogate pair is one replaced character.
            length += width == 0 && Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(
                    text.charAt(i - 1)) ? 0 : Math.max(width, 1);
        }
        return length;
    }

    private static byte[] gsm7Widths() {
        byte[] widths = new byte[(GSM7_BASIC + GSM7_EXTENSION).chars().max().orElseThrow() + 1];
        // The escape character introduces the extension; it is no character of its own.
        GSM7_BASIC.chars().filter(c -> c != '\u001B').forEach(c -> widths[c] = 1);
        GSM7_EXTENSION.chars().forEach(c -> widths[c] = 2);
        return widths;
    }
}
