package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Account-level state: the balance (a starting credit less the price of every accepted SMS part) and the webhooks
 * configured through the API, which receive the receipts of messages that have no {@code dlrCallbackUrl} when the
 * simulator has no webhook of its own.
 */
final class AccountState {

    /** The credit every simulator starts with, in {@link #CURRENCY}. */
    static final double STARTING_BALANCE = 1000.0;
    static final String CURRENCY = "EUR";

    private final LongAdder chargedMicros = new LongAdder();
    /** Webhooks by API, then by sub-account ({@code *} for all), as the client configured them. */
    private final Map<Api, Map<String, ObjectNode>> webhooks = new ConcurrentHashMap<>();

    void charge(int smsParts) {
        chargedMicros.add(Math.round(Receipts.PRICE_PER_SMS * 1e6) * smsParts);
    }

    /**
     * Returns the balance answer.
     *
     * @return {@code {"balance", "currency"}}
     */
    ObjectNode balance() {
        ObjectNode balance = Json.object();
        balance.put("balance", Math.round((STARTING_BALANCE - chargedMicros.sum() / 1e6) * 1e6) / 1e6);
        balance.put("currency", CURRENCY);
        return balance;
    }

    /** A receipt webhook's {@code type} in the Messaging Apps document: "{@code CADR} for delivery receipts". */
    static final String RECEIPTS = "CADR";
    /**
     * The types a Messaging Apps webhook without {@code type} is added or deleted for: "When not provided, webhooks
     * will be added/updated for only CADR and MSG". The SMS document has no {@code type}: one webhook per scope.
     */
    private static final List<String> UNTYPED = List.of(RECEIPTS, "MSG");

    /** The types a request's entry names: its {@code type}, else CADR and MSG; for SMS, none. */
    private static List<String> types(Api api, JsonNode entry) {
        if (api == Api.SMS) {
            return List.of("");
        }
        return entry.path("type").isTextual() ? List.of(entry.get("type").textValue()) : UNTYPED;
    }

    /** Adds or replaces webhooks, by sub-account and, for Messaging Apps, type. */
    void addWebhooks(Api api, JsonNode list) {
        Map<String, ObjectNode> byScope = webhooks.computeIfAbsent(api, key -> new ConcurrentHashMap<>());
        for (JsonNode webhook : list) {
            if (webhook instanceof ObjectNode object) {
                for (String type : types(api, object)) {
                    ObjectNode copy = object.deepCopy();
                    if (!type.isEmpty()) {
                        // Listed one entry per type, as the document's GET example lists them.
                        copy.remove("type");
                        copy = Json.object().put("type", type).setAll(copy);
                    }
                    byScope.put(key(object.path("subAccountId").asText("*"), type), copy);
                }
            }
        }
    }

    /**
     * Removes webhooks, by sub-account and, for Messaging Apps, type ("the * character will only be used for
     * targeting webhooks configured with a global subaccount": no wild card); returns how many were removed.
     */
    int deleteWebhooks(Api api, JsonNode list) {
        Map<String, ObjectNode> byScope = webhooks.getOrDefault(api, Map.of());
        int removed = 0;
        for (JsonNode target : list) {
            for (String type : types(api, target)) {
                if (byScope.remove(key(target.path("subAccountId").asText(), type)) != null) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static String key(String subAccountId, String type) {
        return type.isEmpty() ? subAccountId : subAccountId + ' ' + type;
    }

    /** The configured webhooks, secrets masked as the document says GET answers them. */
    ArrayNode webhooks(Api api) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        webhooks.getOrDefault(api, Map.of()).values().forEach(webhook -> {
            ObjectNode copy = webhook.deepCopy();
            if (copy.has("httpAuthorization")) {
                copy.put("httpAuthorization", "***");
            }
            if (copy.get("oauth") instanceof ObjectNode oauth && oauth.has("clientSecret")) {
                oauth.put("clientSecret", "***");
            }
            list.add(copy);
        });
        return list;
    }

    /**
     * The enabled receipt webhook for a sub-account (its own first, else the {@code *} one; for Messaging Apps, of type
     * {@code CADR}: an {@code MSG} webhook gets inbound messages, not receipts), with the authorization the
     * client configured for it: its {@code oauth} client-credentials settings when it has them (the documents: "For
     * OAuth 2.0 Client Credentials flow, leave this field empty and use the {@code oauth} property instead"), else
     * its {@code httpAuthorization}, "a static value sent as the HTTP {@code Authorization} header with every webhook
     * request".
     *
     * @return the webhook, or null
     */
    ReceiptDispatcher.Target webhookFor(Api api, String subAccountId) {
        Map<String, ObjectNode> byScope = webhooks.get(api);
        if (byScope == null || byScope.isEmpty()) {
            return null;
        }
        String type = api == Api.SMS ? "" : RECEIPTS;
        for (String scope : new String[] {subAccountId, "*"}) {
            ObjectNode webhook = byScope.get(key(scope, type));
            if (webhook != null && webhook.path("enabled").asBoolean(true) && webhook.path("url").isTextual()) {
                JsonNode oauth = webhook.get("oauth");
                if (oauth instanceof ObjectNode settings && settings.path("url").isTextual()) {
                    return new ReceiptDispatcher.Target(webhook.get("url").textValue(), null,
                            new ReceiptDispatcher.OAuth(settings.get("url").textValue(),
                                    settings.path("clientId").asText(""), settings.path("clientSecret").asText(""),
                                    "body".equals(settings.path("credentialsLocation").asText()),
                                    settings.path("scope").isTextual() ? settings.get("scope").textValue() : null));
                }
                String authorization = webhook.path("httpAuthorization").asText("");
                return new ReceiptDispatcher.Target(webhook.get("url").textValue(),
                        authorization.isEmpty() ? null : authorization, null);
            }
        }
        return null;
    }

    void clear() {
        chargedMicros.reset();
        webhooks.clear();
    }
}
