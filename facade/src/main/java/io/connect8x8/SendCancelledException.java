package io.connect8x8;

/**
 * The cause of the {@link java.util.concurrent.CancellationException} of an async send its caller cancelled, which
 * answers whether the message went out: {@link SendState#NOT_SENT} when no request of the call was written (the
 * client then holds the request back, so it never leaves later), else {@link SendState#MAY_HAVE_BEEN_SENT}.
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

    /** Whether the message may have been sent. */
    private final SendState sendState;

    /**
     * Makes the exception for a cancelled call.
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

    /** {@return {@link SendState#NOT_SENT} or {@link SendState#MAY_HAVE_BEEN_SENT}, at the moment of the cancel} */
    @Override
    public SendState sendState() {
        return sendState;
    }
}
