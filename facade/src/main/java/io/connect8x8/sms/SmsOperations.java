package io.connect8x8.sms;

import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Access;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SMS API of a {@link io.connect8x8.Connect8x8Client}: single and batch sends, and previews of both, all through
 * the client's one send pipeline. Thread-safe; obtained from {@code client.sms()}.
 */
public final class SmsOperations {

    static {
        Access.register(SmsOperations.class, SmsOperations::new);
    }

    private final Access.SmsWiring wiring;

    private SmsOperations(Access.SmsWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Sends one SMS ({@code POST /api/v1/subaccounts/{subAccountId}/messages}).
     *
     * @param sms the message; {@code to} and {@code text} are required
     * @return the API's answer
     * @throws ValidationException before any network I/O, naming the field at fault
     * @throws io.connect8x8.ApiErrorException the API's error, typed by status
     * @throws io.connect8x8.TransportException the connection failed or timed out
     * @throws io.connect8x8.UnexpectedResponseException the response was unusable
     * @throws io.connect8x8.ClientClosedException the client was closed
     */
    public SmsResult send(Sms sms) {
        return send(sms, RequestOptions.DEFAULT);
    }

    /**
     * Sends one SMS with per-call options.
     *
     * @param sms the message
     * @param options overrides of the client's deadline, retry policy and sub-account
     * @return the API's answer
     * @throws io.connect8x8.Connect8x8Exception as {@link #send(Sms)}
     */
    public SmsResult send(Sms sms, RequestOptions options) {
        return wiring.pipeline().send(wiring.single(), sms, options);
    }

    /**
     * Sends a batch ({@code POST .../messages/batch}).
     *
     * @param batch the batch, at most 10,000 messages
     * @return the API's answer
     * @throws io.connect8x8.Connect8x8Exception as {@link #send(Sms)}
     */
    public SmsBatchResult sendBatch(SmsBatch batch) {
        return sendBatch(batch, RequestOptions.DEFAULT);
    }

    /**
     * Sends a batch with per-call options.
     *
     * @param batch the batch
     * @param options the call's overrides
     * @return the API's answer
     * @throws io.connect8x8.Connect8x8Exception as {@link #send(Sms)}
     */
    public SmsBatchResult sendBatch(SmsBatch batch, RequestOptions options) {
        return wiring.pipeline().send(wiring.batch(), batch, options);
    }

    /**
     * Sends one message without blocking a thread: OkHttp's {@code enqueue} for each attempt, the client's
     * scheduler for each retry wait, the same validation, retry rules, deadline and typed exceptions as
     * {@link #send(Sms, RequestOptions)}. This method never throws for a failed send: input refused before any
     * network I/O ({@link ValidationException}), a closed client, the bound of
     * {@link io.connect8x8.Connect8x8Client.Builder#maxAsyncInFlight(int)} being reached
     * ({@link io.connect8x8.InFlightLimitException}) and every failure of the call complete the future
     * exceptionally with that typed exception, so {@code exceptionally} and {@code handle} see it unwrapped.
     * {@code cancel(true)} on the future cancels the HTTP call in flight and any pending retry.
     *
     * @param sms the message
     * @param options the call's overrides
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when an argument is null
     */
    public CompletableFuture<SmsResult> sendAsync(Sms sms, RequestOptions options) {
        return wiring.pipeline().sendAsync(wiring.single(), sms, options);
    }

    /**
     * Sends one message without blocking, with the client's defaults: see
     * {@link #sendAsync(Sms, RequestOptions)}.
     *
     * @param sms the message
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when the message is null
     */
    public CompletableFuture<SmsResult> sendAsync(Sms sms) {
        return sendAsync(sms, RequestOptions.DEFAULT);
    }

    /**
     * Sends a batch without blocking, under the contract of {@link #sendAsync(Sms, RequestOptions)}.
     *
     * @param batch the batch
     * @param options the call's overrides
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when an argument is null
     */
    public CompletableFuture<SmsBatchResult> sendBatchAsync(SmsBatch batch, RequestOptions options) {
        return wiring.pipeline().sendAsync(wiring.batch(), batch, options);
    }

    /**
     * Sends a batch without blocking, with the client's defaults.
     *
     * @param batch the batch
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when the batch is null
     */
    public CompletableFuture<SmsBatchResult> sendBatchAsync(SmsBatch batch) {
        return sendBatchAsync(batch, RequestOptions.DEFAULT);
    }

    /**
     * The exact request {@link #send(Sms)} would make, without sending it. A generated {@code clientMessageId} is
     * shown as one fresh value; the real send generates its own.
     *
     * @param sms the message
     * @return the request, the key redacted
     * @throws ValidationException as a send would
     */
    public RequestPreview preview(Sms sms) {
        return wiring.pipeline().preview(wiring.single(), sms);
    }

    /**
     * The exact request {@link #sendBatch(SmsBatch)} would make, without sending it.
     *
     * @param batch the batch
     * @return the request, the key redacted
     * @throws ValidationException as a send would
     */
    public RequestPreview preview(SmsBatch batch) {
        return wiring.pipeline().preview(wiring.batch(), batch);
    }

    /**
     * Every reason a send of this message with these options would be refused before any network I/O, without
     * sending: the one validation step of the send pipeline (required fields, schedule and expiry against the
     * client's clock, the call's sub-account, the values the API's document allows). The builder's own field checks
     * ran when the message was built. Campaigns and the CLI use it to refuse one bad message alone.
     *
     * @param sms the message
     * @param options the call's options (the sub-account is checked)
     * @return the violations, each naming its field; empty when a send would go out
     * @throws NullPointerException when an argument is null
     */
    public List<ValidationException> validate(Sms sms, RequestOptions options) {
        return wiring.pipeline().validate(wiring.single(), sms, options);
    }

    /**
     * Every reason a send of this batch with these options would be refused before any network I/O, without
     * sending; a message's violations are named {@code messages[i].field}. See
     * {@link #validate(Sms, RequestOptions)}.
     *
     * @param batch the batch
     * @param options the call's options
     * @return the violations; empty when a send would go out
     * @throws NullPointerException when an argument is null
     */
    public List<ValidationException> validate(SmsBatch batch, RequestOptions options) {
        return wiring.pipeline().validate(wiring.batch(), batch, options);
    }
}
