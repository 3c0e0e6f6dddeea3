package io.connect8x8.campaigns.internal;

import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import java.util.List;

/**
 * What the engine needs to know about one API's messages: limits, ids, size and the batch call itself.
 *
 * @param <M> the message type
 */
public interface MessageKind<M> {

    /**
     * Returns the most messages one batch request takes.
     *
     * @return the most messages one batch request takes
     */
    int maxMessages();

    /**
     * Returns the longest clientBatchId the API takes.
     *
     * @return the longest clientBatchId the API takes
     */
    int maxClientBatchId();

    /**
     * Returns the longest clientMessageId the API takes.
     *
     * @return the longest clientMessageId the API takes
     */
    int maxClientMessageId();

    /**
     * Reads the id a message already carries: an id set by the caller is kept, so the caller can reconcile by it.
     *
     * @param message a message
     * @return its clientMessageId, or null when the caller left it to the campaign
     */
    String clientMessageId(M message);

    /**
     * Sets the id of a message that has none. The engine derives it from the campaign and the message's position, so a
     * re-run sends the message with the same id, and an ambiguous one can be reconciled from the receipts.
     *
     * @param message a message
     * @param clientMessageId the id to fix on it
     * @return the message with that id
     */
    M withClientMessageId(M message, String clientMessageId);

    /**
     * Finds why the API would refuse a message, before it joins a chunk: the client's one validation step (required
     * fields, the clock, the sub-account, the document's values), as the batch send would run it.
     *
     * @param message a message
     * @param options the options the chunks are sent with (their sub-account)
     * @return the violations, each naming its field; empty when the message may be sent
     */
    List<ValidationException> validate(M message, RequestOptions options);

    /**
     * Returns whether the message carries a time (a schedule or an expiry), whose validity depends on the clock:
     * such a message is checked against the clock when its chunk is sent, not when the input is cut, so that the cut
     * (and each chunk's fingerprint) depends only on the input, whenever the campaign runs or resumes.
     *
     * @param message a message
     * @return whether it has a schedule or an expiry
     */
    boolean timed(M message);

    /**
     * A deterministic upper estimate of the message's bytes in a batch request body.
     *
     * @param message a message
     * @return the estimate
     */
    int estimatedBytes(M message);

    /**
     * What identifies the message's content in a chunk's fingerprint; stable across JVMs.
     *
     * @param message a message
     * @return the identifying text
     */
    String identity(M message);

    /**
     * Sends one chunk through the client's batch call, asking for each message's answer
     * ({@code includeMessagesInResponse}), the only place 8x8 says which messages of an accepted batch it rejected.
     *
     * @param messages the chunk, every clientMessageId fixed
     * @param clientBatchId the chunk's batch id
     * @param options the call's options
     * @return the API's counts and the messages it rejected
     */
    BatchAnswer send(List<M> messages, String clientBatchId, RequestOptions options);

    /**
     * The request {@link #send} would make for this chunk, built by the same code, without sending it.
     *
     * @param messages the chunk, every clientMessageId fixed
     * @param clientBatchId the chunk's batch id
     * @return the request, the key redacted
     */
    RequestPreview preview(List<M> messages, String clientBatchId);

    /**
     * Returns the message's recipient, to name a rejected message whose answer did not echo it.
     *
     * @param message a message
     * @return its number as given, or null
     */
    String recipient(M message);

    /**
     * The API's answer to a batch.
     *
     * @param batchId 8x8's id
     * @param accepted messages accepted
     * @param rejected messages rejected
     * @param rejections the answer's items that say rejected, in its order; empty when it listed none
     */
    record BatchAnswer(String batchId, int accepted, int rejected, List<RejectedItem> rejections) {
    }

    /**
     * One item of a batch answer that says rejected.
     *
     * @param index its place in the answer's list of messages
     * @param clientMessageId the id the answer echoed, or null
     * @param recipient the number the answer echoed, already masked, or null
     * @param errorCode 8x8's code, or null
     * @param reason 8x8's description, or null
     */
    record RejectedItem(int index, String clientMessageId, String recipient, Integer errorCode, String reason) {
    }
}
