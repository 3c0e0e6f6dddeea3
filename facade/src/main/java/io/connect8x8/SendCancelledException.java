package io.connect8x8;

/**
 * Why an async send ended in a {@link java.util.concurrent.CancellationException}: the cause of the exception that
 * {@code get()} and {@code join()} throw once the caller cancelled the future of {@code sendAsync} or
 * {@code sendBatchAsync}. It answers the question cancelling leaves open, whether the message went out:
 * {@link SendState#NOT_SENT} when no request of the call was written (it was queued, waiting to retry after an
 * answer that took nothing, or still connecting: the client then holds the request back, so it never leaves later);
 * {@link SendState#MAY_HAVE_BEEN_SENT} once a request had started to be written, since the server may process it
 * whatever the client does next.
 *
 * <pre>{@code
 * try {
 *     future.join();
 * } catch (CancellationException e) {
 *     if (e.getCause() instanceof SendCancelledException why
 *             && why.sendState() == SendState.MAY_HAVE_BEEN_SENT) {
 *         // reconcile by clientMessageId before sending again
 *     }
 * }
 * }</pre>
 */
public class SendCancelledException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The answer to "was it sent?" at the moment of the cancel. */
    private final SendState sendState;

    /**
     * Creates the cause of a cancellation.
     *
     * @param sendState {@link SendState#NOT_SENT} or {@link SendState#MAY_HAVE_BEEN_SENT}
     * @param attempts the HTTP requests the call had started, the one cancelled included
     */
    public SendCancelledException(SendState sendState, int attempts) {
        super(sendState == SendState.NOT_SENT
                ? "the send was cancelled before its request was written: nothing was sent"
                : "the send was cancelled after its request was written: the message may have been sent", null,
                attempts);
        this.sendState = sendState;
    }

    /**
     * Whether the message was sent before the cancel stopped the call.
     *
     * @return {@link SendState#NOT_SENT} or {@link SendState#MAY_HAVE_BEEN_SENT}
     */
    @Override
    public SendState sendState() {
        return sendState;
    }
}
