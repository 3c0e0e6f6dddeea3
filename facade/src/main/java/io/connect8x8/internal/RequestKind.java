package io.connect8x8.internal;

import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One kind of request through the {@link SendPipeline} (single or batch, SMS or chat apps): what the pipeline needs
 * of the input to prepare it, its generated model and HTTP call, and the reading of the answer. Implementations
 * ({@link SmsKinds}, {@link ChatKinds}) hold no state beyond the generated API they call.
 *
 * @param <I> the facade's input type
 * @param <M> the generated request model
 * @param <R> the facade's result type
 */
public interface RequestKind<I, M, R> {

    /**
     * What the prepare step needs of the input's messages.
     *
     * @param input the input
     * @return one entry a message, in wire order
     */
    List<MessageFacts> messages(I input);

    /**
     * What the prepare step needs of a batch.
     *
     * @param input the input
     * @return the batch facts, or null for a single send
     */
    BatchFacts batch(I input);

    /**
     * Maps the prepared input to the generated request model.
     *
     * @param input the input
     * @param ids the ids the prepare step fixed
     * @return the model
     */
    M toModel(I input, Ids ids);

    /**
     * The generated API's unexecuted call for the model, whose request the pipeline executes.
     *
     * @param subAccountId the call's sub-account
     * @param model the model
     * @return the call
     * @throws Exception the generated API's checked exception
     */
    okhttp3.Call call(String subAccountId, M model) throws Exception;

    /**
     * Reads a 2xx answer.
     *
     * @param json the parsed body, owned by the result from now on
     * @return the result
     */
    R read(JsonObject json);

    /**
     * What a result tells a {@link io.connect8x8.CallListener}: ids and counts, no content.
     *
     * @param result the result {@link #read} returned
     * @return the facts
     */
    ResultFacts resultFacts(R result);

    /**
     * What is sent, for logs: phone numbers masked, no message text.
     *
     * @param input the input
     * @return a short description
     */
    String describe(I input);

    /**
     * What the prepare step needs of one message.
     *
     * @param scheduled when it is scheduled, or null
     * @param expiry when it expires, or null
     * @param clientMessageId the caller's id, or null to generate one
     * @param maxIdLength the longest id the API takes
     */
    record MessageFacts(OffsetDateTime scheduled, OffsetDateTime expiry, String clientMessageId, int maxIdLength) {
    }

    /**
     * What the prepare step needs of a batch.
     *
     * @param clientBatchId the caller's id, or null to generate one
     * @param maxIdLength the longest batch id the API takes
     * @param templateScheduled the shared template's schedule, or null
     * @param templateExpiry the shared template's expiry, or null
     */
    record BatchFacts(String clientBatchId, int maxIdLength, OffsetDateTime templateScheduled,
                      OffsetDateTime templateExpiry) {
    }

    /**
     * The ids fixed before the first attempt and reused by every retry.
     *
     * @param batchId the batch's id, or null
     * @param messageIds each message's id (null entries when generation is off and none was given)
     */
    record Ids(String batchId, List<String> messageIds) {

        /** {@return the id of the only message of a single send, or null} */
        public String single() {
            return messageIds.get(0);
        }
    }

    /**
     * What a result tells a {@link io.connect8x8.CallListener}.
     *
     * @param messageId a single send's umid, or null
     * @param batchId a batch's id, or null
     * @param accepted the messages accepted
     * @param rejected the messages refused within an accepted batch
     */
    record ResultFacts(String messageId, String batchId, int accepted, int rejected) {

        /** No facts: for failures. */
        public static final ResultFacts NONE = new ResultFacts(null, null, 0, 0);

        /**
         * The facts of a single send.
         *
         * @param umid the message's id
         * @param accepted whether the API accepted it
         * @return the facts
         */
        public static ResultFacts single(String umid, boolean accepted) {
            return new ResultFacts(umid, null, accepted ? 1 : 0, accepted ? 0 : 1);
        }
    }
}
