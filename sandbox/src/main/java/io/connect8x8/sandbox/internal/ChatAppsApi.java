package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sandbox.WhatsAppTemplate;
import java.util.Locale;

/** The simulated Messaging Apps API: single and batch sends. */
final class ChatAppsApi {

    private static final java.util.List<String> WHATSAPP = java.util.List.of("whatsapp");

    private final Engine engine;
    private final SpecValidator spec;

    ChatAppsApi(Engine engine, SpecValidator spec) {
        this.engine = engine;
        this.spec = spec;
    }

    /** {@code POST .../messages}. */
    ObjectNode single(String subAccountId, String path, JsonNode body) {
        ObjectNode message = Engine.requireObject(body);
        spec.requireValid(path, message);
        return accept(subAccountId, null, null, message, check(message));
    }

    /** {@code POST .../messages/batch}: {@code messages} with an optional template. */
    ObjectNode batch(String subAccountId, String path, JsonNode body) {
        ObjectNode batch = Engine.requireObject(body);
        JsonNode template = batch.get("template");
        ArrayNode given = Engine.optArray(batch, "messages");
        if (given == null || given.isEmpty()) {
            throw ApiError.badRequest(3012, "Missing parameter messages");
        }
        if (given.size() > ChatAppsRules.MAX_BATCH) {
            throw ApiError.badRequest(3013, "Too many messages: at most " + ChatAppsRules.MAX_BATCH + " a batch");
        }
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        given.forEach(message -> messages.add(Engine.applyTemplate(template, message)));
        return BatchSend.run(batch, messages, false, spec, path, ChatAppsRules.BATCH, new BatchSend.Api() {
            @Override
            public String recipient(JsonNode message) {
                return ChatAppsApi.this.recipient(message);
            }

            @Override
            public ObjectNode item(String batchId, String clientBatchId, JsonNode message, Violation violation) {
                return ChatAppsApi.this.item(subAccountId, batchId, clientBatchId, message, violation);
            }

            @Override
            public boolean accepted(ObjectNode item) {
                return "queued".equals(item.path("status").path("state").asText());
            }
        });
    }

    private ObjectNode item(String subAccountId, String batchId, String clientBatchId, JsonNode message,
                            Violation violation) {
        try {
            if (violation != null) {
                throw ApiError.badRequest(violation.code(), violation.message());
            }
            ObjectNode valid = Engine.requireObject(message);
            return accept(subAccountId, batchId, clientBatchId, valid, check(valid));
        } catch (ApiError rejected) {
            String umid = Engine.newId();
            String recipient = recipient(message);
            engine.record(Api.CHAT_APPS, subAccountId, umid, batchId, message, clientBatchId, recipient, null,
                    rejected.code());
            ObjectNode result = response(umid, message, recipient, "rejected");
            ObjectNode status = (ObjectNode) result.get("status");
            status.put("errorCode", rejected.code());
            status.put("errorMessage", rejected.getMessage());
            return result;
        }
    }

    /**
     * What the checks of a valid message found.
     *
     * @param template the approved template of a template message, else null
     * @param scheduled the {@code scheduled} time, null for none
     */
    private record Checked(WhatsAppTemplate template, java.time.Instant scheduled) {
    }

    /** The semantic rules, the test numbers and, for a template message, the template registry. */
    private Checked check(ObjectNode message) {
        if (recipient(message) == null) {
            throw ApiError.badRequest(3002, "Missing parameter user.msisdn");
        }
        Rule.checkAll(ChatAppsRules.MESSAGE, message);
        java.time.Instant scheduled = engine.checkScheduled(message);
        String msisdn = recipient(message);
        Engine.failOnServerErrorNumber(msisdn);
        if (TestNumbers.is(msisdn, TestNumbers.INVALID)) {
            throw ApiError.badRequest(3003, "Invalid MSISDN " + TestNumbers.INVALID + " (test number)");
        }
        JsonNode url = message.path("content").path("url");
        if (url.isTextual()) {
            engine.files.checkMediaUrl(url.textValue(), engine.rootUrl);
        }
        WhatsAppTemplate template = "template".equalsIgnoreCase(message.get("type").asText())
                ? engine.templates.check(message.get("content").get("template")) : null;
        return new Checked(template, scheduled);
    }

    private ObjectNode accept(String subAccountId, String batchId, String clientBatchId, ObjectNode message,
                              Checked checked) {
        String umid = Engine.newId();
        String msisdn = recipient(message);
        MessageRecord record = engine.record(Api.CHAT_APPS, subAccountId, umid, batchId, message, clientBatchId,
                msisdn, null, null);
        String category = checked.template() == null ? "service" : checked.template().category();
        engine.sendReceipts(record, message, checked.scheduled(), Receipts.chatApps(record, channels(message),
                fallbackAfter(message), category));
        return response(umid, message, msisdn, "queued");
    }

    /** The channels in fallback order, lower case: {@code channels}, WhatsApp when none is given. */
    private static java.util.List<String> channels(JsonNode message) {
        JsonNode given = message.path("channels");
        if (given.size() == 0) {
            return WHATSAPP;
        }
        java.util.List<String> channels = new java.util.ArrayList<>(given.size());
        for (JsonNode channel : given) {
            JsonNode name = channel.path("channel");
            channels.add(name.isTextual() ? name.textValue().toLowerCase(Locale.ROOT) : "whatsapp");
        }
        return channels;
    }

    /**
     * How long the first channel has before the next one is tried: its {@code fallbackAfter} in seconds (checked
     * to be 10 to 86,400), or null when it names none; 8x8 documents no default (an account's own fallback
     * configuration applies), so the simulator then falls back as soon as the first channel failed.
     */
    private static java.time.Duration fallbackAfter(JsonNode message) {
        JsonNode after = message.path("channels").path(0).path("fallbackAfter");
        return after.canConvertToInt() ? java.time.Duration.ofSeconds(after.intValue()) : null;
    }

    /**
     * The recipient a message names: the first of the document's recipient fields its {@code user} gives as a
     * string ({@code msisdn}, else {@code channelUserId} or {@code lineUserId} where the document declares them).
     *
     * @return the value, or null when it names none
     */
    private String recipient(JsonNode message) {
        JsonNode user = message.path("user");
        for (String field : spec.recipientFields()) {
            JsonNode value = user.get(field);
            if (value != null && value.isTextual()) {
                return value.textValue();
            }
        }
        return null;
    }

    /**
     * Which field of a recorded message's {@code user} named its recipient (the first of
     * {@link SpecValidator#RECIPIENT_FIELDS} it gives): what its answer, receipts and details call it.
     *
     * @param request the message as sent
     * @return the field name, {@code msisdn} when it gives none of them
     */
    static String recipientField(JsonNode request) {
        JsonNode user = request.path("user");
        for (String field : SpecValidator.RECIPIENT_FIELDS) {
            if (user.path(field).isTextual()) {
                return field;
            }
        }
        return "msisdn";
    }

    private ObjectNode response(String umid, JsonNode message, String msisdn, String state) {
        ObjectNode response = Json.object();
        response.put("umid", umid);
        // The recipient under the field that named it: a message to a channelUserId or lineUserId has no msisdn.
        response.putObject("user").put(msisdn == null ? "msisdn" : recipientField(message), msisdn);
        response.put("clientMessageId", message.path("clientMessageId").isTextual()
                ? message.get("clientMessageId").textValue() : null);
        ObjectNode status = response.putObject("status");
        status.put("state", state);
        status.put("timestamp", Json.timestamp(engine.clock.instant()));
        return response;
    }

}
