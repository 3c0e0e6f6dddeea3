package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.SmsParts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Message details and cancelling, from the message store: both APIs' {@code get-*-message-details},
 * {@code cancel-scheduled-message} and the batch cancel.
 */
final class MessageOps {

    private final Engine engine;

    MessageOps(Engine engine) {
        this.engine = engine;
    }

    /** The record of a umid in a sub-account, or 404 code 1300 (400 code 1000 when the umid is no UUID). */
    MessageRecord find(Api api, Call call) {
        MessageRecord found = whole(api, call);
        if (found == null) {
            throw new ApiError(404, 1300, "Message not found.");
        }
        return found;
    }

    /** The whole record of a umid in a sub-account, or null when it left the record window (or never was). */
    private MessageRecord whole(Api api, Call call) {
        String umid = call.param("umid");
        try {
            UUID.fromString(umid);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(1000, "Invalid umid.");
        }
        String subAccountId = call.param("subAccountId");
        List<MessageRecord> found = engine.store.find(message -> message.api == api && message.umid.equals(umid)
                && message.subAccountId.equals(subAccountId));
        return found.isEmpty() ? null : found.get(0);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** {@code DELETE .../messages/{umid}}: cancels a message still scheduled; refuses one already sent. */
    Answer cancel(Api api, Call call) {
        MessageRecord message = find(api, call);
        if (!engine.scheduled.cancel(message)) {
            throw ApiError.badRequest(1000, "Message cannot be cancelled: it is not scheduled (state "
                    + message.state() + ").");
        }
        return Answer.ok(Json.object().put("cancelledCount", 1));
    }

    /** {@code DELETE .../messages/batch/{batchId}}: cancels the batch's messages still scheduled. */
    Answer cancelBatch(Api api, Call call) {
        String batchId = call.param("batchId");
        String subAccountId = call.param("subAccountId");
        List<MessageRecord> batch = engine.store.find(message -> message.api == api
                && batchId.equals(message.batchId) && message.subAccountId.equals(subAccountId));
        if (batch.isEmpty()) {
            throw ApiError.badRequest(1000, "Invalid batchId: no batch " + batchId + ".");
        }
        int cancelled = 0;
        for (MessageRecord message : batch) {
            if (engine.scheduled.cancel(message)) {
                cancelled++;
            }
        }
        if (cancelled == 0) {
            throw ApiError.badRequest(1000, "Batch cannot be cancelled: none of its messages is still scheduled.");
        }
        return Answer.ok(Json.object().put("cancelledCount", cancelled));
    }

    /**
     * {@code DELETE .../messages/{umid}/pii} of the SMS API: 202, no body, for a message of the sub-account (in the
     * record window or its log), which the details already show masked; 404 code 1300 for an unknown umid, as the
     * document's example says; 400 code 1000 when the umid is no UUID.
     */
    Answer deletePii(Call call) {
        if (whole(Api.SMS, call) == null) {
            MessageLog log = engine.store.log();
            if (log.entry(log.find(Api.SMS, call.param("subAccountId"), call.param("umid"))) == null) {
                throw new ApiError(404, 1300, "Message not found.");
            }
        }
        return Answer.empty(202);
    }

    /**
     * {@code GET .../messages/{umid}} of the SMS API: from the whole record while it is in the window, else from the
     * log's facts ({@code country} and {@code source} are not kept), else 404.
     */
    Answer smsDetails(Call call) {
        MessageRecord message = whole(Api.SMS, call);
        if (message != null) {
            JsonNode request = message.request();
            return smsDetails(facts(message), request.path("country").isTextual()
                    ? request.get("country").textValue() : null, request.path("source").asText(""));
        }
        MessageLog log = engine.store.log();
        MessageLog.Entry entry = log.entry(log.find(Api.SMS, call.param("subAccountId"), call.param("umid")));
        if (entry == null) {
            throw new ApiError(404, 1300, "Message not found.");
        }
        return smsDetails(entry, null, "");
    }

    /** The SMS details of a message's facts, whichever record they come from. */
    private static Answer smsDetails(MessageLog.Entry message, String country, String source) {
        ObjectNode details = Json.object();
        details.put("umid", message.umid());
        details.put("subAccountId", message.scope().subAccountId());
        details.put("direction", "outbound");
        if (country != null) {
            details.put("country", country);
        }
        details.set("status", status(message.status(), message.statusAt()));
        details.put("msisdn", masked(message.msisdn()));
        details.put("source", source);
        details.put("body", "**MASKED**");
        if (message.encoding() != null) {
            details.put("encoding", message.encoding().name());
        }
        details.put("createdAt", Json.timestamp(message.createdAt()));
        if (message.parts() > 0) {
            details.put("smsCount", message.parts());
        }
        ObjectNode price = details.putObject("price");
        price.put("total", message.priceTotal());
        price.put("perSms", Receipts.PRICE_PER_SMS);
        price.put("currency", AccountState.CURRENCY);
        put(details, "clientMessageId", message.clientMessageId());
        put(details, "clientBatchId", message.scope().clientBatchId());
        put(details, "batchId", message.scope().batchId());
        return Answer.ok(details);
    }

    /**
     * A whole record's facts, as the log keeps them (but its status's exact time and its number as given): what its
     * details and its export row are made of, so that they say the same before and after it leaves the window.
     */
    static MessageLog.Entry facts(MessageRecord message) {
        StatusAt status;
        synchronized (message) {
            List<ReceiptRecord> receipts = message.receipts();
            status = statusOf(message, receipts.isEmpty() ? null : receipts.get(receipts.size() - 1));
        }
        SmsParts parts = message.parts;
        return new MessageLog.Entry(message.seq, message.umid, new MessageLog.Scope(message.api,
                message.subAccountId, message.batchId, message.clientBatchId), message.createdAt, number(message),
                message.clientMessageId, status.status(), status.at(), parts == null ? null : parts.encoding(),
                parts == null ? 0 : parts.parts());
    }

    /** {@code GET .../messages/{umid}} of the Messaging Apps API: one entry per channel tried (its step). */
    Answer chatAppsDetails(Call call) {
        MessageRecord message = find(Api.CHAT_APPS, call);
        Map<String, ReceiptRecord> lastByChannel = new LinkedHashMap<>();
        for (ReceiptRecord receipt : message.receipts()) {
            lastByChannel.put(receipt.channel, receipt);
        }
        if (lastByChannel.isEmpty()) {
            JsonNode first = message.request().path("channels").path(0).path("channel");
            lastByChannel.put(first.isTextual() ? first.textValue().toLowerCase(java.util.Locale.ROOT)
                    : "whatsapp", null);
        }
        ArrayNode data = Json.object().arrayNode();
        int step = 1;
        for (Map.Entry<String, ReceiptRecord> leg : lastByChannel.entrySet()) {
            ObjectNode item = data.addObject();
            item.put("umid", message.umid);
            item.put("subAccountId", message.subAccountId);
            item.put("channel", channelName(message.request(), leg.getKey()));
            item.put("channelId", UUID.nameUUIDFromBytes((message.subAccountId + "/" + leg.getKey())
                    .getBytes(StandardCharsets.UTF_8)).toString());
            item.put("direction", "outbound");
            put(item, "country", Json.optText(message.request().path("user"), "country"));
            item.set("status", status(message, leg.getValue()));
            item.set("user", detailsUser(message));
            // The details document names the types capitalised (Text, Image, Template) whatever the send's spelling.
            String type = message.request().path("type").asText("Text");
            item.put("contentType", type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1));
            item.put("content", "**MASKED**");
            item.put("createdAt", Json.timestamp(message.createdAt));
            ids(item, message);
            item.put("step", step++);
        }
        ObjectNode details = Json.object();
        details.set("data", data);
        return Answer.ok(details);
    }

