package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.SmsEncoding;
import io.connect8x8.sms.SmsParts;

/** The simulated SMS API: single and batch sends. */
final class SmsApi {

    /** An accepted message's status code and description. */
    static final String QUEUED = "QUEUED";
    static final String ACCEPTED = "SMS is accepted and queued for processing";
    /** The encodings, read once: {@code values()} copies its array on every call. */
    private static final SmsEncoding[] ENCODINGS = SmsEncoding.values();

    private final Engine engine;
    private final SpecValidator spec;

    SmsApi(Engine engine, SpecValidator spec) {
        this.engine = engine;
        this.spec = spec;
    }

    /**
     * {@code POST .../messages}: the answer's JSON, written without a tree ({@link SingleAnswer}) as
     * {@link Json#bytes} writes the tree the batch items are made of.
     */
    byte[] single(String subAccountId, String path, JsonNode body) {
        ObjectNode message = Engine.requireObject(body);
        spec.requireValid(path, message);
        Rule.checkAll(SmsRules.MESSAGE, message);
        java.time.Instant scheduled = engine.checkScheduled(message);
        checkExpiry(message);
        String destination = message.get("destination").textValue();
        checkTestNumber(destination);
        String umid = Engine.newId();
        SmsParts parts = record(subAccountId, null, null, message, umid, scheduled);
        return SingleAnswer.bytes(umid, clientMessageId(message), TestNumbers.digits(destination),
                parts.encoding().name(), QUEUED, ACCEPTED);
    }

    /** {@code POST .../messages/batch}: {@code messages} and/or {@code destinations}, with an optional template. */
    ObjectNode batch(String subAccountId, String path, JsonNode body) {
        ObjectNode batch = Engine.requireObject(body);
        JsonNode template = batch.get("template");
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        JsonNode given = Engine.optArray(batch, "messages");
        if (given instanceof ArrayNode list) {
            list.forEach(message -> messages.add(Engine.applyTemplate(template, message)));
        }
        JsonNode destinations = Engine.optArray(batch, "destinations");
        boolean destinationList = destinations != null;
        if (destinationList) {
            destinations.forEach(destination -> messages.add(Engine.applyTemplate(template,
                    Json.object().set("destination", destination))));
        }
        if (messages.isEmpty()) {
            throw ApiError.badRequest(1000, "Missing parameter messages or destinations");
        }
        if (messages.size() > SmsRules.MAX_BATCH) {
            throw ApiError.badRequest(1000, "Invalid parameter messages: at most " + SmsRules.MAX_BATCH + " a batch");
        }
        return BatchSend.run(batch, messages, destinationList, spec, path, SmsRules.BATCH, new BatchSend.Api() {
            @Override
            public String recipient(JsonNode message) {
                return message.path("destination").isTextual() ? message.get("destination").textValue() : null;
            }

            @Override
            public ObjectNode item(String batchId, String clientBatchId, JsonNode message, Violation violation) {
                return SmsApi.this.item(subAccountId, batchId, clientBatchId, message, violation);
            }

            @Override
            public boolean accepted(ObjectNode item) {
                return "QUEUED".equals(item.path("status").path("code").asText());
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
            Rule.checkAll(SmsRules.MESSAGE, valid);
            java.time.Instant scheduled = engine.checkScheduled(valid);
            checkExpiry(valid);
            checkTestNumber(valid.get("destination").textValue());
            return accept(subAccountId, batchId, clientBatchId, valid, scheduled);
        } catch (ApiError rejected) {
            String umid = Engine.newId();
            String destination = message.path("destination").isTextual()
                    ? message.get("destination").textValue() : null;
            // Its details and export row show the parts of whatever text it had, as for an accepted one.
            SmsParts parts = SmsParts.of(message.path("text").asText(""), encoding(message.path("encoding")
                    .asText("")));
            engine.record(Api.SMS, subAccountId, umid, batchId, message, clientBatchId, destination, parts,
                    rejected.code());
            return response(umid, message, destination, "AUTO", "REJECTED", rejected.getMessage());
        }
    }

    private ObjectNode accept(String subAccountId, String batchId, String clientBatchId, ObjectNode message,
                              java.time.Instant scheduled) {
        String umid = Engine.newId();
        SmsParts parts = record(subAccountId, batchId, clientBatchId, message, umid, scheduled);
        return response(umid, message, message.get("destination").textValue(), parts.encoding().name(), QUEUED,
                ACCEPTED);
    }

    /**
     * Records an accepted message, charges its parts and plans its receipts (held until {@code scheduled}, when
     * given and ahead); returns its parts.
     */
    private SmsParts record(String subAccountId, String batchId, String clientBatchId, ObjectNode message,
                            String umid, java.time.Instant scheduled) {
        String destination = message.get("destination").textValue();
        SmsParts parts = SmsParts.of(message.get("text").textValue(), encoding(message.path("encoding").asText("")));
        MessageRecord record = engine.record(Api.SMS, subAccountId, umid, batchId, message, clientBatchId,
                destination, parts, null);
        engine.accounts.charge(parts.parts());
        engine.sendReceipts(record, message, scheduled, Receipts.sms(record, Json.optText(message, "source"),
                parts.parts()));
        return parts;
    }

    /** The message's clientMessageId when it is a string, else null (the answer then says null). */
    private static String clientMessageId(JsonNode message) {
        return message.path("clientMessageId").isTextual() ? message.get("clientMessageId").textValue() : null;
    }

    /** The answer of one message as a tree: a batch's item, and what {@link SingleAnswer} must write. */
    static ObjectNode response(String umid, JsonNode message, String destination, String encoding,
                               String code, String description) {
        ObjectNode response = Json.object();
        response.put("umid", umid);
        response.put("clientMessageId", clientMessageId(message));
        // The live API echoes the destination without its '+'.
        response.put("destination", TestNumbers.digits(destination));
        response.put("encoding", encoding);
        ObjectNode status = response.putObject("status");
        status.put("code", code);
        status.put("description", description);
        return response;
    }

    /**
     * The encoding the parts are counted in, read like the live API reads it (any casing). A value the spec in use
     * allows but the simulator does not count separately is counted as AUTO, never a failure.
     */
    static SmsEncoding encoding(String value) {
        if (value.isEmpty()) {
            // No encoding given, the usual send: no name is empty.
            return SmsEncoding.AUTO;
        }
        for (SmsEncoding known : ENCODINGS) {
            if (known.name().equalsIgnoreCase(value)) {
                return known;
            }
        }
        return SmsEncoding.AUTO;
    }

    /**
     * Refuses a message whose {@code expiry} ("Date and time after which a message cannot be sent") has passed on the
     * simulator's clock: 400, code 1006 (the facts' "invalid expiry"), with the SMS document's description "Expiry
     * time already reached" (the batch operation's 200 lists it among a REJECTED message's descriptions). An expiry
     * the validator let through but that is no date-time with offset is left alone, as {@code scheduled} is.
     */
    private void checkExpiry(JsonNode message) {
        java.time.Instant until = Engine.time(message, "expiry");
        if (until != null && !until.isAfter(engine.clock.instant())) {
            throw ApiError.badRequest(1006, "Expiry time already reached");
        }
    }

    private static void checkTestNumber(String destination) {
        Engine.failOnServerErrorNumber(destination);
        if (TestNumbers.is(destination, TestNumbers.INVALID)) {
            throw ApiError.badRequest(1002, "Invalid MSISDN " + TestNumbers.INVALID + " (test number)");
        }
    }

}
