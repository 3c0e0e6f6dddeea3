package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.connect8x8.internal.SpecEnums;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares JSON as trees (member order does not matter), with enum spellings read from the generated enums of the
 * spec set the build used: {@code @ContentType.TEMPLATE@} in an expected document is {@code Template} with the
 * guides' documents and {@code template} with 8x8's complete ones.
 */
final class WireAssert {

    private static final Pattern ENUM_TOKEN = Pattern.compile("@(\\w+)\\.(\\w+)@");

    private WireAssert() {
    }

    /** The expected JSON, each {@code @Type.CONSTANT@} replaced by the spelling of the generated enum in use. */
    static JsonElement wire(String json) {
        Matcher m = ENUM_TOKEN.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(spelling(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return JsonParser.parseString(out.toString());
    }

    /** The spec's spelling of a generated enum constant. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String spelling(String type, String constant) {
        for (String pkg : List.of("io.connect8x8.generated.messaging.model.", "io.connect8x8.generated.sms.model.")) {
            try {
                Class enumType = Class.forName(pkg + type);
                Enum<?> value = SpecEnums.find(enumType, constant);
                if (value == null) {
                    throw new AssertionError(type + " of the spec in use has no " + constant);
                }
                return value.toString();
            } catch (ClassNotFoundException next) {
                // try the other API's package
            }
        }
        throw new AssertionError("no generated enum " + type);
    }

    /** Compares as JSON trees. */
    static void assertJson(String expected, String actual) {
        assertEquals(wire(expected), JsonParser.parseString(actual), actual);
    }

    /** Compares as JSON trees. */
    static void assertJson(String expected, JsonElement actual) {
        assertEquals(wire(expected), actual, actual.toString());
    }
}
