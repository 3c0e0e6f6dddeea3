package io.connect8x8.internal;

import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;

/**
 * The execute step of the send pipeline: one request under its retry policy and deadline, to a 2xx response or a
 * typed failure, blocking or not; the exchange's {@link CallRecorder} hears of each attempt and wait.
 */
public interface CallExecutor {

    /**
     * Executes a request.
     *
     * @param exchange the request and the rules it runs under
     * @return the 2xx response, read whole
     * @throws Connect8x8Exception the mapped failure, with its {@link io.connect8x8.SendState}
     */
    HttpResponse execute(Exchange exchange);

    /**
     * Executes a request without blocking, as {@link #execute}; cancelling the future cancels the call.
     *
     * @param exchange the request and the rules it runs under
     * @return the 2xx response, or the failure {@link #execute} would throw
     */
    CompletableFuture<HttpResponse> executeAsync(Exchange exchange);

    /**
     * One call to execute.
     *
     * @param request the request the generated client built
     * @param policy the retry policy
     * @param timeout the whole call's deadline
     * @param what what is sent, for logs (phone numbers masked), rendered only when a log line is written
     * @param recorder the call's observer
     */
    record Exchange(Request request, RetryPolicy policy, Duration timeout, Object what, CallRecorder recorder) {
    }
}
