package io.connect8x8.sms;

import io.connect8x8.internal.SpecEnums;

/**
 * The character encoding of an SMS. The spelling on the wire is the matching value of the generated enum of the spec
 * set in use. The list is open: an encoding a newer 8x8 document adds is sent by name
 * ({@code Sms.builder().encoding("Binary")}), checked against the spec in use, with no new release of the facade.
 */
public enum SmsEncoding {
    /** Let the API choose: GSM-7 unless the text needs Unicode. The default. */
    AUTO,
    /** The GSM 03.38 7-bit alphabet: 160 positions in one part, 153 a part after that. */
    GSM7,
    /** UTF-16: 70 code units in one part, 67 a part after that. */
    UCS2,
    /**
     * An encoding the spec in use allows that this version of the facade has no constant for: returned for an
     * encoding given by name (read the message's {@code encodingAsString()} then). Never accepted as input; parts are
     * counted for it as for {@link #AUTO}.
     */
    UNKNOWN;

    /**
     * Finds the constant for an encoding's name in any casing ({@code ucs2}, {@code Ucs2}), such as the encoding of
     * an {@code SmsResult}.
     *
     * @param name the name, or null
     * @return the constant, or {@link #UNKNOWN} when this version has none for the name (or it is null)
     */
    public static SmsEncoding find(String name) {
        return SpecEnums.facadeConstant(SmsEncoding.class, name, UNKNOWN);
    }
}
