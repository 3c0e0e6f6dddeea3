package io.connect8x8.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline calculator against the SMS API's rules: 160/153 GSM-7, 70/67 UCS-2, at most 10 parts. */
class SmsPartsTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({
            // character, repeat, encoding, length, parts, perPart, remaining
            "a, 1, GSM7, 1, 1, 160, 159",
            "a, 160, GSM7, 160, 1, 160, 0",
            "a, 161, GSM7, 161, 2, 153, 145",
            "a, 306, GSM7, 306, 2, 153, 0",
            "a, 307, GSM7, 307, 3, 153, 152",
            "a, 1530, GSM7, 1530, 10, 153, 0",
            "€, 80, GSM7, 160, 1, 160, 0",
            "€, 81, GSM7, 162, 2, 153, 143", // 76 € fill 152 of part 1; the 77th moves whole to part 2
            "é, 160, GSM7, 160, 1, 160, 0",
            "ą, 70, UCS2, 70, 1, 70, 0",
            "ą, 71, UCS2, 71, 2, 67, 63",
            "ą, 670, UCS2, 670, 10, 67, 0",
    })
    void countsPartsLikeTheApi(String character, int repeat, SmsEncoding encoding, int length, int parts,
                               int perPart, int remaining) {
        SmsParts result = SmsParts.of(character.repeat(repeat));
        assertEquals(new SmsParts(encoding, length, parts, perPart, remaining, false), result);
    }

    @Test
    void countsExtensionTableCharactersTwice() {
        assertEquals(18, SmsParts.of("^{}\\[~]|€").length());
        assertEquals(SmsEncoding.GSM7, SmsParts.of("^{}\\[~]|€").encoding());
    }

    @Test
    void neverSplitsAnEscapeSequenceAcrossParts() {
        // 152 plain characters leave one position in part 1: the two-position € moves whole to part 2.
        SmsParts parts = SmsParts.of("a".repeat(152) + "€" + "a".repeat(10));
        assertEquals(164, parts.length());
        assertEquals(2, parts.parts());
        assertEquals(153 - 12, parts.remainingInLastPart());
    }

    @Test
    void countsAnEmojiAsTwoUnitsAndNeverSplitsIt() {
        assertEquals(new SmsParts(SmsEncoding.UCS2, 70, 1, 70, 0, false), SmsParts.of(EMOJI.repeat(35)));
        // 36 emoji = 72 units: 33 fit in part 1 (66 of 67), the rest in part 2.
        assertEquals(new SmsParts(SmsEncoding.UCS2, 72, 2, 67, 61, false), SmsParts.of(EMOJI.repeat(36)));
    }

    @Test
    void marksTextBeyondTenPartsAsTruncated() {
        SmsParts gsm = SmsParts.of("a".repeat(1531));
        assertTrue(gsm.truncated());
        assertEquals(10, gsm.parts());
        assertTrue(SmsParts.of("ą".repeat(671)).truncated());
        assertFalse(SmsParts.of("ą".repeat(670)).truncated());
    }

    @Test
    void oneNonGsmCharacterMakesTheWholeTextUcs2() {
        assertEquals(SmsEncoding.UCS2, SmsParts.of("Hello Łódź").encoding());
        assertEquals(SmsEncoding.GSM7, SmsParts.of("Grüße aus Köln? Nein: ß ist GSM-7").encoding());
    }

    @Test
    void aForcedEncodingIsHonoured() {
        assertEquals(new SmsParts(SmsEncoding.UCS2, 5, 1, 70, 65, false), SmsParts.of("hello", SmsEncoding.UCS2));
        assertEquals(SmsEncoding.GSM7, SmsParts.of("ą", SmsEncoding.GSM7).encoding());
    }

    @Test
    void anEmptyTextIsOnePart() {
        assertEquals(new SmsParts(SmsEncoding.GSM7, 0, 1, 160, 160, false), SmsParts.of(""));
    }
}
