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
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.connect8x8.RawJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses the JSON body of an 8x8 webhook into a typed {@link WebhookEvent}.
 *
 * <p>The parser is strict about JSON and lenient about 8x8's formats:
 * <ul>
 *   <li>the body must be UTF-8 and one strict JSON object (RFC 8259: no unquoted keys, comments, single quotes or
 *       trailing data; at most 255 levels of nesting);</li>
 *   <li>unknown fields are ignored everywhere, and an optional field of an unexpected type reads as null;</li>
 *   <li>every receipt format 8x8 documents is read: the current one (Messaging Apps {@code "version": 9}) and older
 *       ones without a version, whose status may be a nested {@code status} object, a {@code status} string, or flat
 *       {@code state}, {@code detail}, {@code timestamp}, {@code errorCode} and {@code errorMessage} fields in the
 *       payload;</li>
 *   <li>inbound messages in the enveloped formats (SMS; Messaging Apps v2 and v3, with interactive replies) and in
 *       LINE's flat format ({@code "eventType": "inboundMessage"} with the fields at the top level, no
 *       {@code namespace} or {@code payload});</li>
 *   <li>the namespace is matched ignoring case and spaces ({@code ChatApps} and {@code Messaging Apps} are the same);
 *       an unknown namespace or event type, and 8x8's flat account events ({@code template_status_update},
 *       {@code account_update}, ...), give {@link WebhookEvent.Other} with the payload as raw JSON (a flat event's
 *       whole body);</li>
 *   <li>timestamps may carry 0 to 9 fractional digits and {@code Z} or a numeric offset such as {@code +00:00}; one
 *       in any other form reads as null, with a WARN log line naming the field and the umid (not the value), so that
 *       the event is kept rather than lost once 8x8's retries are spent: {@link ReceiptReceiver} then orders such a
 *       receipt by its arrival, as one without a timestamp;</li>
 *   <li>a body that is not a JSON object, or lacks {@code eventType}, or (for a receipt or inbound message) the
 *       {@code payload}, its {@code umid} or the receipt's state, gives a {@link WebhookParseException} naming the
 *       field.</li>
 * </ul>
 *
 * <p>The parser holds no state and is safe to call from any thread.
 */
public final class WebhookParser {

    /** LINE's flat inbound event type, compared in lower case. */
    private static final String FLAT_INBOUND_MESSAGE = "inboundmessage";

    private WebhookParser() {
    }

    /**
     * Parses a body, which must be UTF-8.
     *
     * @param body the request body, not null
     * @return the event
     * @throws WebhookParseException when the body is not UTF-8, not strict JSON, or not an 8x8 webhook
     */
    public static WebhookEvent parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (isBlank(body)) {
            throw new WebhookParseException("body is empty");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Decoding while parsing: no String copy of the body, and invalid UTF-8 is refused rather than replaced.
        return event(root(new InputStreamReader(new ByteArrayInputStream(body), utf8)));
    }

    /**
     * Parses a body.
     *
     * @param body the request body, not null
     * @return the event
     * @throws WebhookParseException when the body is not strict JSON or not an 8x8 webhook
     */
    public static WebhookEvent parse(String body) {
        Objects.requireNonNull(body, "body");
        if (body.isBlank()) {
            throw new WebhookParseException("body is empty");
        }
        return event(root(new StringReader(body)));
    }

