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
        long generation = store.generation();
        Duration lag = lateBy(due);
        if (url == null) {
            // Nothing to post: record the sequence at once rather than queue work on the single receipt thread,
            // which under load made every request thread contend for the scheduler's queue.
            next(message, null, plans, 0, generation, null, lag);
            return;
        }
        run(() -> next(message, url, plans, 0, generation, null, lag), Duration.ZERO);
    }

    /** How far the clock is past {@code due} (zero for null or a time still ahead). */
    private Duration lateBy(Instant due) {
        Duration late = due == null ? Duration.ZERO : Duration.between(due, clock.instant());
        return late.isNegative() ? Duration.ZERO : late;
    }

    /**
     * Records (and posts) receipt {@code index}, then the next ones; a fallback leg whose time has not come waits in
     * the timer, which resumes here.
     *
     * @param start when the sequence's first receipt was recorded; null before it
     * @param lag how late the sequence runs: its receipts are stamped this much before the clock's time, so that a
     *     leg released late (a scheduled message, a fallback leg) keeps the times it would have had on time
     */
    private void next(MessageRecord message, String url, List<ReceiptPlan> plans, int index, long generation,
                      Instant start, Duration lag) {
        if (index >= plans.size() || generation != store.generation()) {
            return;
        }
        ReceiptPlan plan = plans.get(index);
        Instant at = clock.instant().minus(lag);
        if (plan.fallbackAfter() != null && start != null) {
            Instant due = start.plus(plan.fallbackAfter());
            if (due.isAfter(at)) {
                timer.later(due, () -> resume(message, url, plans, index, generation, start, lateBy(due)));
                return;
            }
        }
        Instant first = start == null ? at : start;
        ReceiptRecord receipt = message.addReceipt(new ReceiptRecord(plan.state(), plan.detail(), url,
                plan.channel(), at, () -> Json.text(plan.body().apply(at))));
        if (url == null) {
            next(message, url, plans, index + 1, generation, first, lag);
            return;
        }
        attempt(new Delivery(message, url, plans, index, receipt, generation, first, lag), 1, Duration.ZERO);
    }

    /**
     * Goes on with a sequence whose fallback leg waited: at once on the releasing thread when nothing is posted (so
     * a {@link io.connect8x8.sandbox.SandboxClock}'s {@code advance} returns with the receipts recorded), else on
     * the receipt thread, which posts them in order.
     */
    private void resume(MessageRecord message, String url, List<ReceiptPlan> plans, int index, long generation,
                        Instant start, Duration lag) {
        if (url == null) {
            next(message, null, plans, index, generation, start, lag);
        } else {
            run(() -> next(message, url, plans, index, generation, start, lag), Duration.ZERO);
        }
    }

    private void attempt(Delivery delivery, int number, Duration delay) {
        if (delivery.generation != store.generation()) {
            return;
        }
        Instant at = clock.instant();
        Request request = new Request.Builder()
                .url(delivery.url)
                .post(RequestBody.create(delivery.message.receiptBody(delivery.receipt), JSON))
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
        delivery.message.update(() -> {
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
            run(() -> next(delivery.message, delivery.url, delivery.plans, delivery.index + 1, delivery.generation,
                    delivery.start, delivery.lag), Duration.ZERO);
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

    private record Delivery(MessageRecord message, String url, List<ReceiptPlan> plans, int index,
                            ReceiptRecord receipt, long generation, Instant start, Duration lag) {
    }
}
