package io.connect8x8.internal;

import io.connect8x8.CallListener;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RequestOptions;
import io.connect8x8.SendCancelledException;
import io.connect8x8.SendState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's side of the {@link CallListener}: keeps what the outcome needs (attempts, last status), reports each
 * event at most as often as the contract says, and never lets a listener's exception reach the send. Thread-safe:
 * the async state machine hands a call from thread to thread.
 */
public final class CallRecorder {

    /** The recorder of calls nobody observes. */
    private static final CallRecorder NONE = new CallRecorder(List.of(), Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final List<CallListener.CallEvents> events;
    private final Clock clock;
    private final long started;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile int attempts;
    private volatile int lastStatus;

    private CallRecorder(List<CallListener.CallEvents> events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.started = clock.millis();
    }

    /**
     * Starts observing a call: the client's listener hears of it, then the call's own when its options set one. Every
     * path (the sends, the generic operations, the escape hatch) observes a call through this.
     *
     * @param listener the client's listener
     * @param options the call's options
     * @param clock the client's clock
     * @param call what is sent
     * @return the call's recorder
     */
    public static CallRecorder start(CallListener listener, RequestOptions options, Clock clock,
                                     CallListener.CallInfo call) {
        CallListener own = options.listener().orElse(null);
        if (listener == CallListener.NONE && own == null) {
            return NONE;
        }
        List<CallListener.CallEvents> events = new ArrayList<>(2);
        if (listener != CallListener.NONE) {
            events.add(started(listener, call));
        }
        if (own != null) {
            events.add(started(own, call));
        }
        return new CallRecorder(events, clock);
    }

    private static CallListener.CallEvents started(CallListener listener, CallListener.CallInfo info) {
        try {
            CallListener.CallEvents events = listener.callStarted(info);
            return events == null ? CallListener.CallEvents.NONE : events;
        } catch (RuntimeException e) {
            LOG.warn("A CallListener failed in callStarted; the call goes on unobserved by it", e);
            return CallListener.CallEvents.NONE;
        }
    }

    void attemptFinished(int number, int httpStatus, boolean requestWritten, long elapsedMillis) {
        if (this == NONE) {
            return;
        }
        attempts = number;
        if (httpStatus > 0) {
            lastStatus = httpStatus;
        }
        CallListener.Attempt attempt = new CallListener.Attempt(number, httpStatus, requestWritten,
                Duration.ofMillis(Math.max(0, elapsedMillis)));
        events.forEach(e -> safely(() -> e.attemptFinished(attempt)));
    }

    void retryScheduled(int afterAttempt, Duration wait, CallListener.RetryReason reason) {
        if (this != NONE) {
            CallListener.Retry retry = new CallListener.Retry(afterAttempt, wait, reason);
            events.forEach(e -> safely(() -> e.retryScheduled(retry)));
        }
    }

    void succeeded(RequestKind.ResultFacts facts) {
        finish(null, null, false, attempts, facts);
    }

    void failed(Connect8x8Exception failure) {
        finish(failure.sendState(), failure, false, failure.attempts(), RequestKind.ResultFacts.NONE);
    }

    /** The call ended with an exception that is not a typed failure (a bug), told as one that may have been sent. */
    void failedUnexpectedly() {
        finish(SendState.MAY_HAVE_BEEN_SENT, null, false, attempts, RequestKind.ResultFacts.NONE);
    }

    /**
     * The caller cancelled the async call or completed its future: {@code why} says what it had sent, and counts the
     * attempt it stopped, whose own end the listener may hear later.
     */
    void cancelled(SendCancelledException why) {
        finish(why.sendState(), null, true, why.attempts(), RequestKind.ResultFacts.NONE);
    }

    private void finish(SendState state, Connect8x8Exception failure, boolean cancelled, int attemptCount,
                        RequestKind.ResultFacts facts) {
        if (this == NONE || !finished.compareAndSet(false, true)) {
            return;
        }
        CallListener.Outcome outcome = new CallListener.Outcome(state, lastStatus, attemptCount,
                Duration.ofMillis(Math.max(0, clock.millis() - started)), failure, cancelled, facts.messageId(),
                facts.batchId(), facts.accepted(), facts.rejected());
        events.forEach(e -> safely(() -> e.callFinished(outcome)));
    }

    private static void safely(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("A CallListener failed; the send is not affected", e);
        }
    }
}