    private static WebhookEvent event(JsonObject root) {
        String eventTypeRaw = requiredString(root, "eventType", "eventType");
        String eventType = eventTypeRaw.trim().toLowerCase(Locale.ROOT);
        JsonElement namespaceElement = root.get("namespace");
        if (namespaceElement == null || namespaceElement.isJsonNull()) {
            // The flat formats: LINE's inbound messages, WhatsApp account and template events.
            WebhookEnvelope envelope = new WebhookEnvelope(null, eventTypeRaw, string(root, "description"),
                    integer(root, "version"));
            if (eventType.equals(FLAT_INBOUND_MESSAGE)) {
                return new WebhookEvent.Inbound(envelope, chatAppsInbound(root, ""));
            }
            // A flat event's fields are its payload: the whole body, as parsed once here, copied.
            return new WebhookEvent.Other(envelope, RawJson.of(root));
        }
        WebhookEnvelope envelope = new WebhookEnvelope(
                requiredString(root, "namespace", "namespace"),
                eventTypeRaw,
                string(root, "description"),
                integer(root, "version"));
        String namespace = canonicalNamespace(envelope.namespace());
        boolean receipt = eventType.equals(WebhookEnvelope.OUTBOUND_MESSAGE_STATUS_CHANGED);
        boolean inbound = eventType.equals(WebhookEnvelope.INBOUND_MESSAGE_RECEIVED);
        if (namespace == null || !(receipt || inbound)) {
            return new WebhookEvent.Other(envelope, RawJson.of(object(root, "payload")));
        }
        JsonObject payload = payload(root);
        boolean sms = WebhookEnvelope.SMS.equals(namespace);
        if (receipt) {
            return new WebhookEvent.Receipt(envelope, sms ? smsReceipt(payload) : chatAppsReceipt(payload));
        }
        return new WebhookEvent.Inbound(envelope, sms ? smsInbound(payload) : chatAppsInbound(payload, "payload."));
    }

    private static JsonObject payload(JsonObject root) {
        JsonElement payloadElement = root.get("payload");
        if (payloadElement == null || payloadElement.isJsonNull()) {
            throw new WebhookParseException("payload is missing");
        }
        if (!payloadElement.isJsonObject()) {
            throw new WebhookParseException("payload must be an object, not " + WebhookJson.kind(payloadElement));
        }
        return payloadElement.getAsJsonObject();
    }

