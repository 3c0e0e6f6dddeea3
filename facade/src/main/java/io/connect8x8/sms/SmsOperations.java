package io.connect8x8.sms;

import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.generated.sms.api.SmsApi;
import io.connect8x8.internal.ClientContext;
import io.connect8x8.internal.Redaction;
import io.connect8x8.internal.SmsMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Request;

/**
 * The SMS API of a {@link io.connect8x8.Connect8x8Client}: single and batch sends, and previews of both.
 * Thread-safe; obtained from {@code client.sms()}.
 */
public final class SmsOperations {

    private final SmsApi api;
    private final ClientContext context;

    /**
     * Used by the client; not for direct use.
     *
     * @param api the generated API, configured
     * @param context the shared call context
     */
    public SmsOperations(SmsApi api, ClientContext context) {
        this.api = api;
        this.context = context;
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
     */
    public SmsResult send(Sms sms, RequestOptions options) {
        Request request = singleRequest(sms, options);
        return context.call(request, options, "sms to " + Redaction.maskPhone(sms.to().orElse(null)),
                SmsMapper::toResult);
    }

    /**
     * Sends a batch ({@code POST .../messages/batch}).
     *
     * @param batch the batch, at most 10,000 messages
     * @return the API's answer
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
     */
    public SmsBatchResult sendBatch(SmsBatch batch, RequestOptions options) {
        Request request = batchRequest(batch, options);
        return context.call(request, options, "sms batch of " + batch.size(), SmsMapper::toBatchResult);
    }

    /**
     * The exact request {@link #send(Sms)} would make, without sending it. A generated {@code clientMessageId} is
     * shown as one fresh value; the real send generates its own.
     *
     * @param sms the message
     * @return the request, the key redacted
     */
    public RequestPreview preview(Sms sms) {
        return ClientContext.preview(singleRequest(sms, RequestOptions.DEFAULT));
    }

    /**
     * The exact request {@link #sendBatch(SmsBatch)} would make, without sending it.
     *
     * @param batch the batch
     * @return the request, the key redacted
     */
    public RequestPreview preview(SmsBatch batch) {
        return ClientContext.preview(batchRequest(batch, RequestOptions.DEFAULT));
    }

    private Request singleRequest(Sms sms, RequestOptions options) {
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(options, "options");
        if (sms.to().isEmpty()) {
            throw new ValidationException("destination", "is required");
        }
        if (sms.text().isEmpty()) {
            throw new ValidationException("text", "is required");
        }
        context.checkTimes(sms.scheduled().orElse(null), sms.expiry().orElse(null));
        String subAccount = context.subAccount(options);
        String clientMessageId = context.clientId(sms.clientMessageId().orElse(null), Sms.MAX_CLIENT_MESSAGE_ID);
        return ClientContext.requestOf(
                () -> api.sendSmsSingleCall(subAccount, SmsMapper.toRequest(sms, clientMessageId), null));
    }

    private Request batchRequest(SmsBatch batch, RequestOptions options) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(options, "options");
        batch.template().ifPresent(t -> {
            try {
                context.checkTimes(t.scheduled().orElse(null), t.expiry().orElse(null));
            } catch (ValidationException e) {
                throw e.within("template");
            }
        });
        List<String> ids = new ArrayList<>(batch.messages().size());
        for (int i = 0; i < batch.messages().size(); i++) {
            Sms sms = batch.messages().get(i);
            try {
                context.checkTimes(sms.scheduled().orElse(null), sms.expiry().orElse(null));
            } catch (ValidationException e) {
                throw e.within("messages[" + i + "]");
            }
            ids.add(context.clientId(sms.clientMessageId().orElse(null), Sms.MAX_CLIENT_MESSAGE_ID));
        }
        String subAccount = context.subAccount(options);
        String batchId = context.clientId(batch.clientBatchId().orElse(null), SmsBatch.MAX_CLIENT_BATCH_ID);
        return ClientContext.requestOf(
                () -> api.sendManySmsCall(subAccount, SmsMapper.toBatch(batch, batchId, ids), null));
    }
}
