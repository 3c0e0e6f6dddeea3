package io.connect8x8.chatapps;

import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Access;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Messaging Apps API of a {@link io.connect8x8.Connect8x8Client} (WhatsApp and the other chat apps): single and
 * batch sends, and previews of both, all through the client's one send pipeline. Thread-safe; obtained from {@code client.chatApps()}.
 */
public final class ChatAppsOperations {

    static {
        Access.register(ChatAppsOperations.class, ChatAppsOperations::new);
    }

    private final Access.ChatWiring wiring;

    private ChatAppsOperations(Access.ChatWiring wiring) {
        this.wiring = wiring;
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
        return wiring.pipeline().send(wiring.single(), message, options);
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
        return wiring.pipeline().send(wiring.batch(), batch, options);
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
     * Sends one message without blocking a thread: OkHttp's {@code enqueue} for each attempt, the client's
     * scheduler for each retry wait, the same validation, retry rules, deadline and typed exceptions as
     * {@link #send(ChatMessage, RequestOptions)}. This method never throws for a failed send: input refused before any
     * network I/O ({@link ValidationException}), a closed client, the bound of
     * {@link io.connect8x8.Connect8x8Client.Builder#maxAsyncInFlight(int)} being reached
     * ({@link io.connect8x8.InFlightLimitException}) and every failure of the call complete the future
     * exceptionally with that typed exception, so {@code exceptionally} and {@code handle} see it unwrapped.
     * {@code cancel(true)} on the future cancels the HTTP call in flight and any pending retry.
     *
     * @param message the message
     * @param options the call's overrides
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when an argument is null
     */
    public CompletableFuture<ChatResult> sendAsync(ChatMessage message, RequestOptions options) {
        return wiring.pipeline().sendAsync(wiring.single(), message, options);
    }

    /**
     * Sends one message without blocking, with the client's defaults: see
     * {@link #sendAsync(ChatMessage, RequestOptions)}.
     *
     * @param message the message
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when the message is null
     */
    public CompletableFuture<ChatResult> sendAsync(ChatMessage message) {
        return sendAsync(message, RequestOptions.DEFAULT);
    }

    /**
     * Sends a batch without blocking, under the contract of {@link #sendAsync(ChatMessage, RequestOptions)}.
     *
     * @param batch the batch
     * @param options the call's overrides
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when an argument is null
     */
    public CompletableFuture<ChatBatchResult> sendBatchAsync(ChatBatch batch, RequestOptions options) {
        return wiring.pipeline().sendAsync(wiring.batch(), batch, options);
    }

    /**
     * Sends a batch without blocking, with the client's defaults.
     *
     * @param batch the batch
     * @return the API's answer, or the typed failure
     * @throws NullPointerException when the batch is null
     */
    public CompletableFuture<ChatBatchResult> sendBatchAsync(ChatBatch batch) {
        return sendBatchAsync(batch, RequestOptions.DEFAULT);
    }

    /**
     * The exact request {@link #send(ChatMessage)} would make, without sending it.
     *
     * @param message the message
     * @return the request, the key redacted
     */
    public RequestPreview preview(ChatMessage message) {
        return wiring.pipeline().preview(wiring.single(), message);
    }

    /**
     * The exact request {@link #sendBatch(ChatBatch)} would make, without sending it.
     *
     * @param batch the batch
     * @return the request, the key redacted
     */
    public RequestPreview preview(ChatBatch batch) {
        return wiring.pipeline().preview(wiring.batch(), batch);
    }

    /**
     * Every reason a send of this message with these options would be refused before any network I/O, without
     * sending: the one validation step of the send pipeline (required fields, schedule and expiry against the
     * client's clock, the call's sub-account, the values the API's document allows). The builder's own field checks
     * ran when the message was built. Campaigns and the CLI use it to refuse one bad message alone.
     *
     * @param message the message
     * @param options the call's options (the sub-account is checked)
     * @return the violations, each naming its field; empty when a send would go out
     * @throws NullPointerException when an argument is null
     */
    public List<ValidationException> validate(ChatMessage message, RequestOptions options) {
        return wiring.pipeline().validate(wiring.single(), message, options);
    }

    /**
     * Every reason a send of this batch with these options would be refused before any network I/O, without
     * sending; a message's violations are named {@code messages[i].field}. See
     * {@link #validate(ChatMessage, RequestOptions)}.
     *
     * @param batch the batch
     * @param options the call's options
     * @return the violations; empty when a send would go out
     * @throws NullPointerException when an argument is null
     */
    public List<ValidationException> validate(ChatBatch batch, RequestOptions options) {
        return wiring.pipeline().validate(wiring.batch(), batch, options);
    }
}
