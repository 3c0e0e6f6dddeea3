package io.connect8x8.internal;

import io.connect8x8.CallListener;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RequestOptions;
import io.connect8x8.SendState;
import java.time.Clock;
import java.time.Duration;
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
    private static final CallRecorder NONE = new CallRecorder(CallListener.CallEvents.NONE, Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final CallListener.CallEvents events;
    private final Clock clock;
    private final long started;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile int attempts;
    private volatile int lastStatus;

    private CallRecorder(CallListener.CallEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.started = clock.millis();
    }

    /**
     * {@return the client's listener, joined with the call's own when its options set one} Every path (the sends,
     * the generic operations) observes a call through this.
     *
     * @param client the client's listener
     * @param options the call's options
     */
    public static CallListener withCall(CallListener client, RequestOptions options) {
        return options.listener().map(call -> both(client, call)).orElse(client);
    }

    /** The client's listener and a call's own as one; one that throws stops neither the other nor the call. */
    static CallListener both(CallListener client, CallListener call) {
        if (client == CallListener.NONE) {
            return call;
        }
        return info -> {
            List<CallListener.CallEvents> all = List.of(started(client, info), started(call, info));
            return new CallListener.CallEvents() {
                @Override
                public void attemptFinished(CallListener.Attempt attempt) {
                    all.forEach(events -> safely(() -> events.attemptFinished(attempt)));
                }

                @Override
                public void retryScheduled(CallListener.Retry retry) {
                    all.forEach(events -> safely(() -> events.retryScheduled(retry)));
                }

                @Override
                public void callFinished(CallListener.Outcome outcome) {
                    all.forEach(events -> safely(() -> events.callFinished(outcome)));
                }
            };
        };
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

    /**
     * Starts observing a call.
     *
     * @param listener the client's listener
     * @param clock the client's clock
     * @param call what is sent
     * @return the call's recorder
     */
    public static CallRecorder start(CallListener listener, Clock clock, CallListener.CallInfo call) {
        return listener == CallListener.NONE ? NONE : new CallRecorder(started(listener, call), clock);
    }

    void attemptFinished(int number, int httpStatus, boolean requestWritten, long elapsedMillis) {
        if (this == NONE) {
            return;
        }
        attempts = number;
        if (httpStatus > 0) {
            lastStatus = httpStatus;
        }
        safely(() -> events.attemptFinished(new CallListener.Attempt(number, httpStatus, requestWritten,
                Duration.ofMillis(Math.max(0, elapsedMillis)))));
    }

    void retryScheduled(int afterAttempt, Duration wait, CallListener.RetryReason reason) {
        if (this != NONE) {
            safely(() -> events.retryScheduled(new CallListener.Retry(afterAttempt, wait, reason)));
        }
    }

    void succeeded(RequestKind.ResultFacts facts) {
        finish(null, null, false, facts);
    }

    void failed(Connect8x8Exception failure) {
        finish(failure.sendState(), failure, false, RequestKind.ResultFacts.NONE);
    }

    /** The call ended with an exception that is not a typed failure (a bug), told as one that may have been sent. */
    void failedUnexpectedly() {
        finish(SendState.MAY_HAVE_BEEN_SENT, null, false, RequestKind.ResultFacts.NONE);
    }

    /** The caller cancelled the async call; {@code state} says what it had sent. */
    void cancelled(SendState state) {
        finish(state, null, true, RequestKind.ResultFacts.NONE);
    }

    private void finish(SendState state, Connect8x8Exception failure, boolean cancelled,
                        RequestKind.ResultFacts facts) {
        if (this == NONE || !finished.compareAndSet(false, true)) {
            return;
        }
        int attemptCount = failure != null ? failure.attempts() : attempts;
        CallListener.Outcome outcome = new CallListener.Outcome(state, lastStatus, attemptCount,
                Duration.ofMillis(Math.max(0, clock.millis() - started)), failure, cancelled, facts.messageId(),
                facts.batchId(), facts.accepted(), facts.rejected());
        safely(() -> events.callFinished(outcome));
    }

    private static void safely(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("A CallListener failed; the send is not affected", e);
        }
    }
}
