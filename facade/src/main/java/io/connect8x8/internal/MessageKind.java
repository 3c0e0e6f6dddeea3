package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.BatchResult;
import io.connect8x8.OutboundMessage;
import io.connect8x8.RawJson;
import io.connect8x8.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link RequestKind} made of its parts, so that {@link SmsKinds} and {@link ChatKinds} give only what differs
 * between the APIs: the messages' facts, the mapping to the generated model, the generated call and the reading of
 * one answer.
 */
record MessageKind<I, M, R>(Function<I, List<MessageFacts>> facts, Function<I, BatchFacts> batchFacts,
                            BiFunction<I, Ids, M> model, Call<M> http, Function<JsonObject, R> reader,
                            Function<R, ResultFacts> resultFacts, Function<I, String> description)
        implements RequestKind<I, M, R> {

    /** The generated API's call for a model, which throws the generated client's checked exception. */
    interface Call<M> {
        okhttp3.Call call(String subAccountId, M model) throws Exception;
    }

    /** The constructor of a facade batch result. */
    interface BatchResultFactory<R, B> {
        B make(String batchId, String clientBatchId, int accepted, int rejected, List<R> messages, RawJson raw);
    }

    @Override
    public List<MessageFacts> messages(I input) {
        return facts.apply(input);
    }

    @Override
    public BatchFacts batch(I input) {
        return batchFacts.apply(input);
    }

    @Override
    public M toModel(I input, Ids ids) {
        return model.apply(input, ids);
    }

    @Override
    public okhttp3.Call call(String subAccountId, M model) throws Exception {
        return http.call(subAccountId, model);
    }

    @Override
    public R read(JsonObject json) {
        return reader.apply(json);
    }

    @Override
    public ResultFacts resultFacts(R result) {
        return resultFacts.apply(result);
    }

    @Override
    public String describe(I input) {
        return description.apply(input);
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

    /** Maps each message of a batch with its fixed id; a refusal names the message ({@code messages[i].field}). */
    static <E, T> List<T> each(List<E> messages, Ids ids, BiFunction<E, String, T> map) {
        List<T> mapped = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            try {
                mapped.add(map.apply(messages.get(i), ids.messageIds().get(i)));
            } catch (ValidationException e) {
                throw e.within("messages[" + i + "]");
            }
        }
        return mapped;
    }

    static <T, B> B batchResult(JsonObject json, Function<JsonObject, T> item, BatchResultFactory<T, B> factory) {
        var parts = ResponseReader.batch(json, item);
        return factory.make(parts.batchId(), parts.clientBatchId(), parts.acceptedCount(), parts.rejectedCount(),
                parts.messages(), parts.raw());
    }

    static ResultFacts batchFacts(BatchResult<?> result) {
        return new ResultFacts(null, result.batchId(), result.acceptedCount(), result.rejectedCount());
    }
}
