package io.connect8x8;

/**
 * Every failure's answer to "was the message sent?" ({@link Connect8x8Exception#sendState()}), which decides what a
 * caller may do next: resend, give up, or reconcile first.
 */
public enum SendState {

    /**
     * Nothing was processed: the input was refused before any network I/O, the request provably never reached the
     * server (connection refused, DNS failure, connect timeout), or the API said it did not take it (HTTP 429, 503).
     * Sending the same message again cannot create a duplicate.
     */
    NOT_SENT,

    /**
     * The API answered and refused the request (HTTP 4xx other than 429): it will not be delivered, and sending the
     * same request again gets the same answer.
     */
    REJECTED,

    /**
     * The request may have been processed: the API failed after taking it (HTTP 5xx other than 503), the connection
     * broke or timed out after the request was written, or a success answer could not be read. Resending blindly
     * could deliver the message twice: reconcile by its {@code clientMessageId} and the delivery receipts first.
     */
    MAY_HAVE_BEEN_SENT
}
