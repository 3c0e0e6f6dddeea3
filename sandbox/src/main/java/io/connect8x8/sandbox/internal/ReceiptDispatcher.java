package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
 * until its {@code fallbackAfter} has passed since the message's first receipt (see {@link ReceiptPlan}). A webhook
 * configured through the webhooks API with an authorization gets it as the {@code Authorization} header of every
 * post: its fixed {@code httpAuthorization}, or a bearer token fetched with its OAuth 2.0 client credentials.
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
     * @param target the webhook, or null to only record the receipts
     * @param plans the receipts in order
     */
    void dispatch(MessageRecord message, Target target, List<ReceiptPlan> plans) {
        dispatch(message, target, plans, null);
    }

    /**
     * Starts sending the receipts of a message held until {@code due} (its {@code scheduled} time), stamped as if
     * released then: a {@link io.connect8x8.sandbox.SandboxClock} moved past it, or the tick that found it due,
     * does not move the receipts' times.
     *
     * @param due when the sequence should have started; null for now
     */
    void dispatch(MessageRecord message, Target target, List<ReceiptPlan> plans, Instant due) {
        go(new Sequence(message, target, plans, store.generation(), null, lateBy(due)), 0);
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
        if (sequence.target() == null) {
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
        String url = sequence.target() == null ? null : sequence.target().url();
        ReceiptRecord receipt = sequence.message().addReceipt(new ReceiptRecord(plan.state(), plan.detail(),
                url, plan.channel(), at, () -> Json.text(plan.body().apply(at))));
        if (sequence.target() == null) {
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
        Target target = delivery.sequence.target();
        if (target.oauth() == null) {
            post(delivery, number, delay, at, target.authorization());
            return;
        }
        Request tokenRequest;
        try {
            tokenRequest = target.oauth().tokenRequest();
        } catch (IllegalArgumentException e) {
            finish(delivery, new DeliveryAttempt(number, delay, at, -1, e.getMessage()));
            return;
        }
        enqueue(delivery, number, delay, at, tokenRequest, response -> {
            String token = response.isSuccessful() ? OAuth.accessToken(response) : null;
            if (token == null) {
                finish(delivery, new DeliveryAttempt(number, delay, at, -1, "OAuth token endpoint "
                        + target.oauth().url() + " gave no access_token (HTTP " + response.code() + ")"));
            } else {
                post(delivery, number, delay, at, "Bearer " + token);
            }
        });
    }

    /** Posts the receipt, with {@code authorization} as its {@code Authorization} header when not null. */
    private void post(Delivery delivery, int number, Duration delay, Instant at, String authorization) {
        Request.Builder request = new Request.Builder()
                .url(delivery.sequence.target().url())
                .post(RequestBody.create(delivery.sequence.message().receiptBody(delivery.receipt), JSON));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        enqueue(delivery, number, delay, at, request.build(), response -> {
            String error = response.isSuccessful() ? null : "HTTP " + response.code();
            finish(delivery, new DeliveryAttempt(number, delay, at, response.code(), error));
        });
    }

    /** Sends {@code request}; a failure to connect ends the attempt, an answer goes to {@code answered}. */
    private void enqueue(Delivery delivery, int number, Duration delay, Instant at, Request request,
                         java.util.function.Consumer<Response> answered) {
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
                    answered.accept(response);
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
     * @param target the webhook, or null to only record them
     * @param generation the store's generation when it started: a reset stops it
     * @param start when its first receipt was recorded, null before it: a fallback leg waits from there
     * @param lag how late it runs: its receipts are stamped this much before the clock's time, so that a leg released
     *     late (a scheduled message, a fallback leg) keeps the times it would have had on time
     */
    private record Sequence(MessageRecord message, Target target, List<ReceiptPlan> plans, long generation,
                            Instant start, Duration lag) {

        Sequence startedAt(Instant first) {
            return new Sequence(message, target, plans, generation, first, lag);
        }

        Sequence late(Duration by) {
            return new Sequence(message, target, plans, generation, start, by);
        }
    }

    /**
     * Where a message's receipts are posted.
     *
     * @param url the webhook
     * @param authorization the fixed {@code Authorization} header, or null
     * @param oauth the client credentials a bearer token is fetched with for each post, or null
     */
    record Target(String url, String authorization, OAuth oauth) {

        /** Without the authorization value: it is a credential of the user's receiver. */
        @Override
        public String toString() {
            return "Target[url=" + url + (authorization != null ? ", authorization=***" : "")
                    + (oauth != null ? ", " + oauth : "") + "]";
        }
    }

    /**
     * A webhook's OAuth 2.0 client-credentials settings, as the webhooks API takes them: a token is fetched from
     * {@code url} before each post (RFC 6749, section 4.4) and sent as {@code Authorization: Bearer <token>}. Only a
     * token endpoint on this machine is called: the simulator never sends client credentials off loopback.
     *
     * @param url the token endpoint
     * @param clientId the client id
     * @param clientSecret the client secret; never in an attempt's error text
     * @param inBody whether the credentials go in the form body ({@code credentialsLocation: body}) rather than as
     *               HTTP Basic authentication ({@code header})
     * @param scope the scopes to request, or null
     */
    record OAuth(String url, String clientId, String clientSecret, boolean inBody, String scope) {

        @Override
        public String toString() {
            return "OAuth[url=" + url + ", clientId=" + clientId + "]";
        }

        /**
         * The token request.
         *
         * @throws IllegalArgumentException when the endpoint is no http(s) URL on loopback
         */
        Request tokenRequest() {
            okhttp3.HttpUrl endpoint = okhttp3.HttpUrl.parse(url);
            if (endpoint == null || !loopback(endpoint.host())) {
                throw new IllegalArgumentException("OAuth token endpoint " + url + " is not on loopback: the "
                        + "simulator does not send client credentials off this machine");
            }
            okhttp3.FormBody.Builder form = new okhttp3.FormBody.Builder().add("grant_type", "client_credentials");
            if (scope != null && !scope.isEmpty()) {
                form.add("scope", scope);
            }
            Request.Builder request = new Request.Builder().url(endpoint);
            if (inBody) {
                form.add("client_id", clientId).add("client_secret", clientSecret);
            } else {
                // RFC 6749, section 2.3.1: each form-encoded, then HTTP Basic.
                request.header("Authorization", okhttp3.Credentials.basic(formEncoded(clientId),
                        formEncoded(clientSecret), java.nio.charset.StandardCharsets.UTF_8));
            }
            return request.post(form.build()).build();
        }

        private static String formEncoded(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static boolean loopback(String host) {
            return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
        }

        /** The {@code access_token} of a token answer, or null when it has none. */
        static String accessToken(Response response) {
            try {
                JsonNode token = Json.parse(response.body().bytes()).get("access_token");
                return token != null && token.isTextual() && !token.textValue().isEmpty() ? token.textValue() : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** A receipt of a sequence being posted. */
    private record Delivery(Sequence sequence, int index, ReceiptRecord receipt) {
    }
}
