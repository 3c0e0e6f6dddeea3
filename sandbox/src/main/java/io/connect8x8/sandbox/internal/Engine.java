package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.TestNumbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** What both APIs share: the clock, the record of messages, receipts and the helpers of batch handling. */
final class Engine {

    final Clock clock;
    final MessageStore store;
    final ReceiptDispatcher receipts;
    final TemplateRegistry templates;
    final String webhookUrl;
    /** Scheduled messages and channel fallback legs waiting for the clock; shared with the receipts. */
    final ScheduledQueue scheduled;
    final FileStore files = new FileStore();
    final AccountState accounts = new AccountState();
    /** The root URL once the server is bound, for links in answers and to recognise the simulator's own files. */
    volatile String rootUrl = "";

    Engine(Clock clock, MessageStore store, ReceiptDispatcher receipts, ScheduledQueue scheduled,
           TemplateRegistry templates, String webhookUrl) {
        this.clock = clock;
        this.store = store;
        this.receipts = receipts;
        this.scheduled = scheduled;
        this.templates = templates;
        this.webhookUrl = webhookUrl;
    }

    /**
     * A random (version 4) UUID. Not {@link UUID#randomUUID()}: its shared SecureRandom serialises every request
     * thread on one lock, and a simulated id needs no cryptographic strength.
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Records a message; {@code errorCode} null means accepted; {@code parts} an SMS's, null for a chat app's. */
    MessageRecord record(Api api, String subAccountId, String umid, String batchId, JsonNode message,
                         String clientBatchId, String msisdn, io.connect8x8.sms.SmsParts parts, Integer errorCode) {
        String clientMessageId = message.path("clientMessageId").isTextual()
                ? message.get("clientMessageId").textValue() : null;
        MessageRecord record = new MessageRecord(api, subAccountId, umid, batchId, clientMessageId, clientBatchId,
                msisdn, parts, message, errorCode, errorCode == null ? "queued" : "rejected", clock.instant());
        store.add(record);
        return record;
    }

    /**
     * Sends the receipts to the message's dlrCallbackUrl, else the simulator's webhook, else only records them; a
     * message scheduled ahead of the clock is held, with its receipts, until then. One whose {@code expiry} comes
     * first (or at the same time: "Date and time after which a message cannot be sent") is never sent: it is held
     * until its expiry, then gets one {@link Receipts#expired} receipt instead of its own; at once when the expiry
     * has already passed (a Messaging Apps message: the SMS API refuses it before this).
     *
     * @param scheduled the message's {@code scheduled} time as {@link #checkScheduled} read it, null for none
     */
    void sendReceipts(MessageRecord record, JsonNode message, java.time.Instant scheduled, List<ReceiptPlan> plans) {
        JsonNode callback = message.get("dlrCallbackUrl");
        String url = callback != null && callback.isTextual() ? callback.textValue() : webhookUrl;
        ReceiptDispatcher.Target target = url != null ? new ReceiptDispatcher.Target(url, null, null)
                : accounts.webhookFor(record.api, record.subAccountId);
        java.time.Instant now = clock.instant();
        boolean held = scheduled != null && scheduled.isAfter(now);
        java.time.Instant expiry = time(message, "expiry");
        if (expiry != null && !expiry.isAfter(held ? scheduled : now)) {
            List<ReceiptPlan> expired = List.of(Receipts.expired(plans.get(0)));
            if (expiry.isAfter(now)) {
                this.scheduled.hold(record, expiry, () -> receipts.dispatch(record, target, expired, expiry));
            } else {
                receipts.dispatch(record, target, expired);
            }
        } else if (held) {
            this.scheduled.hold(record, scheduled, () -> receipts.dispatch(record, target, plans, scheduled));
        } else {
            receipts.dispatch(record, target, plans);
        }
    }

    /** How far ahead {@code scheduled} may be: 8x8 takes a message at most 7 days ahead (the facts' limits). */
    private static final java.time.Duration MAX_SCHEDULE_AHEAD = java.time.Duration.ofDays(7);

    /**
     * Refuses a {@code scheduled} time more than 7 days after now (on the simulator's clock) with 400, code 1011
     * (invalid schedule time): the live API does not hold a message that long, so a test must not see it accepted.
     * Read once: the time goes on to {@link #sendReceipts}.
     *
     * @return the {@code scheduled} time, null when the message has none (or none the simulator can read)
     */
    java.time.Instant checkScheduled(JsonNode message) {
        java.time.Instant due = time(message, "scheduled");
        if (due != null && due.isAfter(clock.instant().plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiError.badRequest(1011, "Invalid parameter scheduled: at most 7 days ahead");
        }
        return due;
    }

    /**
     * A message's date-time field ({@code scheduled}, {@code expiry}), or null when it has none (or none the simulator
     * can read: the validator let it through, and it is left alone).
     */
    static java.time.Instant time(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** An optional array field; anything else than an array or null is a 400 for the whole request. */
    static ArrayNode optArray(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ArrayNode array)) {
            throw ApiError.badRequest(1000, "Invalid parameter " + field + ": must be an array");
        }
        return array;
    }

    /** Requires the request body to be a JSON object. */
    static ObjectNode requireObject(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw ApiError.badRequest(1000, "Request body must be a JSON object");
        }
        return object;
    }

    /**
     * A message with the batch template applied: the template's fields, overridden field by field (objects merged,
     * everything else replaced) by the message's own.
     */
    static JsonNode applyTemplate(JsonNode template, JsonNode message) {
        if (!(template instanceof ObjectNode base) || !(message instanceof ObjectNode own)) {
            return message;
        }
        return merge(base.deepCopy(), own);
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode source) {
        source.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode into && field.getValue() instanceof ObjectNode from) {
                merge(into, from);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return target;
    }

    /**
     * The batch to validate: the request with {@code messages} replaced by the messages with the template applied
     * (and, for SMS, one message per entry of {@code destinations}).
     */
    static ObjectNode expand(ObjectNode batch, ArrayNode messages, boolean dropDestinations) {
        ObjectNode expanded = batch.deepCopy();
        expanded.set("messages", messages);
        if (dropDestinations) {
            expanded.remove("destinations");
        }
        return expanded;
    }

    /** The first violation of the request as a whole, thrown as a 400. */
    static void throwEnvelopeViolation(List<Violation> violations) {
        for (Violation violation : violations) {
            if (violation.messageIndex() < 0) {
                throw ApiError.badRequest(violation.code(), violation.message());
            }
        }
    }

    /** The first violation of each batch message, indexed by message: one pass, however many findings. */
    static Violation[] firstViolationPerMessage(List<Violation> violations, int messages) {
        Violation[] first = new Violation[messages];
        for (Violation violation : violations) {
            int index = violation.messageIndex();
            if (index >= 0 && index < messages && first[index] == null) {
                first[index] = violation;
            }
        }
        return first;
    }

    /** The test number that fails a whole request with 500, as a batch holding it does. */
    static void failOnServerErrorNumber(String msisdn) {
        if (TestNumbers.is(msisdn, TestNumbers.SERVER_ERROR)) {
            throw new ApiError(500, 2000, "Internal error (test number " + TestNumbers.SERVER_ERROR + ")");
        }
    }
}
