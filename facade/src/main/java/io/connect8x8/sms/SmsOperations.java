package io.connect8x8.sms;

import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Access;

/**
 * The SMS API of a {@link io.connect8x8.Connect8x8Client}: single and batch sends, and previews of both, all through
 * the client's one send pipeline. Thread-safe; obtained from {@code client.sms()}.
 */
public final class SmsOperations {

    static {
        Access.sms(SmsOperations::new);
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
}
