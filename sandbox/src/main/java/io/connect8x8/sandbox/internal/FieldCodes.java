package io.connect8x8.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which 8x8 code a problem with a field gives, per API: the table that maps the validator's findings (a JSON pointer
 * and whether the field is missing or invalid) to codes. Keys are path suffixes without array indices, longest
 * match first, so {@code components/type} (3039) wins over {@code type} (3010).
 */
public final class FieldCodes {

    /** The SMS API: destination 1002, text 1004, encoding 1003, and so on; 1000 otherwise. */
    public static final FieldCodes SMS = new FieldCodes()
            .add("destination", 1002, 1002)
            .add("destinations", 1002, 1002)
            // 1004 is the SMS API's one code for its text (the facts' 400 codes: "1004 invalid text"; 3005 "missing
            // text" is among the Messaging Apps codes), and the description is the SMS document's own for a message
            // without one (the batch operation's 200: "Text value is missing (REJECTED Status)").
            .add("text", 1004, 1004, "Text value is missing")
            .add("encoding", 1003, 1003)
            .add("source", 1005, 1005)
            .add("expiry", 1006, 1006)
            .add("country", 1009, 1009)
            .add("scheduled", 1011, 1011);

    /**
     * The Messaging Apps API: user 3001, msisdn 3002/3003, content 3004, text 3005, and so on, scheduled 1011 and
     * expiry 1006 as for SMS; 1000 otherwise.
     */
    public static final FieldCodes CHAT_APPS = new FieldCodes()
            .add("user", 3001, 3001)
            .add("user/msisdn", 3002, 3003)
            .add("content", 3004, 3004)
            .add("content/text", 3005, 3005)
            .add("content/url", 3007, 3008)
            .add("content/location", 3021, 3021)
            .add("location/latitude", 3021, 3021)
            .add("location/longitude", 3021, 3021)
            .add("content/fallbackText", 3017, 3017)
            .add("clientMessageId", 1000, 3009)
            .add("clientBatchId", 1000, 3014)
            .add("messages", 3012, 3012)
            .add("dlrCallbackUrl", 3020, 3020)
            .add("type", 3010, 3010)
            .add("channels/channel", 3022, 3022)
            .add("channels/fallbackAfter", 3023, 3023)
            .add("channels/successStatus", 3024, 3024)
            .add("content/template", 3030, 3030)
            .add("template/name", 3031, 3032)
            .add("template/language", 3036, 3037)
            .add("components/type", 3039, 3039)
            .add("parameters/type", 3042, 3042)
            .add("parameters/text", 3043, 3043)
            .add("parameters/url", 3046, 3046)
            .add("components/subType", 3052, 3052)
            .add("components/index", 3053, 3053)
            // 1011 "invalid schedule time" and 1006 "invalid expiry" are codes both APIs share (the facts' table of
            // 400 codes); the documents name no Messaging Apps code of their own for either, and the 7-days-ahead
            // check gives 1011 too.
            .add("scheduled", 1011, 1011)
            .add("expiry", 1006, 1006);

    /**
     * The codes of one field.
     *
     * @param missing the code when the field is missing
     * @param invalid the code when it is present and invalid
     * @param missingMessage the API's own message when it is missing, or null to give the validator's finding
     */
    private record Codes(int missing, int invalid, String missingMessage) {
    }

    private final Map<String, Codes> codes = new LinkedHashMap<>();

    private FieldCodes() {
    }

    private FieldCodes add(String suffix, int missing, int invalid) {
        return add(suffix, missing, invalid, null);
    }

    private FieldCodes add(String suffix, int missing, int invalid, String missingMessage) {
        codes.put(suffix, new Codes(missing, invalid, missingMessage));
        return this;
    }

    /**
     * The code for a problem at a path.
     *
     * @param path the path with indices removed, such as {@code content/template/components/type}
     * @param missing whether the field is missing (rather than present and invalid)
     * @return the 8x8 code, 1000 when the table has no entry
     */
    public int codeFor(String path, boolean missing) {
        Codes best = entry(path);
        return best == null ? 1000 : missing ? best.missing() : best.invalid();
    }

    /**
     * The API's own message for a missing field, where its documents give one.
     *
     * @param path the path with indices removed
     * @return the message, or null when the validator's finding is the message
     */
    String missingMessage(String path) {
        Codes best = entry(path);
        return best == null ? null : best.missingMessage();
    }

    /** The entry of the longest suffix that matches the path, or null. */
    private Codes entry(String path) {
        String best = null;
        for (String suffix : codes.keySet()) {
            boolean matches = path.equals(suffix) || path.endsWith("/" + suffix);
            if (matches && (best == null || suffix.length() > best.length())) {
                best = suffix;
            }
        }
        return best == null ? null : codes.get(best);
    }
}
