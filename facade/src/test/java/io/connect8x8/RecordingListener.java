package io.connect8x8;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** A {@link CallListener} that writes each event as one line, and queues attempts and outcomes for tests to await. */
final class RecordingListener implements CallListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final BlockingQueue<Attempt> attempts = new LinkedBlockingQueue<>();
    final BlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();

    @Override
    public CallEvents callStarted(CallInfo call) {
        events.add("start " + call.api().tag() + " " + call.operation().tag() + " " + call.messages()
                + (call.async() ? " async" : " sync"));
        return new CallEvents() {
            @Override
            public void attemptFinished(Attempt attempt) {
                events.add("attempt " + attempt.number() + " " + attempt.httpStatus()
                        + (attempt.requestWritten() ? " written" : " unsent"));
                attempts.add(attempt);
            }

            @Override
            public void retryScheduled(Retry retry) {
                events.add("retry " + retry.afterAttempt() + " " + retry.delay() + " " + retry.reason().tag());
            }

            @Override
            public void callFinished(Outcome outcome) {
                StringBuilder line = new StringBuilder("finish ")
                        .append(outcome.succeeded() ? "success" : outcome.sendState().name())
                        .append(' ').append(outcome.httpStatus()).append(" attempts=").append(outcome.attempts());
                if (outcome.messageId() != null) {
                    line.append(" umid=").append(outcome.messageId());
                }
                if (outcome.batchId() != null) {
                    line.append(" batch=").append(outcome.batchId());
                }
                if (outcome.succeeded()) {
                    line.append(" accepted=").append(outcome.acceptedMessages())
                            .append(" rejected=").append(outcome.rejectedMessages());
                }
                if (outcome.failure() != null) {
                    line.append(' ').append(outcome.failure().getClass().getSimpleName());
                }
                events.add(line.toString());
                finished.add(outcome);
            }
        };
    }
}
