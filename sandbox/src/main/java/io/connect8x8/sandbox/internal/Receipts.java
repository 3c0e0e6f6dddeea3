package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.TestNumbers;
import java.util.ArrayList;
import java.util.List;

/** The receipt sequences and JSON shapes of both APIs, as the facade's webhook parser reads them. */
final class Receipts {

    /** A price per SMS part; the figure is illustrative. */
    static final double PRICE_PER_SMS = 0.0035;

    private Receipts() {
    }

    /**
     * The price of an SMS's parts, in the account's currency, rounded to a millionth: the one formula of the
     * receipts, the details and the log export.
     *
     * @param parts the part count
     * @return the price
     */
    static double price(int parts) {
        return Math.round(PRICE_PER_SMS * parts * 1e6) / 1e6;
    }

    /**
     * An SMS message's receipts: one {@code delivered}/{@code delivered_to_recipient}, or one
     * {@code undelivered}/{@code rejected_by_operator} for the test number.
     */
    static List<ReceiptPlan> sms(MessageRecord message, String source, int smsCount) {
        boolean fails = TestNumbers.is(message.msisdn, TestNumbers.UNDELIVERED);
        String state = fails ? "undelivered" : "delivered";
        String detail = fails ? "rejected_by_operator" : "delivered_to_recipient";
        return List.of(new ReceiptPlan(state, detail, at -> {
            ObjectNode receipt = Json.object();
            receipt.put("namespace", "SMS");
            receipt.put("eventType", "outbound_message_status_changed");
            // The description of 8x8's documented receipts, word for word.
            receipt.put("description", "SMS outbound message delivery receipt");
            ObjectNode payload = ids(receipt.putObject("payload"), message);
            payload.put("source", source);
            payload.put("destination", "+" + TestNumbers.digits(message.msisdn));
            ObjectNode status = payload.putObject("status");
            status.put("state", state);
            status.put("detail", detail);
            status.put("timestamp", Json.timestamp(at));
            if (fails) {
                status.put("errorCode", TestNumbers.SMS_UNDELIVERED_CODE);
                status.put("errorMessage", "Rejected by operator");
            } else {
                // "price" is absent when nothing was charged, as for the live API.
                status.put("errorCode", 0);
                status.putNull("errorMessage");
                ObjectNode price = payload.putObject("price");
                price.put("total", price(smsCount));
                price.put("perSms", PRICE_PER_SMS);
                price.put("currency", AccountState.CURRENCY);
            }
            payload.put("smsCount", smsCount);
            return receipt;
        }, "sms"));
    }

    /**
     * A Messaging Apps message's receipts: {@code queued}, {@code delivered}/{@code delivered_to_operator},
     * {@code delivered}/{@code delivered_to_recipient}, {@code read} on the first channel; or, for the test number
     * that fails, {@code queued} then {@code undelivered}/{@code rejected_by_operator} on the first channel and,
     * when the message names a fallback channel, the next channel's leg: {@code queued},
     * {@code delivered}/{@code delivered_to_recipient} (and {@code read} for a chat app, not for SMS). That leg
     * starts {@code fallbackAfter} after the first channel's {@code queued}, as 8x8 documents it ("the amount of
     * time in seconds, after which message should be sent to next fallback channel, if not delivered to current
     * one"), not when the first channel failed.
     *
     * @param message the message
     * @param channels the channels in fallback order, lower case, at least one
     * @param fallbackAfter the first channel's {@code fallbackAfter}; null for none (the next leg follows the
     *                      failure at once)
     * @param pricingCategory the WhatsApp pricing category
     * @return the receipts in order
     */
    static List<ReceiptPlan> chatApps(MessageRecord message, List<String> channels, java.time.Duration fallbackAfter,
                                      String pricingCategory) {
        boolean fails = TestNumbers.is(message.msisdn, TestNumbers.UNDELIVERED);
        List<ReceiptPlan> plans = new ArrayList<>();
        String channel = channels.get(0);
        plans.add(chatApps(message, channel, pricingCategory, "queued", "accepted_by_provider", false));
        if (fails) {
            plans.add(chatApps(message, channel, pricingCategory, "undelivered", "rejected_by_operator", true));
            if (channels.size() < 2) {
                return plans;
            }
            String fallback = channels.get(1);
            plans.add(chatApps(message, fallback, pricingCategory, "queued", "accepted_by_provider", false)
                    .withFallbackAfter(fallbackAfter));
            plans.add(chatApps(message, fallback, pricingCategory, "delivered", "delivered_to_recipient", false));
            if (!"sms".equals(fallback)) {
                plans.add(chatApps(message, fallback, pricingCategory, "read", "read_by_recipient", false));
            }
        } else {
            plans.add(chatApps(message, channel, pricingCategory, "delivered", "delivered_to_operator", false));
            plans.add(chatApps(message, channel, pricingCategory, "delivered", "delivered_to_recipient", false));
            plans.add(chatApps(message, channel, pricingCategory, "read", "read_by_recipient", false));
        }
        return plans;
    }

