package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.DeliveryAttempt;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sandbox.SandboxReceipt;
import io.connect8x8.sandbox.TestNumbers;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /__admin/messages[?to=msisdn]} (the record window), {@code GET /__admin/stats} (counts over every message:
 * accepted, rejected, clientMessageIds accepted more than once), {@code GET|POST /__admin/faults} and
 * {@code POST /__admin/reset}. No key
 * is needed: the simulator listens on loopback by default and holds only test data.
 */
final class AdminHandler {

    private final MessageStore store;
    private final FaultState faults;
    private final Runnable reset;

    AdminHandler(MessageStore store, FaultState faults, Runnable reset) {
        this.store = store;
        this.faults = faults;
        this.reset = reset;
    }

    JsonNode handle(Exchange exchange, String path, byte[] body) {
        String method = exchange.method();
        switch (path) {
            case "/__admin/messages" -> {
                requireMethod(exchange, method, "GET");
                return messages(exchange.rawQuery());
            }
            case "/__admin/stats" -> {
                requireMethod(exchange, method, "GET");
                return stats();
            }
            case "/__admin/faults" -> {
                if ("POST".equals(method)) {
                    faults.apply(Json.parse(body));
                } else {
                    requireMethod(exchange, method, "GET");
                }
                return faults.toJson();
            }
            case "/__admin/reset" -> {
                requireMethod(exchange, method, "POST");
                reset.run();
                return Json.object().put("reset", true);
            }
            default -> throw new ApiError(404, 1300, "Resource not found: " + path);
        }
    }

    private static void requireMethod(Exchange exchange, String method, String allowed) {
        if (!allowed.equals(method)) {
            exchange.responseHeaders().put("Allow", allowed);
            throw new ApiError(405, 1000, "Method " + method + " not allowed");
        }
    }

    private ObjectNode stats() {
        ObjectNode response = Json.object();
        response.put("requestCount", store.requestCount());
        response.put("acceptedMessages", store.acceptedMessages());
        response.put("rejectedMessages", store.rejectedMessages());
        response.put("duplicateClientMessageIds", store.duplicateClientMessageIds());
        response.put("receiptsDelivered", store.receiptsDelivered());
        return response;
    }

    private JsonNode messages(String query) {
        String given = UriDecoding.query(query).get("to");
        String to = given == null ? null : TestNumbers.digits(given.trim());
        ObjectNode response = stats();
        ArrayNode list = response.putArray("messages");
        for (SandboxMessage message : store.snapshot()) {
            if (to == null || to.equals(TestNumbers.digits(message.msisdn()))) {
                list.add(toJson(message));
            }
        }
        return response;
    }

    private static ObjectNode toJson(SandboxMessage message) {
        ObjectNode json = Json.object();
        json.put("api", message.api().name());
        json.put("subAccountId", message.subAccountId());
        json.put("umid", message.umid());
        json.put("batchId", message.batchId());
        json.put("clientMessageId", message.clientMessageId());
        json.put("clientBatchId", message.clientBatchId());
        json.put("msisdn", message.msisdn());
        json.put("accepted", message.accepted());
        json.put("errorCode", message.errorCode());
        json.put("state", message.state());
        json.set("request", Json.parse(message.request().getBytes(StandardCharsets.UTF_8)));
        ArrayNode receipts = json.putArray("receipts");
        for (SandboxReceipt receipt : message.receipts()) {
            ObjectNode item = receipts.addObject();
            item.put("state", receipt.state());
            item.put("detail", receipt.detail());
            item.put("url", receipt.url());
            item.put("delivered", receipt.delivered());
            item.put("givenUp", receipt.givenUp());
            item.set("body", Json.parse(receipt.body().getBytes(StandardCharsets.UTF_8)));
            ArrayNode attempts = item.putArray("attempts");
            for (DeliveryAttempt attempt : receipt.attempts()) {
                ObjectNode entry = attempts.addObject();
                entry.put("number", attempt.number());
                entry.put("delayMillis", attempt.delay().toMillis());
                entry.put("at", Json.timestamp(attempt.at()));
                entry.put("status", attempt.status());
                entry.put("error", attempt.error());
            }
        }
        return json;
    }
}
