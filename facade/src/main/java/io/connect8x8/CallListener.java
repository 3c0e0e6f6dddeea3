package io.connect8x8;

import java.time.Duration;
import java.util.Locale;

/**
 * Observes every call a {@link Connect8x8Client} makes once its input passed validation, for metrics and tracing
 * ({@code connect8x8-micrometer}). The events carry no phone number, message text or key, and run on the calling
 * thread or on OkHttp's and the client's threads, so keep them short. A listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface CallListener {

    /** The listener that observes nothing: the default. */
    CallListener NONE = call -> CallEvents.NONE;

    /**
     * A call starts: validated, about to make its first attempt.
     *
     * @param call what is sent
     * @return the events of this one call; {@link CallEvents#NONE} to ignore it
     */
    CallEvents callStarted(CallInfo call);

    /** The events of one call, called from one thread at a time, so they may keep per-call state (a timer). */
    interface CallEvents {

        /** Events that do nothing. */
        CallEvents NONE = new CallEvents() {
        };

        /**
         * One HTTP attempt ended, with an HTTP status or without one (the connection failed).
         *
         * @param attempt the attempt's facts
         */
        default void attemptFinished(Attempt attempt) {
        }

        /**
         * The call will try again after a wait.
         *
         * @param retry the wait and its reason
         */
        default void retryScheduled(Retry retry) {
        }

        /**
         * The call ended: with a result, a typed failure, or cancelled. Called exactly once.
         *
         * @param outcome how it ended
         */
        default void callFinished(Outcome outcome) {
        }
    }

    /** The API a call goes to. */
    enum Api {
        /** The SMS API. */
        SMS,
        /** The Messaging Apps (chat apps) API. */
        CHAT_APPS,
        /** The Verification API (one-time codes). */
        VERIFY;

        /** {@return the name for metric tags: {@code sms}, {@code chatapps} or {@code verify}} */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace("_", "");
        }
    }

    /** The operation of a call. */
    enum Operation {
        /** One message. */
        SEND,
        /** A batch. */
        SEND_BATCH,
        /** Any operation called by its operationId through {@link io.connect8x8.api.Operations}. */
        CALL;

        /** {@return the name for metric tags: {@code send}, {@code sendBatch} or {@code call}} */
        public String tag() {
            return this == SEND_BATCH ? "sendBatch" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a call is retried. */
    enum RetryReason {
        /** HTTP 429: the wait is the answer's {@code Retry-After} when it has one. */
        RATE_LIMITED,
        /** HTTP 503. */
        UNAVAILABLE,
        /** Another HTTP 5xx, retried only when the policy retries ambiguous failures. */
        SERVER_ERROR,
        /** No HTTP answer: the connection failed (or broke, when the policy retries ambiguous failures). */
        CONNECTION;

        /** {@return the name for metric tags, in lower case, such as {@code rate_limited}} */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a call sends.
     *
     * @param api the API
     * @param operation single or batch send, or a call by operationId
     * @param messages the number of messages (1 for a single send, 0 for a call)
     * @param async whether the call was made with {@code sendAsync}/{@code sendBatchAsync}/{@code callAsync}
     * @param operationId the document's operationId of an {@link Operation#CALL}, else null
     */
    record CallInfo(Api api, Operation operation, int messages, boolean async, String operationId) {
    }

    /**
     * One HTTP attempt of a call.
     *
     * @param number the attempt's number, from 1
     * @param httpStatus the HTTP status, or 0 when no answer was received
     * @param requestWritten whether any byte of the request may have reached the server
     * @param elapsed the attempt's duration on the client's clock
     */
    record Attempt(int number, int httpStatus, boolean requestWritten, Duration elapsed) {
    }

    /**
     * A wait before the next attempt.
     *
     * @param afterAttempt the number of the attempt that failed
     * @param delay how long the call waits
     * @param reason why it retries
     */
    record Retry(int afterAttempt, Duration delay, RetryReason reason) {
    }

    /**
     * How a call ended.
     *
     * @param sendState null on success; else the failure's {@link Connect8x8Exception#sendState()}, or for a
     *     cancelled call whether a request may have been written
     * @param httpStatus the last HTTP status received, or 0 when none was
     * @param attempts the number of HTTP attempts made
     * @param elapsed the call's duration on the client's clock, waits included
     * @param failure the typed failure, or null on success and cancellation
     * @param cancelled whether an async call was stopped by its caller: its future cancelled, or completed from
     *     outside ({@code complete}, {@code completeExceptionally}, {@code orTimeout}, ...)
     * @param messageId the umid of a single send's accepted message, or null
     * @param batchId the batch id of an accepted batch, or null
     * @param acceptedMessages the messages the API accepted (a single send: 1 when accepted)
     * @param rejectedMessages the messages the API refused within an accepted call (batches only)
     */
    record Outcome(SendState sendState, int httpStatus, int attempts, Duration elapsed, Connect8x8Exception failure,
                   boolean cancelled, String messageId, String batchId, int acceptedMessages, int rejectedMessages) {

        /** {@return whether the call returned a result} */
        public boolean succeeded() {
            return sendState == null;
        }
    }
}
