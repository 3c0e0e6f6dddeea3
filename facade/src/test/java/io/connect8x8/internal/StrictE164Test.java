package io.connect8x8.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The strict E.164 reading agrees with libphonenumber's full parse wherever it answers, on every calling code. */
class StrictE164Test {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Test
    void readsEveryCallingCodeAsTheFullParseDoesOrLeavesItToTheParse() {
        int answered = 0;
        int total = 0;
        Random random = new Random(8);
        for (int code : PHONES.getSupportedCallingCodes()) {
            for (String national : nationalNumbers(code, random)) {
                String number = "+" + code + national;
                PhoneNumber expected = fullParse(number);
                PhoneNumber actual = StrictE164.parse(number);
                total++;
                if (actual == null) {
                    continue;
                }
                answered++;
                assertNotNull(expected, number + ": the full parse refuses what the strict reading took");
                assertTrue(expected.exactlySameAs(actual), number + ": " + expected + " but read " + actual);
            }
        }
        // Most numbers are read without the full parse, or the strict reading would save nothing.
        assertTrue(answered > total / 2, answered + " of " + total);
    }

    @Test
    void readsTypicalNumbersWithoutTheFullParse() {
        assertEquals("+6512345678", e164(StrictE164.parse("+6512345678")));
        assertEquals("+14155550123", e164(StrictE164.parse("+14155550123")));
        assertEquals("+442079460000", e164(StrictE164.parse("+442079460000")));
        assertEquals("+390612345678", e164(StrictE164.parse("+390612345678")));
    }

    @Test
    void leavesAnythingElseToTheFullParse() {
        // Punctuation, a national prefix after the country code, no or an unknown country code, too short or long.
        for (String number : new String[] {"+65 1234 5678", "+4402079460000", "6512345678", "+0123456", "+999123456",
            "+65", "+651", "+65123456789012345678", "+6512x45678"}) {
            assertNull(StrictE164.parse(number), number);
        }
    }

    private static String e164(PhoneNumber phone) {
        return PHONES.format(phone, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static PhoneNumber fullParse(String number) {
        try {
            return PHONES.parse(number, "ZZ");
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * National numbers for a calling code: each region's example numbers of every type, the same behind the national
     * prefix and behind zeros, and random digit strings of every length from 1 to 18, each with every first digit.
     */
    private static Set<String> nationalNumbers(int code, Random random) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String region : PHONES.getRegionCodesForCountryCode(code)) {
            String prefix = "001".equals(region) ? null : PHONES.getNddPrefixForRegion(region, true);
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                PhoneNumber example = "001".equals(region) ? PHONES.getExampleNumberForNonGeoEntity(code)
                        : PHONES.getExampleNumberForType(region, type);
                if (example != null) {
                    String national = PHONES.getNationalSignificantNumber(example);
                    numbers.add(national);
                    numbers.add("0" + national);
                    numbers.add("00" + national);
                    if (prefix != null) {
                        numbers.add(prefix + national);
                    }
                }
            }
        }
        for (int length = 1; length <= 18; length++) {
            for (char first = '0'; first <= '9'; first++) {
                StringBuilder digits = new StringBuilder().append(first);
                while (digits.length() < length) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                numbers.add(digits.toString());
            }
        }
        return numbers;
    }
}
