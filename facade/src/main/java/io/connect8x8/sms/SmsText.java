package io.connect8x8.sms;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;

/** The text, sender id and encoding that an {@link Sms} and an {@link SmsTemplate} share, checked alike. */
record SmsText(String text, String from, String encoding) {

    static final SmsText EMPTY = new SmsText(null, null, null);
    /** A generous bound on the text before parts are counted: ten UCS-2 parts hold 670 units. */
    private static final int MAX_TEXT_CHARS = 1_600;

    SmsText withText(String text) {
        return new SmsText(text, from, encoding);
    }

    SmsText withFrom(String from) {
        return new SmsText(text, from, encoding);
    }

    SmsText withEncoding(String field, SmsEncoding encoding) {
        return withEncoding(field, encoding == null ? null
                : SpecEnums.requireKnown(field, encoding, SmsEncoding.UNKNOWN).name());
    }

    SmsText withEncoding(String field, String encoding) {
        return new SmsText(text, from, encoding == null ? null : SpecEnums.requireName(field, encoding));
    }

    /** Checks the fields, their names under {@code prefix}; a text the API would truncate is refused. */
    SmsText check(String prefix) {
        if (text != null) {
            Checks.text(prefix + "text", text, MAX_TEXT_CHARS);
            SmsParts parts = SmsParts.of(text, SmsEncoding.find(encoding));
            if (parts.truncated()) {
                throw new ValidationException(prefix + "text", "needs more than " + SmsParts.MAX_PARTS + " parts ("
                        + parts.length() + " " + parts.encoding() + " units); the API would truncate it");
            }
        }
        Checks.optionalText(prefix + "source", from, Sms.MAX_SOURCE);
        return this;
    }
}
