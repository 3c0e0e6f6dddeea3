package io.connect8x8;

import io.connect8x8.internal.RequestKind;
import io.connect8x8.internal.SendPipeline;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sends of one messaging API of a {@link Connect8x8Client}: single ({@code POST
 * /api/v1/subaccounts/{subAccountId}/messages}) and batch ({@code .../messages/batch}), blocking and not, their
 * previews and their validation, all through the client's one send pipeline. Thread-safe.
 *
 * <p>A blocking send throws a {@link ValidationException} before any network I/O, an {@link ApiErrorException} typed
 * by status, a {@link TransportException} when the connection failed or timed out, an
 * {@link UnexpectedResponseException} for an unusable response, or a {@link ClientClosedException}. An async send
 * (OkHttp's {@code enqueue}, the client's scheduler for retry waits) follows the same rules and never throws for a
 * failed send: refused input, a closed client, a full {@link Connect8x8Client.Builder#maxAsyncInFlight(int)}
 * ({@link InFlightLimitException}) and every failure complete its future exceptionally with the typed exception,
 * unwrapped; {@code cancel(true)} cancels the call in flight and any pending retry. A null argument throws
 * {@link NullPointerException}. {@link RequestOptions} override the client's deadline, retry policy and sub-account.
 *
 * @param <M> the message type
 * @param <R> the result of one message
 * @param <B> the batch type
 */
public abstract class MessageOperations<M extends OutboundMessage, R, B extends MessageBatch<M>> {

    private final SendPipeline pipeline;
    private final RequestKind<M, ?, R> single;
    private final RequestKind<B, ?, BatchResult<R>> batch;

    /**
     * Binds the operations to a client's send path; only the facade makes them.
     *
     * @param pipeline the client's send pipeline
     * @param single the single send
     * @param batch the batch send
     */
    protected MessageOperations(SendPipeline pipeline, RequestKind<M, ?, R> single, RequestKind<B, ?, BatchResult<R>> batch) {
        this.pipeline = pipeline;
        this.single = single;
        this.batch = batch;
    }

    /**
     * Sends one message.
     *
     * @param message the message
     * @return the API's answer
     */
    public R send(M message) {
        return send(message, RequestOptions.DEFAULT);
    }

    /**
     * Sends one message with per-call options.
     *
     * @param message the message
     * @param options the call's overrides
     * @return the API's answer
     */
    public R send(M message, RequestOptions options) {
        return pipeline.send(single, message, options);
    }

    /**
     * Sends a batch.
     *
     * @param batch the batch
     * @return the API's answer
     */
    public BatchResult<R> sendBatch(B batch) {
        return sendBatch(batch, RequestOptions.DEFAULT);
    }

    /**
     * Sends a batch with per-call options.
     *
     * @param batch the batch
     * @param options the call's overrides
     * @return the API's answer
     */
    public BatchResult<R> sendBatch(B batch, RequestOptions options) {
        return pipeline.send(this.batch, batch, options);
    }

    /**
     * Sends one message without blocking a thread.
     *
     * @param message the message
     * @return the API's answer, or the typed failure
     */
    public CompletableFuture<R> sendAsync(M message) {
        return sendAsync(message, RequestOptions.DEFAULT);
    }

    /**
     * Sends one message without blocking a thread, with per-call options.
     *
     * @param message the message
     * @param options the call's overrides
     * @return the API's answer, or the typed failure
     */
    public CompletableFuture<R> sendAsync(M message, RequestOptions options) {
        return pipeline.sendAsync(single, message, options);
    }

    /**
     * Sends a batch without blocking a thread.
     *
     * @param batch the batch
     * @return the API's answer, or the typed failure
     */
    public CompletableFuture<BatchResult<R>> sendBatchAsync(B batch) {
        return sendBatchAsync(batch, RequestOptions.DEFAULT);
    }

    /**
     * Sends a batch without blocking a thread, with per-call options.
     *
     * @param batch the batch
     * @param options the call's overrides
     * @return the API's answer, or the typed failure
     */
    public CompletableFuture<BatchResult<R>> sendBatchAsync(B batch, RequestOptions options) {
        return pipeline.sendAsync(this.batch, batch, options);
    }

    /**
     * The exact request {@link #send(OutboundMessage)} would make, without sending it; a generated
     * {@code clientMessageId} is one fresh value, and the send generates its own.
     *
     * @param message the message
     * @return the request, the key redacted
     * @throws ValidationException as a send would
     */
    public RequestPreview preview(M message) {
        return pipeline.preview(single, message);
    }

    /**
     * The exact request {@link #sendBatch(MessageBatch)} would make, without sending it.
     *
     * @param batch the batch
     * @return the request, the key redacted
     * @throws ValidationException as a send would
     */
    public RequestPreview preview(B batch) {
        return pipeline.preview(this.batch, batch);
    }

    /**
     * Every reason a send would refuse this message before any network I/O (required fields, the clock, the
     * sub-account, the values the API's document allows), so that campaigns and the CLI refuse one bad message alone.
     *
     * @param message the message
     * @param options the call's options (the sub-account is checked)
     * @return the violations, each naming its field; empty when a send would go out
     */
    public List<ValidationException> validate(M message, RequestOptions options) {
        return pipeline.validate(single, message, options);
    }

    /**
     * Every reason a send of this batch would be refused before any network I/O, a message's named
     * {@code messages[i].field}; see {@link #validate(OutboundMessage, RequestOptions)}.
     *
     * @param batch the batch
     * @param options the call's options
     * @return the violations; empty when a send would go out
     */
    public List<ValidationException> validate(B batch, RequestOptions options) {
        return pipeline.validate(this.batch, batch, options);
    }
}
