package io.connect8x8.internal;

import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One kind of request through the {@link SendPipeline} (single or batch, SMS or chat apps): what the pipeline needs
 * to know of the input to prepare it, how it maps to the generated model, how the generated API builds the HTTP
 * request, and how the answer is read. Implementations hold no state beyond the generated API they call.
 *
 * @param <I> the facade's input type
 * @param <M> the generated request model
 * @param <R> the facade's result type
 */
public interface RequestKind<I, M, R> {

    /**
     * The messages of the input, in wire order, as the prepare step needs them.
     *
     * @param input the input
     * @return one entry a message (one for a single send)
     */
    List<MessageFacts> messages(I input);

    /**
     * The batch's own facts.
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
     * The generated API's unexecuted call for the model.
     *
     * @param subAccountId the call's sub-account
     * @param model the model
     * @return the call, whose request the pipeline executes
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

        /**
         * The id of the only message of a single send.
         *
         * @return the id, or null
         */
        public String single() {
            return messageIds.get(0);
        }
    }
}
