package io.connect8x8.internal;

import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RetryPolicy;
import java.time.Duration;
import okhttp3.Request;

/**
 * The execute step of the send pipeline: one request under its retry policy and deadline, to a 2xx response or a
 * typed failure. The seam later work plugs into (an asynchronous executor, an observer timing each call) without a
 * second path: {@link Transport} is the one implementation today.
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
     * One call to execute.
     *
     * @param request the request the generated client built
     * @param policy the retry policy
     * @param timeout the whole call's deadline
     * @param what what is sent, for logs (phone numbers already masked): its {@code toString()}, called only when a
     *     log line is written
     */
    record Exchange(Request request, RetryPolicy policy, Duration timeout, Object what) {
    }
}
