package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.BatchResult;
import io.connect8x8.OutboundMessage;
import io.connect8x8.RawJson;
import io.connect8x8.ValidationException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of request through the {@link SendPipeline} (single or batch, SMS or chat apps), made of its parts:
 * what the pipeline needs of the input to prepare it, its generated model and HTTP call, and the reading of the
 * answer. {@link SmsKinds} and {@link ChatKinds} give only what differs between the APIs; a kind holds no state
 * beyond the generated API it calls.
 *
 * <p>A class, not a record: {@code MessageOperations}' protected constructor names it, and the javadoc tool (17)
 * fails on a record of a package it does not document.
 *
 * @param <I> the facade's input type
 * @param <M> the generated request model
 * @param <R> the facade's result type
 */
public final class RequestKind<I, M, R> {

    /** What the prepare step needs of each message. */
    final Function<I, List<MessageFacts>> messages;
    /** What it needs of a batch; null for a kind of single send. */
    final Function<I, BatchFacts> batch;
    /** The generated model of an input, with the ids fixed for it. */
    final BiFunction<I, Ids, M> model;
    /** The generated API's unexecuted call for a model. */
    final Call<M> call;
    /** Reads a 2xx answer, which the result owns from then on. */
    final Function<JsonObject, R> read;
    /** What a result tells the listener. */
    final Function<R, ResultFacts> resultFacts;
    /** What is sent, for logs: phone numbers masked, no message text. */
    final Function<I, String> describe;

    RequestKind(Function<I, List<MessageFacts>> messages, Function<I, BatchFacts> batch, BiFunction<I, Ids, M> model,
                Call<M> call, Function<JsonObject, R> read, Function<R, ResultFacts> resultFacts,
                Function<I, String> describe) {
        this.messages = messages;
        this.batch = batch;
        this.model = model;
        this.call = call;
        this.read = read;
        this.resultFacts = resultFacts;
        this.describe = describe;
    }

    /**
     * Reads a 2xx answer (the benchmarks' way in).
     *
     * @param json the answer's body, which the result owns from then on
     * @return the result
     */
    public R read(JsonObject json) {
        return read.apply(json);
    }

    BatchFacts batchFacts(I input) {
        return batch == null ? null : batch.apply(input);
    }

    static MessageFacts facts(OutboundMessage message, int maxIdLength) {
        return new MessageFacts(message.scheduled().orElse(null), message.expiry().orElse(null),
                message.clientMessageId().orElse(null), maxIdLength);
    }

    static List<MessageFacts> facts(List<? extends OutboundMessage> messages, int maxIdLength) {
        List<MessageFacts> facts = new ArrayList<>(messages.size());
        messages.forEach(message -> facts.add(facts(message, maxIdLength)));
        return facts;
    }

    /** Maps each item of a list, given its index; a refusal names the item ({@code field[i].…}). */
    static <E, T> List<T> each(String field, List<E> items, BiFunction<E, Integer, T> map) {
        List<T> mapped = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                mapped.add(map.apply(items.get(i), i));
            } catch (ValidationException e) {
                throw e.within(field + "[" + i + "]");
            }
        }
        return mapped;
    }

    /**
     * A batch answer: the id without which it is useless, the counts (absent or null is 0, anything but an integer
     * fails), each item that is an object (a {@code messages} that is not an array is skipped), the raw JSON.
     */
    static <T, B> B batchResult(JsonObject json, Function<JsonObject, T> item, BatchResultFactory<T, B> factory) {
        String batchId = ResponseReader.require(json, "batchId");
        List<T> items = new ArrayList<>();
        JsonElement list = json.get("messages");
        if (list != null && list.isJsonArray()) {
            for (JsonElement e : list.getAsJsonArray()) {
                if (e.isJsonObject()) {
                    items.add(item.apply(e.getAsJsonObject()));
                }
            }
        }
        return factory.make(batchId, ResponseReader.string(json, "clientBatchId"),
                ResponseReader.count(json, "acceptedCount"), ResponseReader.count(json, "rejectedCount"), items,
                Access.raw(json));
    }

    static ResultFacts batchFacts(BatchResult<?> result) {
        return new ResultFacts(null, result.batchId(), result.acceptedCount(), result.rejectedCount());
    }

    /** The generated API's unexecuted call for a model, which throws the generated client's checked exception. */
    interface Call<M> {
        okhttp3.Call call(String subAccountId, M model) throws Exception;
    }

    /** The constructor of a facade batch result. */
    interface BatchResultFactory<R, B> {
        B make(String batchId, String clientBatchId, int accepted, int rejected, List<R> messages, RawJson raw);
    }

    /** What the prepare step needs of one message; a null id is generated, at most {@code maxIdLength} long. */
    record MessageFacts(OffsetDateTime scheduled, OffsetDateTime expiry, String clientMessageId, int maxIdLength) {
    }

    /** What the prepare step needs of a batch; the template's times are null without a template. */
    record BatchFacts(String clientBatchId, int maxIdLength, OffsetDateTime templateScheduled,
                      OffsetDateTime templateExpiry) {
    }

    /**
     * The ids fixed before the first attempt and reused by every retry: null entries when generation is off and
     * none was given.
     */
    record Ids(String batchId, List<String> messageIds) {

        String single() {
            return messageIds.get(0);
        }
    }

    /**
     * What a result tells a {@link io.connect8x8.CallListener}: ids and counts, no content.
     *
     * @param messageId a single send's umid, or null
     * @param batchId a batch's id, or null
     * @param accepted the messages accepted
     * @param rejected the messages refused within an accepted batch
     */
    public record ResultFacts(String messageId, String batchId, int accepted, int rejected) {

        /** No facts: for failures. */
        public static final ResultFacts NONE = new ResultFacts(null, null, 0, 0);

        /** The facts of a single send. */
        static ResultFacts single(String umid, boolean accepted) {
            return new ResultFacts(umid, null, accepted ? 1 : 0, accepted ? 0 : 1);
        }
    }
}
