package io.connect8x8.chatapps;

import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.internal.ChatMapper;
import io.connect8x8.internal.ClientContext;
import io.connect8x8.internal.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Request;

/**
 * The Messaging Apps API of a {@link io.connect8x8.Connect8x8Client} (WhatsApp and the other chat apps): single and
 * batch sends, and previews of both. Thread-safe; obtained from {@code client.chatApps()}.
 */
public final class ChatAppsOperations {

    private final MessagingApi api;
    private final ClientContext context;

    /**
     * Used by the client; not for direct use.
     *
     * @param api the generated API, configured
     * @param context the shared call context
     */
    public ChatAppsOperations(MessagingApi api, ClientContext context) {
        this.api = api;
        this.context = context;
    }

    /**
     * Sends one message ({@code POST /api/v1/subaccounts/{subAccountId}/messages}).
     *
     * @param message the message
     * @return the API's answer
     * @throws ValidationException before any network I/O, naming the field at fault
     * @throws io.connect8x8.ApiErrorException the API's error, typed by status
     * @throws io.connect8x8.TransportException the connection failed or timed out
     * @throws io.connect8x8.UnexpectedResponseException the response was unusable
     */
    public ChatResult send(ChatMessage message) {
        return send(message, RequestOptions.DEFAULT);
    }

    /**
     * Sends one message with per-call options.
     *
     * @param message the message
     * @param options overrides of the client's deadline, retry policy and sub-account
     * @return the API's answer
     */
    public ChatResult send(ChatMessage message, RequestOptions options) {
        Request request = singleRequest(message, options);
        return context.call(request, options, message.content().kind().wireName() + " to "
                + Redaction.maskPhone(message.to()), ChatMapper::toResult);
    }

    /**
     * Sends a batch ({@code POST .../messages/batch}).
     *
     * @param batch the batch, at most 1,000 messages
     * @return the API's answer
     */
    public ChatBatchResult sendBatch(ChatBatch batch) {
        return sendBatch(batch, RequestOptions.DEFAULT);
    }

    /**
     * Sends a batch with per-call options.
     *
     * @param batch the batch
     * @param options the call's overrides
     * @return the API's answer
     */
    public ChatBatchResult sendBatch(ChatBatch batch, RequestOptions options) {
        Request request = batchRequest(batch, options);
        return context.call(request, options, "chat batch of " + batch.messages().size(),
                ChatMapper::toBatchResult);
    }

    /**
     * One-call WhatsApp authentication template: the code in the body and in the URL button at index 0.
     *
     * @param to the recipient, E.164
     * @param templateName the approved template's name
     * @param language its language, such as {@code en_US}
     * @param code the one-time code, at most 15 characters
     * @return the API's answer
     */
    public ChatResult sendOtp(String to, String templateName, String language, String code) {
        return send(ChatMessage.builder().to(to).template(Template.authentication(templateName, language, code))
                .build());
    }

    /**
     * The exact request {@link #send(ChatMessage)} would make, without sending it.
     *
     * @param message the message
     * @return the request, the key redacted
     */
    public RequestPreview preview(ChatMessage message) {
        return ClientContext.preview(singleRequest(message, RequestOptions.DEFAULT));
    }

    /**
     * The exact request {@link #sendBatch(ChatBatch)} would make, without sending it.
     *
     * @param batch the batch
     * @return the request, the key redacted
     */
    public RequestPreview preview(ChatBatch batch) {
        return ClientContext.preview(batchRequest(batch, RequestOptions.DEFAULT));
    }

    private void checkTimes(ChatMessage message) {
        context.checkTimes(message.scheduled().orElse(null), message.expiry().orElse(null));
    }

    private Request singleRequest(ChatMessage message, RequestOptions options) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(options, "options");
        checkTimes(message);
        String subAccount = context.subAccount(options);
        String id = context.clientId(message.clientMessageId().orElse(null), ChatMessage.MAX_CLIENT_MESSAGE_ID);
        return ClientContext.requestOf(() -> api.sendMessageCall(subAccount, ChatMapper.toRequest(message, id), null));
    }

    private Request batchRequest(ChatBatch batch, RequestOptions options) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(options, "options");
        List<String> ids = new ArrayList<>(batch.messages().size());
        for (int i = 0; i < batch.messages().size(); i++) {
            ChatMessage message = batch.messages().get(i);
            try {
                checkTimes(message);
            } catch (ValidationException e) {
                throw e.within("messages[" + i + "]");
            }
            ids.add(context.clientId(message.clientMessageId().orElse(null), ChatMessage.MAX_CLIENT_MESSAGE_ID));
        }
        String subAccount = context.subAccount(options);
        String batchId = context.clientId(batch.clientBatchId().orElse(null), ChatBatch.MAX_CLIENT_BATCH_ID);
        return ClientContext.requestOf(
                () -> api.sendMessageManyCall(subAccount, ChatMapper.toBatch(batch, batchId, ids), null));
    }
}
