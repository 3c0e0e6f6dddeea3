package io.connect8x8.internal;

import io.connect8x8.ApiErrorException;
import io.connect8x8.CallListener;
import io.connect8x8.CallTimeoutException;
import io.connect8x8.ClientClosedException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.InFlightLimitException;
import io.connect8x8.Masking;
import io.connect8x8.Region;
import io.connect8x8.RequestOptions;
import io.connect8x8.RetryPolicy;
import io.connect8x8.SendCancelledException;
import io.connect8x8.SendState;
import io.connect8x8.Sleeper;
import io.connect8x8.TransportException;
import io.connect8x8.UnexpectedResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one API call: attempts, waits and the deadline, by the rules of {@link RetryPolicy}. No wait passes the
 * deadline, and every attempt's OkHttp call timeout is what is left of it. Blocking calls wait with the
 * {@link Sleeper}; async calls run on OkHttp's {@code enqueue} and wait on a scheduler, under the same decisions.
 * The call's {@link CallRecorder} hears of each attempt, each wait and how the call ended.
 */
public final class Transport {

    private static final Logger LOG = LoggerFactory.getLogger("io.connect8x8.http");
    /** Error bodies are kept up to this size: enough for any envelope or proxy page. */
    private static final long MAX_ERROR_BODY = 64 * 1024;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Supplier<OkHttpClient> http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Region region;
    private final long maxResponseBytes;
    private final boolean logContent;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final int maxAsyncInFlight;
    private final int maxAsyncQueued;
    /** Guards {@link #active} and {@link #waiting}: a place handed from a finished call to a queued one. */
    private final Object places = new Object();
    private int active;
    private final ArrayDeque<AsyncRun<?>> waiting = new ArrayDeque<>();
    private final Set<AsyncRun<?>> running = ConcurrentHashMap.newKeySet();
    /** The runs this thread is handing places on to, while it does (see {@link #handOn}). */
    private static final ThreadLocal<ArrayDeque<AsyncRun<?>>> HANDING_ON = new ThreadLocal<>();
    private volatile boolean closed;

