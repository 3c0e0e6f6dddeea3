package io.connect8x8.api;

import io.connect8x8.ValidationException;

/**
 * A message's status and the cancellation of a scheduled message or batch on one API (SMS or Messaging Apps); from
 * {@link Operations#sms()} and {@link Operations#chatApps()}. Each fails with an {@link OperationNotFoundException}
 * when no artifact on the class path has the operation.
 */
public final class MessageCalls {

    static final String[] SMS = {"sms:get-sms-message-details", "sms:cancel-scheduled-message",
        "sms:cancel-many-sms-messages"};
    static final String[] CHAT_APPS = {"messaging-apps:get-chatapps-message-details",
        "messaging-apps:cancel-scheduled-message-1", "messaging-apps:cancel-many-chat-apps-messages"};

    private final Operations operations;
    /** The status, cancel and batch cancel operationIds, as 8x8's documents spell them. */
    private final String[] ids;

    MessageCalls(Operations operations, String[] ids) {
        this.operations = operations;
        this.ids = ids;
    }

    /**
     * {@return a message's details: {@code status.state} and the rest}
     *
     * @param umid 8x8's id of the message
     */
    public ApiResult status(String umid) {
        return operations.call(OperationCall.of(ids[0]).param("umid", required("umid", umid)));
    }

    /**
     * Cancels a scheduled message; 8x8 refuses (an {@link io.connect8x8.ApiErrorException}) once it is sent.
     *
     * @param umid 8x8's id of the message
     * @return the answer
     */
    public ApiResult cancel(String umid) {
        return operations.call(OperationCall.of(ids[1]).param("umid", required("umid", umid)));
    }

    /**
     * Cancels the messages of a batch that are still scheduled.
     *
     * @param batchId 8x8's id of the batch
     * @return the answer: how many were cancelled
     */
    public ApiResult cancelBatch(String batchId) {
        return operations.call(OperationCall.of(ids[2]).param("batchId", required("batchId", batchId)));
    }

    /** A required argument: a failure naming it, before any I/O. */
    static <T> T required(String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }
}
