package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The one batch path of both simulated APIs: each message merged over the batch's template, the envelope validated
 * (a fault there fails the whole request before anything is recorded), then each message answered by itself, and
 * the counts and (when asked) the per-message answers returned.
 */
final class BatchSend {

    /** What differs between the two APIs. */
    interface Api {
        /**
         * The recipient of an expanded message, for the test numbers that fail a whole request.
         *
         * @param message the message
         * @return its number, or null
         */
        String recipient(JsonNode message);

        /**
         * Answers one message of the batch: accepted and recorded, or rejected with its first violation.
         *
         * @param batchId the batch's id
         * @param clientBatchId the caller's id of the batch, or null
         * @param message the expanded message
         * @param violation its first violation, or null
         * @return the per-message answer
         */
        ObjectNode item(String batchId, String clientBatchId, JsonNode message, Violation violation);

        /**
         * Whether a per-message answer says queued.
         *
         * @param item the answer
         * @return true when queued
         */
        boolean accepted(ObjectNode item);
    }

    private BatchSend() {
    }

    /**
     * Runs a batch.
     *
     * @param batch the request body
     * @param messages the messages, each already merged over the template
     * @param dropDestinations whether the expanded request drops {@code destinations}
     * @param spec the API's validator
     * @param path the request path
     * @param rules the API's batch rules
     * @param api what differs between the APIs
     * @return the batch answer
     */
    static ObjectNode run(ObjectNode batch, ArrayNode messages, boolean dropDestinations, SpecValidator spec,
                          String path, List<Rule> rules, Api api) {
        ObjectNode expanded = Engine.expand(batch, messages, dropDestinations);
        List<Violation> violations = spec.normaliseAndValidate(path, expanded);
        Engine.throwEnvelopeViolation(violations);
        Rule.checkAll(rules, expanded);
        for (JsonNode message : expanded.get("messages")) {
            // A number that fails the whole request must fail it before anything is recorded.
            Engine.failOnServerErrorNumber(api.recipient(message));
        }
        String batchId = Engine.newId();
        String clientBatchId = Json.optText(batch, "clientBatchId");
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        int accepted = 0;
        Violation[] firstViolations = Engine.firstViolationPerMessage(violations, messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ObjectNode result = api.item(batchId, clientBatchId, expanded.get("messages").get(i), firstViolations[i]);
            accepted += api.accepted(result) ? 1 : 0;
            results.add(result);
        }
        ObjectNode response = Json.object();
        response.put("batchId", batchId);
        response.put("clientBatchId", clientBatchId);
        response.put("acceptedCount", accepted);
        response.put("rejectedCount", messages.size() - accepted);
        if (batch.path("includeMessagesInResponse").asBoolean(false)) {
            response.set("messages", results);
        }
        return response;
    }
}
