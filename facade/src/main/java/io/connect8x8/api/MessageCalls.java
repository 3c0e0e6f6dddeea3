package io.connect8x8.api;

import java.util.Objects;

/**
 * A message's status, the cancellation of a scheduled message or batch, and the webhook configuration of one API
 * (SMS or Messaging Apps), each one call on the generic path. From {@link Operations#sms()} and
 * {@link Operations#chatApps()}. Each fails with an {@link OperationNotFoundException} when no artifact on the class
 * path has the operation (the guides' documents have none of them).
 */
public final class MessageCalls {

    /** The SMS document's operations. */
    static final Ids SMS = new Ids("sms:get-sms-message-details", "sms:cancel-scheduled-message",
            "sms:cancel-many-sms-messages", "sms:Get-Webhooks-2", "sms:Add-Webhooks-2", "sms:Delete-Webhooks-2");

    /** The Messaging Apps document's operations. */
    static final Ids CHAT_APPS = new Ids("messaging-apps:get-chatapps-message-details",
            "messaging-apps:cancel-scheduled-message-1", "messaging-apps:cancel-many-chat-apps-messages",
            "messaging-apps:Get-Webhooks-1", "messaging-apps:Add-Webhooks-1", "messaging-apps:Delete-Webhooks-1");

    /** The operationIds of one API's calls, as 8x8's documents spell them. */
    record Ids(String status, String cancel, String cancelBatch, String webhooks, String addWebhooks,
               String deleteWebhooks) {
    }

    private final Operations operations;
    private final Ids ids;

    MessageCalls(Operations operations, Ids ids) {
        this.operations = operations;
        this.ids = ids;
    }

    /**
     * A message's details and delivery status by its umid.
     *
     * @param umid 8x8's id of the message
     * @return the answer: {@code status.state} and the rest of the details
     */
    public ApiResult status(String umid) {
        return operations.call(OperationCall.of(ids.status()).param("umid", required("umid", umid)));
    }

    /**
     * Cancels a message that is still scheduled; 8x8 refuses (an {@link io.connect8x8.ApiErrorException}) once it is
     * sent.
     *
     * @param umid 8x8's id of the message
     * @return the answer
     */
    public ApiResult cancel(String umid) {
        return operations.call(OperationCall.of(ids.cancel()).param("umid", required("umid", umid)));
    }

    /**
     * Cancels the messages of a batch that are still scheduled.
     *
     * @param batchId 8x8's id of the batch
     * @return the answer: how many were cancelled
     */
    public ApiResult cancelBatch(String batchId) {
        return operations.call(OperationCall.of(ids.cancelBatch()).param("batchId", required("batchId", batchId)));
    }

    /**
     * The account's webhooks of this API ({@code accountId} from the client).
     *
     * @return the answer: the list of webhooks
     */
    public ApiResult webhooks() {
        return operations.call(OperationCall.of(ids.webhooks()));
    }

    /**
     * Adds or replaces webhooks of this API.
     *
     * @param webhooks the body as the document declares it (JSON text, a {@code JsonArray}, a {@code List} of
     *     {@code Map}s)
     * @return the answer
     */
    public ApiResult addWebhooks(Object webhooks) {
        return operations.call(OperationCall.of(ids.addWebhooks()).body(required("body", webhooks)));
    }

    /**
     * Removes webhooks of this API.
     *
     * @param webhooks the body as the document declares it (the types to remove)
     * @return the answer
     */
    public ApiResult deleteWebhooks(Object webhooks) {
        return operations.call(OperationCall.of(ids.deleteWebhooks()).body(required("body", webhooks)));
    }

    /** A required argument: a typed failure naming it, before any I/O. */
    static <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new io.connect8x8.ValidationException(field, "is required");
        }
        return Objects.requireNonNull(value);
    }
}
