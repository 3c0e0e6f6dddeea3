package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The Messaging Apps API's rules beyond the minimal spec, as tables. */
final class ChatAppsRules {

    /** The most messages in one batch request (the operation's text; the full schema says 10,000). */
    static final int MAX_BATCH = 1_000;

    /**
     * Rules for one message (fields the spec requires are checked by the validator, not here) (a single send, or one
     * message of a batch after the template is applied). That the message names a recipient (3002) depends on the
     * document in use: {@link ChatAppsApi} checks it first.
     */
    static final List<Rule> MESSAGE = List.of(
            Rule.matches("user/msisdn", SmsRules.MSISDN, 3003),
            Rule.maxLength("clientMessageId", 50, 3009),
            Rule.httpUrl("dlrCallbackUrl", 3020),
            Rule.whenType(Set.of("Text"), Rule.required("content/text", 3005)),
            Rule.maxLength("content/text", 35_000, 3006),
            Rule.maxLength("content/fallbackText", 35_000, 3017),
            Rule.whenType(Set.of("Image", "Audio", "Video", "File"), Rule.required("content/url", 3007)),
            Rule.whenType(Set.of("Image", "Audio", "Video", "File"), Rule.httpUrl("content/url", 3008)),
            Rule.whenType(Set.of("Location"), Rule.required("content/location/latitude", 3021)),
            Rule.whenType(Set.of("Location"), Rule.required("content/location/longitude", 3021)),
            Rule.whenType(Set.of("Template"), Rule.required("content/template", 3030)),
            ChatAppsRules::fallbackAfter);

    /** Rules for a batch envelope. */
    static final List<Rule> BATCH = List.of(
            Rule.maxLength("clientBatchId", 100, 3014),
            Rule.httpUrl("template/dlrCallbackUrl", 3020));

    private ChatAppsRules() {
    }

    /** {@code channels[].fallbackAfter}: 10 to 86,400 seconds. */
    private static void fallbackAfter(JsonNode message) {
        JsonNode channels = message.get("channels");
        if (channels == null || !channels.isArray()) {
            return;
        }
        for (JsonNode channel : channels) {
            JsonNode after = channel.get("fallbackAfter");
            if (after != null && !after.isNull() && (!after.canConvertToInt() || after.asInt() < 10
                    || after.asInt() > 86_400)) {
                throw ApiError.badRequest(3023, "Invalid parameter fallbackAfter: must be 10 to 86400 seconds");
            }
        }
    }
}
