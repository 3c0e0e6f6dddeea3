package io.connect8x8;

import java.time.Duration;
import java.util.Objects;

/**
 * Observes every call a {@link Connect8x8Client} makes, synchronous and asynchronous alike, for metrics and tracing
 * ({@code connect8x8-micrometer} implements it with Micrometer). Set one with
 * {@link Connect8x8Client.Builder#listener(CallListener)}.
 *
 * <p>A call is observed from the moment its input has passed validation and it is handed to the transport: input
 * refused before that ({@link ValidationException}, {@link ClientClosedException}) is thrown at the call site and
 * not observed. For each call the client calls {@link #callStarted} once, then on the returned {@link CallEvents}
 * {@link CallEvents#attemptFinished} after each HTTP attempt, {@link CallEvents#retryScheduled} before each wait,
 * and {@link CallEvents#callFinished} exactly once.
 *
 * <p>The events carry no phone number, message text or key. They run on the thread that makes the call or on
 * OkHttp's and the client's scheduler threads (async), so keep them short. A listener that throws is logged and
 * ignored: it never changes the outcome of a send.
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

    /**
     * The events of one call, from its start to its end. Implementations may keep per-call state (a timer, an
     * observation); the client calls them from one thread at a time for a given call.
     */
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
         * The call will try again after a wait (on a sleeping thread for {@code send}, on the client's scheduler for
         * {@code sendAsync}).
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
        SMS("sms"),
        /** The Messaging Apps (chat apps) API. */
        CHAT_APPS("chatapps"),
        /** The Verification API (one-time codes). */
        VERIFY("verify");

        private final String tag;

        Api(String tag) {
            this.tag = tag;
        }

        /**
         * The lower-case name for metric tags.
         *
         * @return {@code sms}, {@code chatapps} or {@code verify}
         */
        public String tag() {
            return tag;
        }
    }

    /** The operation of a call. */
    enum Operation {
        /** One message. */
        SEND("send"),
        /** A batch. */
        SEND_BATCH("sendBatch"),
        /** Any operation called by its operationId through {@link io.connect8x8.api.Operations}. */
        CALL("call");

        private final String tag;

        Operation(String tag) {
            this.tag = tag;
        }

        /**
         * The name for metric tags.
         *
         * @return {@code send}, {@code sendBatch} or {@code call}
         */
        public String tag() {
            return tag;
        }
    }

    /** Why a call is retried. */
    enum RetryReason {
        /** HTTP 429: the wait is the answer's {@code Retry-After} when it has one. */
        RATE_LIMITED("rate_limited"),
        /** HTTP 503. */
        UNAVAILABLE("unavailable"),
        /** Another HTTP 5xx, retried only when the policy retries ambiguous failures. */
        SERVER_ERROR("server_error"),
        /** No HTTP answer: the connection failed (or broke, when the policy retries ambiguous failures). */
        CONNECTION("connection");

        private final String tag;

        RetryReason(String tag) {
            this.tag = tag;
        }

        /**
         * The lower-case name for metric tags.
         *
         * @return the tag value
         */
        public String tag() {
            return tag;
        }
    }

    /**
     * What a call sends.
     *
     * @param api the API
     * @param operation single or batch send
     * @param messages the number of messages (1 for a single send)
     * @param async whether the call was made with {@code sendAsync}/{@code sendBatchAsync}/{@code callAsync}
     * @param operationId the document's operationId of an {@link Operation#CALL}, else null
     */
    record CallInfo(Api api, Operation operation, int messages, boolean async, String operationId) {

        /**
         * Makes a call's description; a listener tags metrics by the API and operation, so both are required.
         *
         * @param api the API
         * @param operation single or batch send, or a call by operationId
         * @param messages the number of messages (1 for a single send, 0 for a call)
         * @param async whether the call was made with {@code sendAsync}/{@code sendBatchAsync}/{@code callAsync}
         * @param operationId the document's operationId of an {@link Operation#CALL}, else null
         * @throws NullPointerException when the API or operation is null
         */
        public CallInfo {
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(operation, "operation");
        }

        /**
         * Makes a send's description, without an operationId.
         *
         * @param api the API
         * @param operation single or batch send
         * @param messages the number of messages (1 for a single send)
         * @param async whether the call was made with {@code sendAsync}/{@code sendBatchAsync}
         * @throws NullPointerException when the API or operation is null
         */
        public CallInfo(Api api, Operation operation, int messages, boolean async) {
            this(api, operation, messages, async, null);
        }
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
     * How a call ended. {@link #sendState()} is null for a success; for a failure it is the failure's own
     * {@link Connect8x8Exception#sendState()}; for a cancelled async call it is {@link SendState#MAY_HAVE_BEEN_SENT}
     * when a request may have been written, else {@link SendState#NOT_SENT}.
     *
     * @param sendState null on success, else the answer to "was it sent?"
     * @param httpStatus the last HTTP status received, or 0 when none was
     * @param attempts the number of HTTP attempts made
     * @param elapsed the call's duration on the client's clock, waits included
     * @param failure the typed failure, or null on success and cancellation
     * @param cancelled whether an async call was cancelled by its caller
     * @param messageId the umid of a single send's accepted message, or null
     * @param batchId the batch id of an accepted batch, or null
     * @param acceptedMessages the messages the API accepted (a single send: 1 when accepted)
     * @param rejectedMessages the messages the API refused within an accepted call (batches only)
     */
    record Outcome(SendState sendState, int httpStatus, int attempts, Duration elapsed, Connect8x8Exception failure,
                   boolean cancelled, String messageId, String batchId, int acceptedMessages, int rejectedMessages) {

        /**
         * Whether the call returned a result.
         *
         * @return true on success
         */
        public boolean succeeded() {
            return sendState == null;
        }
    }
}