    /**
     * A leg's channel as the details name it: the document's spelling ({@code WhatsApp}, {@code SMS}), which the
     * request's {@code channels} carry after enum normalisation; receipts say it in lower case, the details do not.
     */
    private static String channelName(JsonNode request, String leg) {
        for (JsonNode channel : request.path("channels")) {
            String name = channel.path("channel").asText("");
            if (name.toLowerCase(java.util.Locale.ROOT).equals(leg)) {
                return name;
            }
        }
        return "whatsapp".equals(leg) ? "WhatsApp" : leg;
    }

    /**
     * A status and its time.
     *
     * @param status the status
     * @param at when it was reached
     */
    record StatusAt(MessageLog.Status status, java.time.Instant at) {
    }

    /**
     * A message's status as the details and the log export report it: the last receipt's state and detail; before
     * any receipt {@code queued} (detail {@code scheduled} while held); {@code failed} with detail
     * {@code rejected_by_api} and the error code for a rejected message, {@code cancelled} for a cancelled one.
     * Call under the record's lock or with values read under it.
     */
    static StatusAt statusOf(MessageRecord message, ReceiptRecord last) {
        String state = message.stateUnlocked();
        if (message.errorCode != null) {
            return new StatusAt(MessageLog.initialStatus(message.errorCode), message.createdAt);
        } else if ("cancelled".equals(state)) {
            // The status's time is the cancel's ("last update datetime of the delivery status"), not the creation.
            java.time.Instant at = message.cancelledAtUnlocked();
            return new StatusAt(new MessageLog.Status("failed", "cancelled", "", ""),
                    at != null ? at : message.createdAt);
        } else if (last == null) {
            return new StatusAt(new MessageLog.Status("queued", "scheduled".equals(state) ? "scheduled" : "accepted",
                    "", ""), message.createdAt);
        } else if ("expired".equals(last.detail)) {
            return new StatusAt(new MessageLog.Status(last.state, last.detail, Integer.toString(Receipts.EXPIRED_CODE),
                    Receipts.EXPIRED_MESSAGE), last.at);
        } else if ("undelivered".equals(last.state)) {
            boolean sms = message.api == Api.SMS;
            return new StatusAt(new MessageLog.Status(last.state, last.detail, Integer.toString(sms
                    ? TestNumbers.SMS_UNDELIVERED_CODE : TestNumbers.CHAT_APPS_UNDELIVERED_CODE),
                    "Rejected by operator"), last.at);
        }
        return new StatusAt(new MessageLog.Status(last.state, last.detail, "", ""), last.at);
    }