    /**
     * Makes the transport of one client; every call of every API goes through it.
     *
     * @param http the client to execute on, with {@link AttemptTracker}'s listener and gate; asked for at the first
     *     attempt
     * @param clock the clock deadlines are measured on
     * @param sleeper how to wait between attempts
     * @param random uniform [0, 1) for jitter; null for the default
     * @param region the configured region, for error hints; null with custom URLs
     * @param maxResponseBytes the largest success body read
     * @param logContent whether debug logs may show request bodies (phone numbers still masked)
     * @param scheduler where async calls wait between attempts, asked for at the first wait; its owner shuts it down
     * @param maxAsyncInFlight the most async calls in flight at once, waits included
     * @param maxAsyncQueued the most async calls that wait for a place beyond those; 0 to fail at once
     */
    public Transport(Supplier<OkHttpClient> http, Clock clock, Sleeper sleeper, DoubleSupplier random, Region region,
                     long maxResponseBytes, boolean logContent, Supplier<ScheduledExecutorService> scheduler,
                     int maxAsyncInFlight, int maxAsyncQueued) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random != null ? random : () -> ThreadLocalRandom.current().nextDouble();
        this.region = region;
        this.maxResponseBytes = maxResponseBytes;
        this.logContent = logContent;
        this.scheduler = scheduler;
        this.maxAsyncInFlight = maxAsyncInFlight;
        this.maxAsyncQueued = maxAsyncQueued;
    }

    /**
     * One call to execute.
     *
     * @param request the request the generated client built
     * @param policy the retry policy
     * @param timeout the whole call's deadline
     * @param what what is sent, for logs (phone numbers masked), rendered only when a log line is written
     * @param recorder the call's observer
     */
    public record Exchange(Request request, RetryPolicy policy, Duration timeout, Object what, CallRecorder recorder) {
    }

    /**
     * {@return the 2xx answer, read} Executes a request, blocking.
     *
     * @param exchange the request and the rules it runs under
     * @param read reads the 2xx answer
     * @param facts what the result tells the listener
     * @param <R> the result type
     * @throws Connect8x8Exception the mapped failure, with its {@link io.connect8x8.SendState}
     */
    public <R> R execute(Exchange exchange, Function<HttpResponse, R> read,
                         Function<R, RequestKind.ResultFacts> facts) {
        Run<R> run = new Run<>(exchange, read, facts);
        try {
            return run.succeeded(attempts(run, false).response);
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    /**
     * {@return the 2xx answer, its body unread for the caller to stream and close} Executes a request, blocking, as
     * {@link #execute} does (the same attempts, waits, typed failures and listener), but leaves a success's body
     * unread: a download larger than the client holds. The deadline runs until the body is read or closed; the
     * listener hears the call end with the answer's headers.
     *
     * @param exchange the request and the rules it runs under
     * @throws Connect8x8Exception the mapped failure, with its {@link io.connect8x8.SendState}
     */
    public Response open(Exchange exchange) {
        Run<Void> run = new Run<>(exchange, null, null);
        try {
            Response response = attempts(run, true).unread;
            run.recorder.succeeded(RequestKind.ResultFacts.NONE);
            return response;
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    /**
     * The blocking attempts of one call, the one loop {@link #execute} and {@link #open} share: each failure is waited
     * out and retried under the run's policy, or thrown.
     *
     * @param unread whether a 2xx answer is handed back with its body unread ({@link Step#unread}) instead of read
     */
    private Step attempts(Run<?> run, boolean unread) {
        while (true) {
            Call call = run.nextAttempt();
            Step step;
            try {
                Response response = call.execute();
                if (unread && response.isSuccessful()) {
                    return run.afterUnreadSuccess(response);
                }
                try (response) {
                    step = run.afterResponse(response);
                }
            } catch (IOException e) {
                step = run.afterFailure(e);
            }
            if (step.failure == null) {
                return step;
            }
            if (step.delay == null) {
                throw step.failure;
            }
            sleep(step.delay, step.failure);
            if (closed) {
                // The client closed during the wait: no attempt after close; as an async call's wait, it fails with
                // the last attempt's failure.
                throw step.failure;
            }
        }
    }

    /** The tag of a request whose URL's query is a signature: logs show the URL without it. */
    public record SignedUrl() {
    }

    /** The query parameters whose values logs hide: a verification code, a file's download token. */
    private static final Set<String> SECRET_QUERY = Set.of("code", "token");

    /**
     * A request's URL for logs: user info hidden, a signature hidden, a secret query value hidden, a phone number
     * masked. It builds a new URL when there is user info or a query, so callers ask only when debug logging is on.
     */
    private static Object logged(Request request) {
        HttpUrl url = request.url();
        if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
            // A download URL may carry credentials as user info (user:password@): the name may be an access key's
            // id, so neither is shown, only that there were some.
            url = url.newBuilder().username("****").password("").build();
        }
        if (url.querySize() == 0) {
            return url;
        }
        if (request.tag(SignedUrl.class) != null) {
            return url.newBuilder().query(null).build() + "?<signature hidden>";
        }
        HttpUrl.Builder shown = url.newBuilder();
        for (String name : url.queryParameterNames()) {
            if (SECRET_QUERY.contains(name) || SendPipeline.PHONE_FIELDS.contains(name)) {
                shown.removeAllQueryParameters(name);
                url.queryParameterValues(name).forEach(value -> shown.addQueryParameter(name,
                        SECRET_QUERY.contains(name) ? "****" : Masking.maskPhone(value)));
            }
        }
        return shown.build();
    }

    /**
     * {@return the answer of {@link #execute} without blocking, or the failure it would throw} A call beyond
     * {@code maxAsyncInFlight} waits in the queue (its deadline running) or, with no place left, fails at once.
     * Cancelling the future cancels the HTTP call and any pending retry; its {@link CancellationException}'s cause is
     * a {@link SendCancelledException} that says whether a request was written. A future its caller completes in any
     * other way ({@code complete}, {@code completeExceptionally}, {@code orTimeout}, {@code completeOnTimeout}) stops
     * the call in the same way and keeps the caller's outcome. Either way the listener hears the call end as cancelled,
     * with what it had sent, and the call keeps its place in flight until its HTTP call has ended, unless its request
     * was held back unwritten.
     *
     * @param exchange the request and the rules it runs under
     * @param read reads the 2xx answer
     * @param facts what the result tells the listener
     * @param <R> the result type
     */
    public <R> CompletableFuture<R> executeAsync(Exchange exchange, Function<HttpResponse, R> read,
                                                 Function<R, RequestKind.ResultFacts> facts) {
        AsyncRun<R> run = new AsyncRun<>(exchange, read, facts);
        run.future.whenComplete((value, failure) -> {
            if (!run.ended) {
                // Its caller completed it, by cancel() or from outside: nothing of the call may go on.
                run.stop();
            }
            if (!run.awaitsAttemptEnd()) {
                finished(run);
            }
        });
        boolean start;
        synchronized (places) {
            if (closed) {
                run.fail(new ClientClosedException());
                return run.future;
            }
            start = active < maxAsyncInFlight;
            if (start) {
                active++;
                run.holdsPlace = true;
            } else if (waiting.size() < maxAsyncQueued) {
                waiting.add(run);
            } else {
                run.fail(new InFlightLimitException(maxAsyncInFlight, maxAsyncQueued));
                return run.future;
            }
        }
        if (start) {
            begin(run);
        }
        return run.future;
    }

    /**
     * {@return what answers each call of the escape hatch's OkHttpClient with this transport} Its generated APIs run
     * here (retries by the method's nature, deadline, listener), not on a second HTTP stack. An API error comes back
     * as the HTTP answer it was, so the generated code throws its own {@code ApiException}; a failure without an
     * answer is an {@link IOException} caused by the typed one.
     *
     * @param listener the client's listener
     * @param timeout the client's call deadline
     * @param policy the client's retry policy
     * @param api the API, for the listener
     */
    public Interceptor interceptor(CallListener listener, Duration timeout, RetryPolicy policy, CallListener.Api api) {
        RetryPolicy idempotent = forIdempotent(policy, true);
        RetryPolicy notIdempotent = forIdempotent(policy, false);
        return chain -> {
            if (closed) {
                // A closed client sends nothing, through its generated APIs as through its own calls.
                throw new IOException("the client is closed", new ClientClosedException());
            }
            Request request = chain.request();
            String method = request.method();
            RetryPolicy rules = "POST".equals(method) || "PATCH".equals(method) ? notIdempotent : idempotent;
            CallRecorder recorder = CallRecorder.start(listener, RequestOptions.DEFAULT, clock,
                    new CallListener.CallInfo(api, CallListener.Operation.CALL, 0, false, null));
            int status;
            ResponseBody body;
            try {
                HttpResponse response = execute(new Exchange(request, rules, timeout, method + " (generated API)",
                        recorder), answer -> answer, answer -> RequestKind.ResultFacts.NONE);
                status = response.status();
                // A binary answer (a file download) keeps its bytes and type; the generated code reads either.
                body = response.bytes() != null
                        ? ResponseBody.create(response.bytes(), MediaType.parse(response.contentType()))
                        : ResponseBody.create(response.body(), JSON);
            } catch (ApiErrorException e) {
                status = e.httpStatus();
                body = ResponseBody.create(e.rawBody() == null ? "" : e.rawBody(), JSON);
            } catch (Connect8x8Exception e) {
                throw new IOException(e.getMessage(), e);
            }
            return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(status).message("")
                    .body(body).build();
        };
    }

    /**
     * {@return the policy as it applies to a call that is or is not idempotent} Idempotent calls (GET, DELETE, PUT)
     * retry what may have reached the server; others never do.
     *
     * @param policy the policy set for the client or the call
     * @param idempotent whether the call may safely be repeated
     */
    public static RetryPolicy forIdempotent(RetryPolicy policy, boolean idempotent) {
        return policy.retryAmbiguousFailures() == idempotent ? policy
                : policy.toBuilder().retryAmbiguousFailures(idempotent).build();
    }

    /** A run with a place starts its first attempt, or hands the place on when it ended while queued. */
    private void begin(AsyncRun<?> run) {
        running.add(run);
        if (run.future.isDone()) {
            finished(run);
            return;
        }
        run.attempt();
    }

    /**
     * A run's future completed and its HTTP call, if any, ended: a queued run leaves the queue; a run holding a place
     * hands it to the first queued run, or gives it back. At most once per run (later calls do nothing), whichever of
     * its completion, {@link #begin} and the end of a stopped run's attempt comes last.
     */
    private void finished(AsyncRun<?> run) {
        running.remove(run);
        AsyncRun<?> next;
        synchronized (places) {
            if (!run.holdsPlace) {
                waiting.remove(run);
                return;
            }
            if (run.placeReleased) {
                return;
            }
            run.placeReleased = true;
            next = waiting.poll();
            if (next == null) {
                active--;
            } else {
                next.holdsPlace = true;
            }
        }
        if (next != null) {
            handOn(next);
        }
    }

    /**
     * Starts a run that was given a place, on a trampoline: a queued run that ends at once (its deadline passed)
     * hands its place on from inside its own completion, and a long queue of those must not nest one stack frame
     * per run.
     */
    private void handOn(AsyncRun<?> next) {
        ArrayDeque<AsyncRun<?>> pending = HANDING_ON.get();
        if (pending != null) {
            // An outer handOn on this thread starts it once the current start returns.
            pending.add(next);
            return;
        }
        pending = new ArrayDeque<>();
        HANDING_ON.set(pending);
        try {
            for (AsyncRun<?> run = next; run != null; run = pending.poll()) {
                begin(run);
            }
        } finally {
            HANDING_ON.remove();
        }
    }

    /**
     * Ends the async machinery with the client: queued calls fail with a {@link ClientClosedException}, calls
     * waiting for a retry with their last attempt's failure (as a sync call interrupted in its wait); calls with an
     * attempt in flight finish with that attempt.
     */
    public void close() {
        List<AsyncRun<?>> queued;
        synchronized (places) {
            closed = true;
            queued = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (AsyncRun<?> run : queued) {
            run.fail(new ClientClosedException());
        }
        for (AsyncRun<?> run : running) {
            run.abandonWait();
        }
    }

    /**
     * What to do after an attempt: return the response (read, or with its body {@code unread}), throw the failure,
     * or wait (a delay) and retry.
     */
    private record Step(HttpResponse response, Response unread, Connect8x8Exception failure, Duration delay) {

        Step(HttpResponse response, Connect8x8Exception failure, Duration delay) {
            this(response, null, failure, delay);
        }
    }

    /**
     * One call's attempts and the retry decision, shared by the blocking loop and the async state machine: the one
     * place the rules of {@link RetryPolicy} are applied.
     */
    private class Run<R> {
        private final Request request;
        private final RetryPolicy policy;
        private final Duration timeout;
        private final Object what;
        final CallRecorder recorder;
        private final Function<HttpResponse, R> read;
        private final Function<R, RequestKind.ResultFacts> facts;
        private final long deadline;
        volatile int attempt;
        private volatile AttemptTracker tracker;
        /** Whether an attempt is between {@link #nextAttempt} and its decision: its request may be on its way. */
        private volatile boolean attemptOpen;
        /** Whether a finished attempt may have been processed (retried only under retryAmbiguousFailures). */
        private volatile boolean finishedMayHaveBeenSent;
        /** The failure of the last retried attempt that may have been processed; null while there is none. */
        private volatile Connect8x8Exception retriedAmbiguous;
        /** The current attempt's call. */
        Call call;
        private long started;

        Run(Exchange exchange, Function<HttpResponse, R> read, Function<R, RequestKind.ResultFacts> facts) {
            this.request = exchange.request();
            this.policy = exchange.policy();
            this.timeout = exchange.timeout();
            this.what = exchange.what();
            this.recorder = exchange.recorder();
            this.read = read;
            this.facts = facts;
            this.deadline = clock.millis() + timeout.toMillis();
            if (logContent && LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} body: {}", request.method(), logged(request), what,
                        SendPipeline.maskedBody(request));
            }
        }

        /** The next attempt's call, its timeout what is left of the deadline; a timeout once it has passed. */
        Call nextAttempt() {
            attempt++;
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                // Sent only if an earlier attempt may have been processed (not a 429, a 503, a refused connection).
                throw new CallTimeoutException("call deadline of " + timeout.toMillis() + " ms passed before attempt "
                        + attempt, null, finishedMayHaveBeenSent, attempt - 1);
            }
            tracker = new AttemptTracker();
            // Issue 15, binary downloads (thin-c): a request tagged FollowRedirects follows 3xx answers; OkHttp drops
            // the Authorization header when a redirect leaves the host.
            OkHttpClient client = request.tag(HttpResponse.FollowRedirects.class) == null ? http.get()
                    : http.get().newBuilder().followRedirects(true).build();
            call = client.newCall(tracker.attach(request));
            call.timeout().timeout(remaining, TimeUnit.MILLISECONDS);
            started = clock.millis();
            attemptOpen = true;
            return call;
        }

        /** The attempt is decided; what it may have sent is settled before it stops counting as open. */
        private void attemptClosed(boolean mayHaveBeenSent) {
            if (mayHaveBeenSent) {
                finishedMayHaveBeenSent = true;
            }
            attemptOpen = false;
        }

        /**
         * Whether any request of this call may have reached the server, holding back the open attempt's request if
         * it was not written yet, so that the answer stays true. Called by a cancel.
         */
        SendState stopAndTell() {
            boolean open = attemptOpen;
            AttemptTracker current = tracker;
            boolean sent = finishedMayHaveBeenSent;
            if (open && current != null && !current.holdBack()) {
                sent = true;
            }
            return sent ? SendState.MAY_HAVE_BEEN_SENT : SendState.NOT_SENT;
        }

        /** Whether the current attempt's request is held back, never to be written; it is held back if it can be. */
        boolean heldBack() {
            AttemptTracker current = tracker;
            return current != null && current.holdBack();
        }

        /** The 2xx answer read, and the recorder told. */
        R succeeded(HttpResponse response) {
            R value = read.apply(response);
            recorder.succeeded(facts.apply(value));
            return value;
        }

        /** The call ended without a result: its recorder hears how. */
        void failed(Throwable failure) {
            if (failure instanceof Connect8x8Exception typed) {
                Connect8x8Exception earlier = retriedAmbiguous;
                if (earlier != null && earlier != typed && typed.sendState() != SendState.MAY_HAVE_BEEN_SENT) {
                    // A later 429, 503, 4xx or unsent attempt does not undo what an earlier one may have sent.
                    typed.addSuppressed(earlier);
                }
                recorder.failed(typed);
            } else {
                recorder.failedUnexpectedly();
            }
        }

        /** A 2xx answer whose body the caller streams: the attempt is over, the body stays open. */
        Step afterUnreadSuccess(Response response) {
            attemptClosed(true);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} attempt {}: HTTP {}, body streamed", request.method(), logged(request), what,
                        attempt, response.code());
            }
            recorder.attemptFinished(attempt, response.code(), true, clock.millis() - started);
            return new Step(null, response, null, null);
        }

        /** The decision after an HTTP answer; the caller closes the response. */
        Step afterResponse(Response response) {
            int status = response.code();
            attemptClosed(status != 429 && status != 503);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} attempt {}: HTTP {} in {} ms", request.method(), logged(request), what, attempt,
                        status, clock.millis() - started);
            }
            if (status >= 200 && status < 300) {
                try {
                    return new Step(HttpResponse.of(status, readBody(response.body(), maxResponseBytes, status,
                            attempt, call, timeout), response.header("Content-Type"), attempt), null, null);
                } catch (Connect8x8Exception e) {
                    return new Step(null, e, null);
                } finally {
                    recorder.attemptFinished(attempt, status, true, clock.millis() - started);
                }
            }
            String errorBody = readCapped(response.body(), MAX_ERROR_BODY);
            recorder.attemptFinished(attempt, status, true, clock.millis() - started);
            Duration retryAfter = parseRetryAfter(response.header("Retry-After"));
            Connect8x8Exception failure = ResponseReader.failure(status, errorBody, retryAfter, region, attempt);
            boolean notProcessed = status == 429 || status == 503;
            boolean retryable = notProcessed || (status >= 500 && policy.retryAmbiguousFailures());
            if (!retryable || attempt >= policy.maxAttempts()) {
                return new Step(null, failure, null);
            }
            Duration wait = retryAfter != null && notProcessed ? retryAfter : backoff(policy, attempt);
            CallListener.RetryReason reason = status == 429 ? CallListener.RetryReason.RATE_LIMITED
                    : status == 503 ? CallListener.RetryReason.UNAVAILABLE : CallListener.RetryReason.SERVER_ERROR;
            return retry(wait, failure, reason);
        }

        /** The decision after an attempt that got no answer. */
        Step afterFailure(IOException e) {
            boolean sent = tracker.sendStarted();
            attemptClosed(sent);
            boolean timedOut = call.isCanceled() || clock.millis() >= deadline;
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} attempt {}: {} after {} ms (request {}sent)", request.method(), logged(request),
                        what, attempt, e.getClass().getSimpleName(), clock.millis() - started, sent ? "" : "not ");
            }
            recorder.attemptFinished(attempt, 0, sent, clock.millis() - started);
            if (timedOut && e instanceof InterruptedIOException) {
                return new Step(null, new CallTimeoutException("call deadline of " + timeout.toMillis()
                        + " ms passed during attempt " + attempt + (sent ? "; the message may have been sent" : ""),
                        e, sent, attempt), null);
            }
            Connect8x8Exception failure = new TransportException(describe(e) + " on attempt " + attempt
                    + (sent ? "; the message may have been sent" : "; the request was not sent"), e, sent, attempt);
            if ((sent && !policy.retryAmbiguousFailures()) || attempt >= policy.maxAttempts()) {
                return new Step(null, failure, null);
            }
            return retry(backoff(policy, attempt), failure, CallListener.RetryReason.CONNECTION);
        }

        /** A retry after the wait, unless the wait would pass the deadline. */
        private Step retry(Duration wait, Connect8x8Exception failure, CallListener.RetryReason reason) {
            if (clock.millis() + wait.toMillis() >= deadline) {
                LOG.debug("not retrying: a wait of {} ms would pass the deadline", wait.toMillis());
                return new Step(null, failure, null);
            }
            recorder.retryScheduled(attempt, wait, reason);
            if (failure.sendState() == SendState.MAY_HAVE_BEEN_SENT) {
                retriedAmbiguous = failure;
            }
            return new Step(null, failure, wait);
        }
    }

    /**
     * The async state machine of one call: an attempt on {@code enqueue}, its answer decided by {@link Run}, a wait
     * on the scheduler, the next attempt. At most one of these is pending at a time, so the run is handed from
     * thread to thread without overlapping. A stop (a cancel, or a completion from outside) and the start and end of
     * an attempt take the run's lock, so a stop either sees the attempt (and holds its request back, or learns it was
     * written, and then the attempt's end gives the place up) or keeps it from starting.
     */
    private final class AsyncRun<R> extends Run<R> implements Callback {
        /**
         * The call's future, whose cancel says whether the message went out: its {@link CancellationException} has a
         * {@link SendCancelledException} as its cause, which a plain {@code CompletableFuture} has no way to attach.
         * {@link #isCancelled()} stays true, as the contract requires.
         */
        final CompletableFuture<R> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                if (isDone()) {
                    return isCancelled();
                }
                SendCancelledException why = stop();
                CancellationException cancelled = new CancellationException(why.getMessage());
                cancelled.initCause(why);
                return completeExceptionally(cancelled) || isCancelled();
            }
        };
        /** Guarded by {@link #places}: whether this run took a place in flight, and whether it gave it back. */
        boolean holdsPlace;
        boolean placeReleased;
        private ScheduledFuture<?> pendingRetry;
        private Connect8x8Exception waitingAfter;
        /** Whether the run completes its future itself, its attempts over: set just before it does. */
        volatile boolean ended;
        /** What the call had sent when its caller completed the future; null while nobody has. Set once. */
        private volatile SendCancelledException stopped;
        /** Guarded by this run: an attempt's HTTP call is enqueued and its callback is not done with it. */
        private boolean httpCallOpen;

        AsyncRun(Exchange exchange, Function<HttpResponse, R> read, Function<R, RequestKind.ResultFacts> facts) {
            super(exchange, read, facts);
        }

        /** The call ended without a result: its recorder hears how, then the future. */
        void fail(Throwable failure) {
            ended = true;
            failed(failure);
            future.completeExceptionally(failure);
        }

        void attempt() {
            Call next;
            synchronized (this) {
                waitingAfter = null;
                if (stopped != null || future.isDone()) {
                    return;
                }
                try {
                    next = nextAttempt();
                } catch (Connect8x8Exception e) {
                    fail(e);
                    return;
                }
                httpCallOpen = true;
            }
            next.enqueue(this);
        }

        @Override
        public void onResponse(Call call, Response response) {
            Step step;
            try {
                try (response) {
                    step = afterResponse(response);
                }
            } catch (RuntimeException e) {
                if (attemptEnded()) {
                    fail(e);
                }
                return;
            }
            if (attemptEnded()) {
                next(step);
            }
        }

        @Override
        public void onFailure(Call call, IOException e) {
            Step step = afterFailure(e);
            if (attemptEnded()) {
                next(step);
            }
        }

        /**
         * The attempt's HTTP call is over, its response closed. {@return whether the run goes on} A stopped run's
         * place, kept while the call was on the wire, is given up now.
         */
        private boolean attemptEnded() {
            synchronized (this) {
                httpCallOpen = false;
                if (stopped == null) {
                    return true;
                }
            }
            finished(this);
            return false;
        }

        /**
         * Whether a stopped run keeps its place until its attempt ends: the attempt's HTTP call is open and its
         * request was (or is being) written. One held back unwritten never reaches the wire, so its place can go.
         */
        synchronized boolean awaitsAttemptEnd() {
            return httpCallOpen && !heldBack();
        }

        private void next(Step step) {
            if (stopped != null) {
                // The caller decided the outcome (and completed the future); this attempt's end is not it.
                return;
            }
            if (step.response != null) {
                try {
                    R value = succeeded(step.response);
                    ended = true;
                    future.complete(value);
                } catch (RuntimeException e) {
                    fail(e);
                }
                return;
            }
            if (step.delay == null) {
                fail(step.failure);
                return;
            }
            boolean rejected = false;
            // Scheduling and recording the retry under the lock that stop() and abandonWait() take: once the
            // future's cancel(true) has returned, the retry is cancelled or was never scheduled.
            synchronized (this) {
                if (stopped != null || future.isDone()) {
                    return;
                }
                waitingAfter = step.failure;
                try {
                    pendingRetry = scheduler().schedule(this::attempt, step.delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closedScheduler) {
                    rejected = true;
                }
            }
            if (rejected) {
                fail(step.failure);
            } else if (closed) {
                // close() may have looked at this run before the wait was recorded.
                abandonWait();
            }
        }

        /** The client closed during a wait: fail with the last attempt's failure. */
        void abandonWait() {
            Connect8x8Exception failure;
            synchronized (this) {
                failure = waitingAfter;
                if (failure == null || stopped != null) {
                    return;
                }
                cancelPendingRetry();
            }
            fail(failure);
        }

        /**
         * The caller completes the future (a cancel, or from outside): no further attempt starts and a pending retry
         * is cancelled, the open attempt's request is held back if it was not written, the listener hears the call
         * end as cancelled, then the open HTTP call is cancelled. The first stop decides; later ones return its answer.
         *
         * @return what the stopped call had sent
         */
        SendCancelledException stop() {
            Call open;
            SendCancelledException why;
            synchronized (this) {
                if (stopped != null) {
                    return stopped;
                }
                why = new SendCancelledException(stopAndTell(), attempt);
                stopped = why;
                open = httpCallOpen ? call : null;
                cancelPendingRetry();
            }
            // Told before the HTTP call is cancelled: the listener hears this call end before its place is handed on.
            recorder.cancelled(why);
            if (open != null) {
                open.cancel();
            }
            return why;
        }

        private void cancelPendingRetry() {
            ScheduledFuture<?> retry = pendingRetry;
            if (retry != null) {
                retry.cancel(false);
            }
        }
    }

    private ScheduledExecutorService scheduler() {
        if (closed) {
            throw new RejectedExecutionException("the client is closed");
        }
        return scheduler.get();
    }
    private void sleep(Duration wait, Connect8x8Exception failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private Duration backoff(RetryPolicy policy, int attempt) {
        double cap = Math.min(policy.maxBackoff().toMillis(),
                policy.initialBackoff().toMillis() * Math.pow(2, attempt - 1));
        return Duration.ofMillis((long) (random.getAsDouble() * cap));
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    /** Retry-After as seconds or an HTTP date (measured on the client's clock); null when absent or unreadable. */
    private Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), when.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private static byte[] readBody(ResponseBody body, long max, int status, int attempts, Call call,
                                   Duration timeout) {
        if (body == null) {
            return new byte[0];
        }
        try {
            long declared = body.contentLength();
            if (declared > max) {
                // Cancelling first stops OkHttp from draining the rest of the body when the response is closed.
                call.cancel();
                throw new UnexpectedResponseException("response body of " + declared + " bytes exceeds the limit of "
                        + max, status, "", null, attempts);
            }
            BufferedSource source = body.source();
            if (source.request(max + 1)) {
                call.cancel();
                throw new UnexpectedResponseException("response body exceeds the limit of " + max + " bytes",
                        status, "", null, attempts);
            }
            return source.getBuffer().readByteArray();
        } catch (IOException e) {
            // The call timeout also covers the body: a server that sends it too slowly is a deadline, as for headers.
            if (e instanceof InterruptedIOException && call.isCanceled()) {
                throw new CallTimeoutException("call deadline of " + timeout.toMillis() + " ms passed while reading "
                        + "the response of attempt " + attempts + "; the message may have been sent", e, true,
                        attempts);
            }
            throw new TransportException("reading the response failed: " + describe(e)
                    + "; the message may have been sent", e, true, attempts);
        }
    }

    private static String readCapped(ResponseBody body, long max) {
        if (body == null) {
            return "";
        }
        try {
            BufferedSource source = body.source();
            source.request(max);
            long size = Math.min(max, source.getBuffer().size());
            return source.getBuffer().readString(size, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
