package io.connect8x8.internal;

import io.connect8x8.ApiError;
import io.connect8x8.CallTimeoutException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RateLimitException;
import io.connect8x8.Region;
import io.connect8x8.RetryPolicy;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one API call: attempts, waits and the deadline. The rules (see {@link RetryPolicy}): a 429 waits for its
 * Retry-After; a 503 or a failure before the request was written backs off with full jitter; anything after which
 * the message may have been processed is retried only when the policy opts in. No wait passes the deadline, and
 * every attempt's OkHttp call timeout is what is left of it.
 */
public final class Transport implements CallExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("io.connect8x8.http");
    /** Error bodies are kept up to this size: enough for any envelope or proxy page. */
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Region region;
    private final long maxResponseBytes;
    private final boolean logContent;

    /**
     * @param http the client to execute on, with {@link AttemptTracker#LISTENER_FACTORY} installed
     * @param clock the clock deadlines are measured on
     * @param sleeper how to wait between attempts
     * @param random uniform [0, 1) for jitter; null for the default
     * @param region the configured region, for error hints; null with custom URLs
     * @param maxResponseBytes the largest success body read
     * @param logContent whether debug logs may show request bodies (phone numbers still masked)
     */
    public Transport(OkHttpClient http, Clock clock, Sleeper sleeper, DoubleSupplier random, Region region,
                     long maxResponseBytes, boolean logContent) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random != null ? random : () -> ThreadLocalRandom.current().nextDouble();
        this.region = region;
        this.maxResponseBytes = maxResponseBytes;
        this.logContent = logContent;
    }

    /**
     * Executes one call of the pipeline.
     *
     * @param call the request and its rules
     * @return the 2xx response
     * @throws Connect8x8Exception the mapped failure
     */
    @Override
    public HttpResponse execute(CallExecutor.Exchange call) {
        return execute(call.request(), call.policy(), call.timeout(), call.what());
    }

    /**
     * Executes the request under the policy and deadline.
     *
     * @param request the request the generated client built
     * @param policy the retry policy
     * @param timeout the whole call's deadline
     * @param what what is sent, for logs (already masked; rendered only when logged)
     * @return the 2xx response
     * @throws Connect8x8Exception the mapped failure
     */
    private HttpResponse execute(Request request, RetryPolicy policy, Duration timeout, Object what) {
        long deadline = clock.millis() + timeout.toMillis();
        if (logContent && LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} body: {}", request.method(), request.url(), what,
                    Redaction.maskPhonesInJson(SendPipeline.preview(request).body()));
        }
        int attempt = 0;
        while (true) {
            attempt++;
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                throw new CallTimeoutException("call deadline of " + timeout.toMillis() + " ms passed before attempt "
                        + attempt, null, attempt > 1, attempt - 1);
            }
            AttemptTracker tracker = new AttemptTracker();
            Call call = http.newCall(tracker.attach(request));
            call.timeout().timeout(remaining, TimeUnit.MILLISECONDS);
            long started = clock.millis();
            Duration wait;
            Connect8x8Exception failure;
            try (Response response = call.execute()) {
                int status = response.code();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} attempt {}: HTTP {} in {} ms", request.method(), request.url(), what, attempt,
                            status, clock.millis() - started);
                }
                if (status >= 200 && status < 300) {
                    String body = readBody(response.body(), maxResponseBytes, status, attempt, call, timeout);
                    return new HttpResponse(status, body, attempt);
                }
                String errorBody = readCapped(response.body(), MAX_ERROR_BODY);
                ApiError error = ErrorMapper.parse(status, errorBody);
                Duration retryAfter = parseRetryAfter(response.header("Retry-After"));
                failure = ErrorMapper.toException(error, retryAfter, region, attempt);
                boolean notProcessed = status == 429 || status == 503;
                boolean retryable = notProcessed || (status >= 500 && policy.retryAmbiguousFailures());
                if (!retryable || attempt >= policy.maxAttempts()) {
                    throw failure;
                }
                wait = retryAfter != null && notProcessed ? retryAfter : backoff(policy, attempt);
            } catch (IOException e) {
                boolean sent = tracker.sendStarted();
                boolean timedOut = call.isCanceled() || clock.millis() >= deadline;
                LOG.debug("{} {} {} attempt {}: {} after {} ms (request {}sent)", request.method(), request.url(),
                        what, attempt, e.getClass().getSimpleName(), clock.millis() - started, sent ? "" : "not ");
                if (timedOut && e instanceof InterruptedIOException) {
                    throw new CallTimeoutException("call deadline of " + timeout.toMillis() + " ms passed during attempt "
                            + attempt + (sent ? "; the message may have been sent" : ""), e, sent, attempt);
                }
                failure = new TransportException(describe(e) + " on attempt " + attempt
                        + (sent ? "; the message may have been sent" : "; the request was not sent"), e, sent, attempt);
                if ((sent && !policy.retryAmbiguousFailures()) || attempt >= policy.maxAttempts()) {
                    throw failure;
                }
                wait = backoff(policy, attempt);
            }
            if (clock.millis() + wait.toMillis() >= deadline) {
                LOG.debug("not retrying: a wait of {} ms would pass the deadline", wait.toMillis());
                throw failure;
            }
            sleep(wait, failure);
        }
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

    private static String readBody(ResponseBody body, long max, int status, int attempts, Call call,
                                   Duration timeout) {
        if (body == null) {
            return "";
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
            return source.getBuffer().readString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The call timeout also covers the body: a server that sends it too slowly is a deadline, as for headers.
            if (e instanceof InterruptedIOException && call.isCanceled()) {
                throw new CallTimeoutException("call deadline of " + timeout.toMillis() + " ms passed while reading "
                        + "the response of attempt " + attempts + "; the message may have been sent", e, true, attempts);
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