    /** The status object of the details and of the export's status columns. */
    static ObjectNode status(MessageLog.Status status, java.time.Instant at) {
        ObjectNode json = Json.object();
        json.put("state", status.state());
        json.put("detail", status.detail());
        if (!status.errorCode().isEmpty()) {
            json.put("errorCode", Integer.parseInt(status.errorCode()));
        }
        if (!status.errorMessage().isEmpty()) {
            json.put("errorMessage", status.errorMessage());
        }
        json.put("timestamp", Json.timestamp(at));
        return json;
    }

    ObjectNode status(MessageRecord message, ReceiptRecord last) {
        StatusAt status;
        synchronized (message) {
            status = statusOf(message, last);
        }
        return status(status.status(), status.at());
    }

    private static void ids(ObjectNode node, MessageRecord message) {
        if (message.clientMessageId != null) {
            node.put("clientMessageId", message.clientMessageId);
        }
        if (message.clientBatchId != null) {
            node.put("clientBatchId", message.clientBatchId);
        }
        if (message.batchId != null) {
            node.put("batchId", message.batchId);
        }
    }

    /** A number as 8x8 shows it in details and exports: E.164 with its last four digits hidden. */
    /** The message's number: null for a Messaging Apps message named by a channelUserId or lineUserId. */
    static String number(MessageRecord message) {
        return message.api == Api.CHAT_APPS && !"msisdn".equals(ChatAppsApi.recipientField(message.request()))
                ? null : message.msisdn;
    }

    /**
     * A Messaging Apps message's {@code user} in its details: the number masked, and a {@code channelUserId} or
     * {@code lineUserId} as sent (the details document's example gives a masked msisdn beside a plain
     * channelUserId).
     */
    private static ObjectNode detailsUser(MessageRecord message) {
        ObjectNode user = Json.object();
        JsonNode sent = message.request().path("user");
        if (sent.path("msisdn").isTextual() || "msisdn".equals(ChatAppsApi.recipientField(message.request()))) {
            user.put("msisdn", masked(message.msisdn));
        }
        for (String field : SpecValidator.RECIPIENT_FIELDS.subList(1, SpecValidator.RECIPIENT_FIELDS.size())) {
            if (sent.path(field).isTextual()) {
                user.put(field, sent.get(field).textValue());
            }
        }
        return user;
    }

    static String masked(String msisdn) {
        if (msisdn == null) {
            return "";
        }
        String digits = TestNumbers.digits(msisdn);
        return "+" + (digits.length() <= 4 ? digits : digits.substring(0, digits.length() - 4) + "xxxx");
    }

    /**
     * Whether the record of {@code [from, to)} is whole: false once a message that may fall in it left the record
     * window, so that an export never passes off forgotten messages as never sent.
     */
    boolean windowComplete(java.time.Instant from) {
        java.time.Instant forgotten = engine.store.newestForgotten();
        return forgotten == null || (from != null && from.isAfter(forgotten));
    }

    /**
     * Returns the store.
     *
     * @return the store
     */
    MessageStore store() {
        return engine.store;
    }

    /**
     * Returns the log of every message's export facts.
     *
     * @return the log of every message's export facts
     */
    MessageLog log() {
        return engine.store.log();
    }
}
