package io.connect8x8.webhooks;

import static io.connect8x8.webhooks.WebhookJson.decimal;
import static io.connect8x8.webhooks.WebhookJson.instant;
import static io.connect8x8.webhooks.WebhookJson.integer;
import static io.connect8x8.webhooks.WebhookJson.object;
import static io.connect8x8.webhooks.WebhookJson.primitive;
import static io.connect8x8.webhooks.WebhookJson.requiredString;
import static io.connect8x8.webhooks.WebhookJson.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses the JSON body of an 8x8 webhook into a typed {@link WebhookEvent}.
 *
 * <p>The parser is lenient where 8x8's formats vary and strict where a receiver would otherwise act on nothing:
 * <ul>
 *   <li>unknown fields are ignored everywhere, and an optional field of an unexpected type reads as null;</li>
 *   <li>both receipt formats are read: the current one (Messaging Apps {@code "version": 9}) and older ones without
 *       a version, whose status may be a nested {@code status} object, a {@code status} string, or flat
 *       {@code state}, {@code detail}, {@code timestamp}, {@code errorCode} and {@code errorMessage} fields in the
 *       payload;</li>
 *   <li>the namespace is matched ignoring case and spaces ({@code ChatApps} and {@code Messaging Apps} are the same);
 *       an unknown namespace or event type gives {@link WebhookEvent.Other};</li>
 *   <li>timestamps may carry 0 to 9 fractional digits and {@code Z} or a numeric offset such as {@code +00:00};</li>
 *   <li>a body that is not a JSON object, or lacks {@code namespace}, {@code eventType}, {@code payload},
 *       {@code payload.umid} or (for a receipt) the state, gives a {@link WebhookParseException} naming the field.</li>
 * </ul>
 *
 * <p>The parser holds no state and is safe to call from any thread.
 */
public final class WebhookParser {

    private WebhookParser() {
    }

    /**
     * Parses a body decoded as UTF-8.
     *
     * @param body the request body, not null
     * @return the event
     * @throws WebhookParseException when the body is not an 8x8 webhook
     */
    public static WebhookEvent parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Parses a body.
     *
     * @param body the request body, not null
     * @return the event
     * @throws WebhookParseException when the body is not an 8x8 webhook
     */
    public static WebhookEvent parse(String body) {
        Objects.requireNonNull(body, "body");
        JsonObject root = root(body);
        WebhookEnvelope envelope = new WebhookEnvelope(
                requiredString(root, "namespace", "namespace"),
                requiredString(root, "eventType", "eventType"),
                string(root, "description"),
                integer(root, "version"));
        JsonElement payloadElement = root.get("payload");
        if (payloadElement == null || payloadElement.isJsonNull()) {
            throw new WebhookParseException("payload is missing");
        }
        if (!payloadElement.isJsonObject()) {
            throw new WebhookParseException("payload must be an object, not " + WebhookJson.kind(payloadElement));
        }
        JsonObject payload = payloadElement.getAsJsonObject();
        String namespace = canonicalNamespace(envelope.namespace());
        String eventType = envelope.eventType().trim().toLowerCase(Locale.ROOT);
        boolean sms = WebhookEnvelope.SMS.equals(namespace);
        if (namespace == null) {
            return new WebhookEvent.Other(envelope);
        }
        if (eventType.equals(WebhookEnvelope.OUTBOUND_MESSAGE_STATUS_CHANGED)) {
            return new WebhookEvent.Receipt(envelope, sms ? smsReceipt(payload) : chatAppsReceipt(payload));
        }
        if (eventType.equals(WebhookEnvelope.INBOUND_MESSAGE_RECEIVED)) {
            return new WebhookEvent.Inbound(envelope, sms ? smsInbound(payload) : chatAppsInbound(payload));
        }
        return new WebhookEvent.Other(envelope);
    }

    private static JsonObject root(String body) {
        if (body.isBlank()) {
            throw new WebhookParseException("body is empty");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException | IllegalStateException e) {
            throw new WebhookParseException("body is not JSON: " + firstLine(e.getMessage()), e);
        }
        if (!root.isJsonObject()) {
            throw new WebhookParseException("body must be a JSON object, not " + WebhookJson.kind(root));
        }
        return root.getAsJsonObject();
    }

