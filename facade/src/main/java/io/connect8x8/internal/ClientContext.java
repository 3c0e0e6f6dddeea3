package io.connect8x8.internal;

import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.RetryPolicy;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Request;
import okio.Buffer;

/**
 * What every call of one API shares: the transport, the defaults the per-call options merge over, the clock for
 * schedule checks and the generator of client ids.
 *
 * @param transport executes requests
 * @param clock the clock
 * @param subAccountId the default sub-account, or null
 * @param timeout the default deadline
 * @param retryPolicy the default retry policy
 * @param ids generates client ids; null disables generation
 */
public record ClientContext(Transport transport, Clock clock, String subAccountId, Duration timeout,
                            RetryPolicy retryPolicy, Supplier<String> ids) {

    /** A generator of random ids: UUIDs. */
    public static final Supplier<String> RANDOM_IDS = () -> UUID.randomUUID().toString();

    /** The sub-account of this call: the option's, else the client's; checked against 8x8's pattern. */
    public String subAccount(RequestOptions options) {
        String id = options.subAccountId().orElse(subAccountId);
        if (id == null) {
            throw new ValidationException("subAccountId", "is required: set it on the client or the call");
        }
        return Checks.subAccountId("subAccountId", id);
    }

    /**
     * A fresh client id of at most {@code maxLength} characters, or the caller's when given; null when generation
     * is off.
     */
    public String clientId(String given, int maxLength) {
        if (given != null || ids == null) {
            return given;
        }
        String id = ids.get();
        if (id.length() > maxLength) {
            id = id.replace("-", "");
        }
        return id.length() > maxLength ? id.substring(0, maxLength) : id;
    }

    /**
     * Sends a request and parses the 2xx body; a body that cannot be parsed becomes an
     * {@link UnexpectedResponseException} with the status and raw body.
     */
    public <T> T call(Request request, RequestOptions options, String what,
                      Function<com.google.gson.JsonObject, T> parser) {
        RetryPolicy policy = options.retryPolicy().orElse(retryPolicy);
        Duration deadline = options.timeout().orElse(timeout);
        HttpResponse response = transport.execute(request, policy, deadline, what);
        try {
            return parser.apply(Json.object(response.body()));
        } catch (Connect8x8Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnexpectedResponseException("unusable response body: " + firstLine(e), response.status(),
                    response.body(), e, response.attempts());
        }
    }

    private static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** A generated API's {@code ...Call} method, which declares its own package's checked ApiException. */
    @FunctionalInterface
    public interface GeneratedCall {
        /** @return the unexecuted call @throws Exception the generated ApiException */
        okhttp3.Call build() throws Exception;
    }

    /**
     * The request a generated API builds, without executing it: its URL, headers and serialised body are the
     * spec's.
     */
    public static Request requestOf(GeneratedCall call) {
        try {
            return call.build().request();
        } catch (Exception e) {
            throw new IllegalStateException("the generated client refused to build the request", e);
        }
    }

    /**
     * Checks a message's schedule against the client's clock: not in the past, at most 7 days ahead, expiry after
     * it.
     */
    public void checkTimes(java.time.OffsetDateTime scheduled, java.time.OffsetDateTime expiry) {
        Checks.schedule("scheduled", scheduled, clock);
        Checks.expiry("expiry", expiry, scheduled, clock);
    }

    /** Renders a request for a preview, the Authorization value redacted. */
    public static RequestPreview preview(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.headers().names()) {
            headers.put(name, name.equalsIgnoreCase("Authorization") ? "Bearer ****" : request.header(name));
        }
        String body = "";
        if (request.body() != null) {
            if (request.body().contentType() != null) {
                // OkHttp sends the body's media type (with its charset) in place of any Content-Type header.
                headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
                headers.put("Content-Type", request.body().contentType().toString());
            }
            try (Buffer buffer = new Buffer()) {
                request.body().writeTo(buffer);
                body = buffer.readString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("an in-memory body failed to render", e);
            }
        }
        return new RequestPreview(request.method(), request.url().toString(), headers, body);
    }
}
