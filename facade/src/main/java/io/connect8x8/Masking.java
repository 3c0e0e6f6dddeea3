package io.connect8x8;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * How personal data appears in logs, exception messages and {@code toString()}; public so that the other modules
 * and applications show the same masked forms.
 */
public final class Masking {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Masking() {
    }

    /**
     * Masks a phone number: {@code +6512345678} becomes {@code +65******78}; without a recognisable country code,
     * only the last two digits are kept.
     *
     * @param number the number as given, may be null
     * @return the masked form, or {@code null} for null
     */
    public static String maskPhone(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int ccLength = countryCodeLength(digits);
        String tail = digits.substring(digits.length() - 2);
        String stars = "*".repeat(digits.length() - ccLength - 2);
        return (ccLength > 0 ? "+" + digits.substring(0, ccLength) : "") + stars + tail;
    }

    private static int countryCodeLength(String digits) {
        for (int length = 1; length <= 3 && length < digits.length() - 2; length++) {
            int code = Integer.parseInt(digits.substring(0, length));
            String region = PHONES.getRegionCodeForCountryCode(code);
            if (!"ZZ".equals(region)) {
                return length;
            }
        }
        return 0;
    }

    /**
     * Describes a message text without revealing it.
     *
     * @param text the text, may be null
     * @return {@code <N chars>}, or {@code null} for null
     */
    public static String describeText(String text) {
        return text == null ? null : "<" + text.length() + " chars>";
    }
}