    private static String canonicalNamespace(String raw) {
        String squashed = raw.replace(" ", "").toLowerCase(Locale.ROOT);
        switch (squashed) {
            case "sms":
                return WebhookEnvelope.SMS;
            case "chatapps":
            case "messagingapps":
                return WebhookEnvelope.CHAT_APPS;
            default:
                return null;
        }
    }

    private static SmsDeliveryReceipt smsReceipt(JsonObject payload) {
        return new SmsDeliveryReceipt(
                requiredString(payload, "umid", "payload.umid"),
                string(payload, "batchId"),
                string(payload, "clientMessageId"),
                string(payload, "clientBatchId"),
                string(payload, "subAccountId"),
                string(payload, "source"),
                string(payload, "destination"),
                status(payload),
                price(object(payload, "price")),
                integer(payload, "smsCount"));
    }

    private static ChatAppsDeliveryReceipt chatAppsReceipt(JsonObject payload) {
        JsonObject whatsapp = object(payload, "whatsapp");
        return new ChatAppsDeliveryReceipt(
                requiredString(payload, "umid", "payload.umid"),
                string(payload, "batchId"),
                string(payload, "clientMessageId"),
                string(payload, "clientBatchId"),
                string(payload, "subAccountId"),
                string(payload, "channel"),
                user(object(payload, "user")),
                status(payload),
                whatsapp == null ? null
                        : new WhatsAppInfo(string(whatsapp, "providerErrorCode"), string(whatsapp, "pricingCategory")));
    }

    /** Reads the nested {@code status} object of current formats, or the flat fields of older ones. */
    private static ReceiptStatus status(JsonObject payload) {
        JsonObject nested = object(payload, "status");
        if (nested != null) {
            return status(nested, requiredString(nested, "state", "payload.status.state"), "payload.status");
        }
        JsonPrimitive statusString = primitive(payload, "status");
        if (statusString != null && !payload.has("state")) {
            return status(payload, requiredString(payload, "status", "payload.status"), "payload");
        }
        if (payload.has("state")) {
            return status(payload, requiredString(payload, "state", "payload.state"), "payload");
        }
        throw new WebhookParseException("payload.status is missing");
    }

    private static ReceiptStatus status(JsonObject fields, String state, String path) {
        return new ReceiptStatus(
                state,
                string(fields, "detail"),
                instant(fields, "timestamp", path + ".timestamp"),
                integer(fields, "errorCode"),
                string(fields, "errorMessage"));
    }

    private static SmsInboundMessage smsInbound(JsonObject payload) {
        String body = string(payload, "body");
        return new SmsInboundMessage(
                requiredString(payload, "umid", "payload.umid"),
                string(payload, "subAccountId"),
                instant(payload, "timestamp", "payload.timestamp"),
                string(payload, "source"),
                string(payload, "destination"),
                body != null ? body : string(payload, "text"),
                string(payload, "encoding"),
                integer(payload, "smsCount"),
                price(object(payload, "price")));
    }

    private static ChatAppsInboundMessage chatAppsInbound(JsonObject payload) {
        JsonObject recipient = object(payload, "recipient");
        String channel = string(recipient, "channel");
        return new ChatAppsInboundMessage(
                requiredString(payload, "umid", "payload.umid"),
                string(payload, "subAccountId"),
                instant(payload, "timestamp", "payload.timestamp"),
                user(object(payload, "user")),
                channel != null ? channel : string(payload, "channel"),
                string(recipient, "channelId"),
                content(payload),
                string(payload, "replyToUmid"));
    }

    /** The documented format puts {@code type} beside {@code content}; some samples put it inside. Both are read. */
    private static InboundContent content(JsonObject payload) {
        JsonObject content = object(payload, "content");
        JsonObject location = object(content, "location");
        String type = string(payload, "type");
        return new InboundContent(
                type != null ? type : string(content, "type"),
                string(content, "text"),
                string(content, "url"),
                string(content, "payload"),
                decimal(location, "latitude"),
                decimal(location, "longitude"));
    }

    private static ChatAppsUser user(JsonObject user) {
        return user == null ? null
                : new ChatAppsUser(string(user, "msisdn"), string(user, "channelUserId"), string(user, "name"));
    }

    private static Price price(JsonObject price) {
        return price == null ? null
                : new Price(decimal(price, "total"), decimal(price, "perSms"), string(price, "currency"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
