package io.connect8x8.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * libphonenumber's parse of a number written in strict E.164 form ({@code +} and digits only, as nearly every
 * number sent through the facade is), without the clean-up of free text that the parse runs first: the extension,
 * punctuation, {@code tel:} and viability patterns cannot change such a number, and they are most of the parse's
 * cost (a single send spent a fifth of its samples there). What can change it is taken from libphonenumber's own
 * metadata, by the parse's own rules: the country calling code (the shortest known prefix of one to three digits),
 * the national number's length bounds, the Italian leading zeros, and the national prefix, which the parse may strip
 * after the country code: when the region's prefix pattern matches at the start of the national number, this
 * returns null and the full parse decides. So does any number not in that form, and any that would fail, so every
 * error message stays the parse's. {@code StrictE164Test} compares both on every calling code.
 */
final class StrictE164 {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final Set<Integer> CALLING_CODES = PHONES.getSupportedCallingCodes();
    /** libphonenumber's bounds on a national significant number. */
    private static final int MIN_NATIONAL = 2;
    private static final int MAX_NATIONAL = 17;
    /** The parse's own test for a plus sign followed by enough digits to be viable. */
    private static final int MIN_DIGITS = 3;
    private static final ConcurrentHashMap<String, Pattern> NATIONAL_PREFIXES = new ConcurrentHashMap<>();

    private StrictE164() {
    }

    /**
     * The number as {@code PhoneNumberUtil.parse(number, "ZZ")} reads it, or null when only the full parse can
     * tell.
     *
     * @param number the number, already stripped
     * @return the parsed number, or null
     */
    static PhoneNumber parse(String number) {
        int length = number.length();
        if (length < 1 + MIN_DIGITS || number.charAt(0) != '+' || number.charAt(1) == '0') {
            return null;
        }
        for (int i = 1; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        for (int end = 2; end <= 4 && end <= length; end++) {
            int code = Integer.parseInt(number, 1, end, 10);
            if (CALLING_CODES.contains(code)) {
                return national(code, number.substring(end));
            }
        }
        return null;
    }

    private static PhoneNumber national(int code, String national) {
        if (national.length() < MIN_NATIONAL || national.length() > MAX_NATIONAL) {
            return null;
        }
        String region = PHONES.getRegionCodeForCountryCode(code);
        PhoneMetadata metadata = "001".equals(region) ? METADATA.getMetadataForNonGeographicalRegion(code)
                : METADATA.getMetadataForRegion(region);
        if (metadata == null) {
            return null;
        }
        String prefix = metadata.getNationalPrefixForParsing();
        if (!prefix.isEmpty()
                && NATIONAL_PREFIXES.computeIfAbsent(prefix, Pattern::compile).matcher(national).lookingAt()) {
            return null;
        }
        PhoneNumber phone = new PhoneNumber().setCountryCode(code);
        if (national.charAt(0) == '0') {
            phone.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                phone.setNumberOfLeadingZeros(zeros);
            }
        }
        return phone.setNationalNumber(Long.parseLong(national));
    }
}