    private static ReceiptPlan chatApps(MessageRecord message, String channel, String pricingCategory,
                                        String state, String detail, boolean failed) {
        return new ReceiptPlan(state, detail, at -> {
            ObjectNode receipt = Json.object();
            receipt.put("namespace", "ChatApps");
            receipt.put("eventType", "outbound_message_status_changed");
            receipt.put("description", "ChatApps outbound message delivery receipt");
            receipt.put("version", 9);
            ObjectNode payload = ids(receipt.putObject("payload"), message);
            payload.put("channel", channel);
            String field = ChatAppsApi.recipientField(message.request());
            // A message to a channelUserId or lineUserId has no number: the receipt names the user as it was named.
            payload.putObject("user").put(field, "msisdn".equals(field)
                    ? "+" + TestNumbers.digits(message.msisdn) : message.msisdn);
            ObjectNode status = payload.putObject("status");
            status.put("state", state);
            status.put("detail", detail);
            status.put("timestamp", Json.timestamp(at));
            ObjectNode whatsapp = Json.object();
            if (failed) {
                status.put("errorCode", TestNumbers.CHAT_APPS_UNDELIVERED_CODE);
                status.put("errorMessage", "Message undeliverable: rejected by operator");
                // A JSON string, as in 8x8's documented receipt ("providerErrorCode": "131009"), not a number.
                whatsapp.put("providerErrorCode", Integer.toString(TestNumbers.WHATSAPP_PROVIDER_CODE));
            } else {
                status.putNull("errorCode");
                status.putNull("errorMessage");
                whatsapp.putNull("providerErrorCode");
            }
            if ("whatsapp".equals(channel)) {
                whatsapp.put("pricingCategory", pricingCategory);
                payload.set("whatsapp", whatsapp);
            }
            return receipt;
        }, channel);
    }

    /** The error of a message whose expiry came before it was sent: the SMS document's words for it. */
    static final String EXPIRED_MESSAGE = "Expiry time already reached";
    /** Its code: the facts' "invalid expiry", the code of an SMS refused at submit for the same reason. */
    static final int EXPIRED_CODE = 1006;

    /**
     * The one receipt of a message whose {@code expiry} came before its {@code scheduled} time, so it was never sent
     * (the documents: "Date and time after which a message cannot be sent", "will be discarded if it is still in
     * processing", "should be trashed"): {@code failed}, the documents' state of a message that "will not be
     * processed" ({@code undelivered} is an operator's answer, and no operator saw it), detail {@code expired} (the
     * documents name none for it), errorCode 1006 and "Expiry time already reached", no {@code price} (nothing was
     * sent). Made from the message's first receipt, so the shape (namespace, ids, channel, user) is its own.
     *
     * @param first the first receipt the message would have had
     * @return the receipt
     */
    static ReceiptPlan expired(ReceiptPlan first) {
        return new ReceiptPlan("failed", "expired", at -> {
            ObjectNode receipt = first.body().apply(at);
            ObjectNode payload = (ObjectNode) receipt.get("payload");
            ObjectNode status = (ObjectNode) payload.get("status");
            status.put("state", "failed");
            status.put("detail", "expired");
            status.put("errorCode", EXPIRED_CODE);
            status.put("errorMessage", EXPIRED_MESSAGE);
            payload.remove("price");
            if (payload.get("whatsapp") instanceof ObjectNode whatsapp) {
                whatsapp.putNull("providerErrorCode");
            }
            return receipt;
        }, first.channel());
    }

    private static ObjectNode ids(ObjectNode payload, MessageRecord message) {
        payload.put("umid", message.umid);
        payload.put("batchId", message.batchId);
        payload.put("clientMessageId", message.clientMessageId);
        payload.put("clientBatchId", message.clientBatchId);
        payload.put("subAccountId", message.subAccountId);
        return payload;
    }
}
