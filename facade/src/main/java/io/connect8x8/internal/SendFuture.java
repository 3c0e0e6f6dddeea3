package io.connect8x8.internal;

import io.connect8x8.Connect8x8Exception;
import io.connect8x8.SendCancelledException;
import io.connect8x8.SendState;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The future of an async send, whose {@link #cancel} says whether the message went out: its
 * {@link CancellationException} has a {@link SendCancelledException} as its cause, which a plain
 * {@code CompletableFuture} has no way to attach. {@link #isCancelled()} stays true, as the contract requires.
 *
 * @param <T> the result type
 */
public final class SendFuture<T> extends CompletableFuture<T> {

    private volatile Supplier<SendCancelledException> canceller =
            () -> new SendCancelledException(SendState.NOT_SENT, 0);

    /** An incomplete future whose cancel reports nothing sent until {@link #onCancel} says otherwise. */
    public SendFuture() {
    }

    /**
     * Sets what stops the call on a cancel and tells what it had sent; called before the future is handed out.
     *
     * @param canceller stops the call (holds its request back when it can) and says whether it was sent
     */
    public void onCancel(Supplier<SendCancelledException> canceller) {
        this.canceller = canceller;
    }

    /**
     * Stops the call and completes this future with a {@link CancellationException} whose cause tells whether the
     * message was sent; nothing once the future is done.
     *
     * @param mayInterruptIfRunning ignored: the call is stopped through its HTTP call
     * @return whether this future is now cancelled
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return isCancelled();
        }
        SendCancelledException why = canceller.get();
        CancellationException cancelled = new CancellationException(why.getMessage());
        cancelled.initCause(why);
        return completeExceptionally(cancelled) || isCancelled();
    }

    /**
     * What a cancelled future's failure says, for a future layered on another: the cause of its cancellation, or,
     * when the future below was not cancelled but ended, what its end says.
     *
     * @param below the future below, already cancelled or done
     * @return the cause to report
     */
    public static SendCancelledException causeOf(CompletableFuture<?> below) {
        // Not done, or an answer arrived: the request may have been sent.
        if (below.isDone() && below.isCompletedExceptionally()) {
            try {
                below.join();
            } catch (CancellationException e) {
                if (e.getCause() instanceof SendCancelledException why) {
                    return why;
                }
            } catch (CompletionException e) {
                if (e.getCause() instanceof Connect8x8Exception failure) {
                    SendState state = failure.sendState() == SendState.MAY_HAVE_BEEN_SENT
                            ? SendState.MAY_HAVE_BEEN_SENT : SendState.NOT_SENT;
                    return new SendCancelledException(state, failure.attempts());
                }
            }
        }
        return new SendCancelledException(SendState.MAY_HAVE_BEEN_SENT, 0);
    }
}
