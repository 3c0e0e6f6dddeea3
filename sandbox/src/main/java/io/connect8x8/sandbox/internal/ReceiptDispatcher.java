package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.DeliveryAttempt;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts a message's receipts to its webhook one after the other (the next receipt only once the previous one was
 * delivered or given up, so a receiver sees them in order) and retries a failed delivery after 1, 10, 30 and 90
 * seconds, each multiplied by the time factor, as 8x8 does. A channel fallback's leg waits, on the simulator's clock,
 * until its {@code fallbackAfter} has passed since the message's first receipt (see {@link ReceiptPlan}).
 */
public final class ReceiptDispatcher implements AutoCloseable {

    /** 8x8's retry schedule in seconds. */
    static final long[] RETRY_SECONDS = {1, 10, 30, 90};

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Made on the first webhook post: building it loads the TLS stack, which a cold start's first answer skips. */
    private OkHttpClient http;
    private boolean closed;
    private final ScheduledExecutorService scheduler;
    private final double timeFactor;
    private final Clock clock;
    private final MessageStore store;
    /** Where a fallback leg waits for its time. */
    private final ScheduledQueue timer;

    /**
     * Creates a dispatcher with its own HTTP client and scheduler thread, both released by {@link #close()}.
     *
     * @param timeFactor multiplies every retry delay; 1.0 is 8x8's real schedule
     * @param clock the clock of receipt timestamps and attempt times
     * @param store where deliveries are counted
     * @param timer where a channel fallback's leg waits for the clock (the simulator's scheduled messages' queue)
     */
    ReceiptDispatcher(double timeFactor, Clock clock, MessageStore store, ScheduledQueue timer) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-receipts");
            thread.setDaemon(true);
            return thread;
        });
        this.timeFactor = timeFactor;
        this.clock = clock;
        this.store = store;
        this.timer = timer;
    }

    /** The HTTP client, made on first use; refused once closed. */
    private synchronized OkHttpClient http() {
        if (closed) {
            throw new IllegalStateException("the simulator was closed");
        }
        if (http == null) {
            // 8x8 expects a webhook to answer within about 5 seconds.
            http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .callTimeout(Duration.ofSeconds(5))
                    .retryOnConnectionFailure(false)
                    .build();
        }
        return http;
    }

    /**
     * Starts sending a message's receipts.
     *
     * @param message the message
     * @param url the webhook, or null to only record the receipts
     * @param plans the receipts in order
     */
    void dispatch(MessageRecord message, String url, List<ReceiptPlan> plans) {
        dispatch(message, url, plans, null);
    }

    /**
     * Starts sending the receipts of a message held until {@code due} (its {@code scheduled} time), stamped as if
     * released then: a {@link io.connect8x8.sandbox.SandboxClock} moved past it, or the tick that found it due,
     * does not move the receipts' times.
     *
     * @param due when the sequence should have started; null for now
     */
    void dispatch(MessageRecord message, String url, List<ReceiptPlan> plans, Instant due) {
        go(new Sequence(message, url, plans, store.generation(), null, lateBy(due)), 0);
    }

    /** How far the clock is past {@code due} (zero for null or a time still ahead). */
    private Duration lateBy(Instant due) {
        Duration late = due == null ? Duration.ZERO : Duration.between(due, clock.instant());
        return late.isNegative() ? Duration.ZERO : late;
    }

    /**
     * Goes on with a sequence from receipt {@code index}: at once on this thread when nothing is posted (so a
     * {@link io.connect8x8.sandbox.SandboxClock}'s {@code advance} returns with the receipts recorded, and a send
     * under load does not contend for the single receipt thread's queue), else on the receipt thread, which posts
     * them in order.
     */
    private void go(Sequence sequence, int index) {
        if (sequence.url() == null) {
            next(sequence, index);
        } else {
            run(() -> next(sequence, index), Duration.ZERO);
        }
    }

    /**
     * Records (and posts) receipt {@code index}, then the next ones; a fallback leg whose time has not come waits in
     * the timer, which goes on from it.
     */
    private void next(Sequence sequence, int index) {
        List<ReceiptPlan> plans = sequence.plans();
        if (index >= plans.size() || sequence.generation() != store.generation()) {
            return;
        }
        ReceiptPlan plan = plans.get(index);
        Instant at = clock.instant().minus(sequence.lag());
        Instant start = sequence.start();
        if (plan.fallbackAfter() != null && start != null) {
            Instant due = start.plus(plan.fallbackAfter());
            if (due.isAfter(at)) {
                timer.later(due, () -> go(sequence.late(lateBy(due)), index));
                return;
            }
        }
        Sequence started = start == null ? sequence.startedAt(at) : sequence;
        ReceiptRecord receipt = sequence.message().addReceipt(new ReceiptRecord(plan.state(), plan.detail(),
                sequence.url(), plan.channel(), at, () -> Json.text(plan.body().apply(at))));
        if (sequence.url() == null) {
            next(started, index + 1);
            return;
        }
        attempt(new Delivery(started, index, receipt), 1, Duration.ZERO);
    }

    private void attempt(Delivery delivery, int number, Duration delay) {
        if (delivery.sequence.generation() != store.generation()) {
            return;
        }
        Instant at = clock.instant();
        Request request = new Request.Builder()
                .url(delivery.sequence.url())
                .post(RequestBody.create(delivery.sequence.message().receiptBody(delivery.receipt), JSON))
                .build();
        Call call;
        try {
            call = http().newCall(request);
        } catch (RuntimeException e) {
            finish(delivery, new DeliveryAttempt(number, delay, at, -1, e.toString()));
            return;
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                finish(delivery, new DeliveryAttempt(number, delay, at, -1, e.toString()));
            }

            @Override
            public void onResponse(Call done, Response response) {
                try (response) {
                    String error = response.isSuccessful() ? null : "HTTP " + response.code();
                    finish(delivery, new DeliveryAttempt(number, delay, at, response.code(), error));
                }
            }
        });
    }

    private void finish(Delivery delivery, DeliveryAttempt attempt) {
        ReceiptRecord receipt = delivery.receipt;
        boolean retry = !attempt.succeeded() && attempt.number() <= RETRY_SECONDS.length;
        delivery.sequence.message().update(() -> {
            receipt.attempts.add(attempt);
            receipt.delivered = attempt.succeeded();
            receipt.givenUp = !attempt.succeeded() && !retry;
        });
        if (!retry) {
            store.receiptSettled(attempt.succeeded());
        }
        if (retry) {
            Duration delay = scaled(RETRY_SECONDS[attempt.number() - 1]);
            run(() -> attempt(delivery, attempt.number() + 1, delay), delay);
        } else {
            run(() -> next(delivery.sequence, delivery.index + 1), Duration.ZERO);
        }
    }

    /**
     * The delay before a retry.
     *
     * @param seconds 8x8's delay
     * @return the delay scaled by the time factor
     */
    Duration scaled(long seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9 * timeFactor));
    }

    private void run(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // The simulator was closed: receipts still pending are dropped.
        }
    }

    /**
     * Runs a task on the receipt thread at a fixed delay until {@link #close()}.
     *
     * @param period the delay between runs
     * @param task the task
     */
    void every(Duration period, Runnable task) {
        try {
            scheduler.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // The simulator was closed.
        }
    }

    /** Stops sending; pending receipts are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        OkHttpClient client;
        synchronized (this) {
            closed = true;
            client = http;
        }
        if (client != null) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /**
     * One message's receipts being recorded and posted.
     *
     * @param url the webhook, or null to only record them
     * @param generation the store's generation when it started: a reset stops it
     * @param start when its first receipt was recorded, null before it: a fallback leg waits from there
     * @param lag how late it runs: its receipts are stamped this much before the clock's time, so that a leg released
     *     late (a scheduled message, a fallback leg) keeps the times it would have had on time
     */
    private record Sequence(MessageRecord message, String url, List<ReceiptPlan> plans, long generation,
                            Instant start, Duration lag) {

        Sequence startedAt(Instant first) {
            return new Sequence(message, url, plans, generation, first, lag);
        }

        Sequence late(Duration by) {
            return new Sequence(message, url, plans, generation, start, by);
        }
    }

    /** A receipt of a sequence being posted. */
    private record Delivery(Sequence sequence, int index, ReceiptRecord receipt) {
    }
}
