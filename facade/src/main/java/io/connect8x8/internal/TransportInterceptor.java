package io.connect8x8.internal;

import io.connect8x8.ApiErrorException;
import io.connect8x8.CallListener;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs the escape hatch's generated APIs on the client's transport (retries by the method's nature, deadline,
 * listener), not on a second HTTP stack. An API error comes back as the HTTP answer it was, so the generated code
 * throws its own {@code ApiException}; a failure without an answer is an {@link IOException} caused by the typed one.
 */
public final class TransportInterceptor implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Transport transport;
    private final CallListener listener;
    private final Clock clock;
    private final Duration timeout;
    private final RetryPolicy policy;
    private final CallListener.Api api;

    /**
     * @param transport the client's transport
     * @param listener the client's listener
     * @param clock the client's clock
     * @param timeout the client's call deadline
     * @param policy the client's retry policy
     * @param api the API, for the listener
     */
    public TransportInterceptor(Transport transport, CallListener listener, Clock clock, Duration timeout,
                                RetryPolicy policy, CallListener.Api api) {
        this.transport = transport;
        this.listener = listener;
        this.clock = clock;
        this.timeout = timeout;
        this.policy = policy;
        this.api = api;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        okhttp3.Request request = chain.request();
        String method = request.method();
        boolean idempotent = !"POST".equals(method) && !"PATCH".equals(method);
        RetryPolicy rules = policy.retryAmbiguousFailures() == idempotent ? policy
                : policy.toBuilder().retryAmbiguousFailures(idempotent).build();
        CallRecorder recorder = CallRecorder.start(listener, clock,
                new CallListener.CallInfo(api, CallListener.Operation.CALL, 0, false, null));
        int status;
        String body;
        try {
            HttpResponse response = transport.execute(new Transport.Exchange(request, rules, timeout,
                    method + " (generated API)", recorder), answer -> answer, answer -> RequestKind.ResultFacts.NONE);
            status = response.status();
            body = response.body();
        } catch (ApiErrorException e) {
            status = e.httpStatus();
            body = e.rawBody() == null ? "" : e.rawBody();
        } catch (Connect8x8Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(status).message("")
                .body(ResponseBody.create(body, JSON)).build();
    }
}
