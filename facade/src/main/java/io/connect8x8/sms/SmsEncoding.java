package io.connect8x8.sms;

/** The character encoding of an SMS, as the SMS API spells it. */
public enum SmsEncoding {
    /** Let the API choose: GSM-7 unless the text needs Unicode. The default. */
    AUTO,
    /** The GSM 03.38 7-bit alphabet: 160 positions in one part, 153 a part after that. */
    GSM7,
    /** UTF-16: 70 code units in one part, 67 a part after that. */
    UCS2
}