    private static JsonObject root(Reader body) {
        JsonReader reader = new JsonReader(body);
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new WebhookParseException("body has data after the JSON value");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new WebhookParseException("body is not UTF-8", e);
            }
            throw new WebhookParseException("body is not JSON: " + firstLine(e.getMessage()), e);
        }
        if (!root.isJsonObject()) {
            throw new WebhookParseException("body must be a JSON object, not " + WebhookJson.kind(root));
        }
        return root.getAsJsonObject();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
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
        String umid = requiredString(payload, "umid", "payload.umid");
        return new SmsDeliveryReceipt(
                umid,
                string(payload, "batchId"),
                string(payload, "clientMessageId"),
                string(payload, "clientBatchId"),
                string(payload, "subAccountId"),
                string(payload, "source"),
                string(payload, "destination"),
                status(payload, umid),
                price(object(payload, "price")),
                integer(payload, "smsCount"));
    }

    private static ChatAppsDeliveryReceipt chatAppsReceipt(JsonObject payload) {
        JsonObject whatsapp = object(payload, "whatsapp");
        String umid = requiredString(payload, "umid", "payload.umid");
        return new ChatAppsDeliveryReceipt(
                umid,
                string(payload, "batchId"),
                string(payload, "clientMessageId"),
                string(payload, "clientBatchId"),
                string(payload, "subAccountId"),
                string(payload, "channel"),
                user(object(payload, "user")),
                status(payload, umid),
                whatsapp == null ? null
                        : new WhatsAppInfo(string(whatsapp, "providerErrorCode"), string(whatsapp, "pricingCategory")));
    }

    /** Reads the nested {@code status} object of current formats, or the flat fields of older ones. */
    private static ReceiptStatus status(JsonObject payload, String umid) {
        JsonObject nested = object(payload, "status");
        if (nested != null) {
            return status(nested, requiredString(nested, "state", "payload.status.state"), "payload.status", umid);
        }
        JsonPrimitive statusString = primitive(payload, "status");
        if (statusString != null && !payload.has("state")) {
            return status(payload, requiredString(payload, "status", "payload.status"), "payload", umid);
        }
        if (payload.has("state")) {
            return status(payload, requiredString(payload, "state", "payload.state"), "payload", umid);
        }
        throw new WebhookParseException("payload.status is missing");
    }

    private static ReceiptStatus status(JsonObject fields, String state, String path, String umid) {
        return new ReceiptStatus(
                state,
                string(fields, "detail"),
                instant(fields, "timestamp", path + ".timestamp", umid),
                integer(fields, "errorCode"),
                string(fields, "errorMessage"));
    }

    private static SmsInboundMessage smsInbound(JsonObject payload) {
        String body = string(payload, "body");
        String umid = requiredString(payload, "umid", "payload.umid");
        return new SmsInboundMessage(
                umid,
                string(payload, "subAccountId"),
                instant(payload, "timestamp", "payload.timestamp", umid),
                string(payload, "source"),
                string(payload, "destination"),
                body != null ? body : string(payload, "text"),
                string(payload, "encoding"),
                integer(payload, "smsCount"),
                price(object(payload, "price")));
    }

    /**
     * Reads a Messaging Apps inbound message from the enveloped payload ({@code prefix} {@code "payload."}) or from the
     * top level of LINE's flat event ({@code prefix} empty), where the channel is a top-level field and the recipient
     * names the channel by {@code recipientId}.
     */
    private static ChatAppsInboundMessage chatAppsInbound(JsonObject fields, String prefix) {
        JsonObject recipient = object(fields, "recipient");
        String channel = string(recipient, "channel");
        String channelId = string(recipient, "channelId");
        String umid = requiredString(fields, "umid", prefix + "umid");
        return new ChatAppsInboundMessage(
                umid,
                string(fields, "subAccountId"),
                instant(fields, "timestamp", prefix + "timestamp", umid),
                user(object(fields, "user")),
                channel != null ? channel : string(fields, "channel"),
                channelId != null ? channelId : string(recipient, "recipientId"),
                content(fields, prefix, umid),
                string(fields, "replyToUmid"));
    }

    /** The documented format puts {@code type} beside {@code content}; some samples put it inside. Both are read. */
    private static InboundContent content(JsonObject fields, String prefix, String umid) {
        JsonObject content = object(fields, "content");
        JsonObject location = object(content, "location");
        String type = string(fields, "type");
        return new InboundContent(
                type != null ? type : string(content, "type"),
                string(content, "text"),
                string(content, "url"),
                string(content, "payload"),
                decimal(location, "latitude"),
                decimal(location, "longitude"),
                string(location, "name"),
                string(location, "address"),
                interactive(object(content, "interactive"), prefix + "content.interactive", umid));
    }

    /** WhatsApp's interactive replies: buttons and lists (snake_case keys), Flows and call permissions (camelCase). */
    private static InboundInteractive interactive(JsonObject interactive, String path, String umid) {
        if (interactive == null) {
            return null;
        }
        JsonObject reply = firstObject(interactive, "button_reply", "buttonReply", "list_reply", "listReply");
        JsonObject flow = object(interactive, "nfmReply");
        JsonObject call = object(interactive, "callPermissionReply");
        JsonPrimitive permanent = primitive(call, "isPermanent");
        return new InboundInteractive(
                string(interactive, "type"),
                string(reply, "id"),
                string(reply, "title"),
                string(reply, "description"),
                string(flow, "responseJson"),
                call == null ? null : new InboundInteractive.CallPermission(
                        string(call, "response"),
                        permanent != null && permanent.isBoolean() ? permanent.getAsBoolean() : null,
                        instant(call, "expirationTimestamp", path + ".callPermissionReply.expirationTimestamp",
                                umid),
                        string(call, "responseSource")));
    }

    private static JsonObject firstObject(JsonObject parent, String... names) {
        for (String name : names) {
            JsonObject found = object(parent, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static ChatAppsUser user(JsonObject user) {
        return user == null ? null
                : new ChatAppsUser(string(user, "msisdn"), string(user, "channelUserId"), string(user, "name"),
                        string(user, "username"));
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
