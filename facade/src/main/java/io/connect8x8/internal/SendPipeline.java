package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.connect8x8.ClientClosedException;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okhttp3.Request;
import okio.Buffer;

/**
 * The one send pipeline of one API, for every kind of request, read top to bottom in {@link #send}:
 * <ol>
 *   <li>prepare: the builders have checked their own fields; here run the checks that need the clock or the call's
 *       context (schedules, the sub-account), the same for single and batch sends of both APIs, and the client ids
 *       are fixed once, before the first attempt;</li>
 *   <li>map: the {@link RequestKind} builds the generated model, and the generated API the HTTP request;</li>
 *   <li>execute: the {@link CallExecutor} (the transport: attempts, retries, deadline);</li>
 *   <li>read: the body is parsed once and read leniently by the kind's reader.</li>
 * </ol>
 * Previews run the first two steps only. Immutable and thread-safe.
 */
public final class SendPipeline {

    /** A generator of random ids: UUIDs. */
    public static final Supplier<String> RANDOM_IDS = () -> UUID.randomUUID().toString();

    private final CallExecutor executor;
    private final Clock clock;
    private final String subAccountId;
    private final Duration timeout;
    private final RetryPolicy retryPolicy;
    private final Supplier<String> ids;
    private final BooleanSupplier closed;

    /**
     * Creates the pipeline of one API.
     *
     * @param executor executes requests
     * @param clock the clock schedules are checked against
     * @param subAccountId the default sub-account, or null
     * @param timeout the default deadline
     * @param retryPolicy the default retry policy
     * @param ids generates client ids; null disables generation
     * @param closed whether the client was closed
     */
    public SendPipeline(CallExecutor executor, Clock clock, String subAccountId, Duration timeout,
                        RetryPolicy retryPolicy, Supplier<String> ids, BooleanSupplier closed) {
        this.executor = executor;
        this.clock = clock;
        this.subAccountId = subAccountId;
        this.timeout = timeout;
        this.retryPolicy = retryPolicy;
        this.ids = ids;
        this.closed = closed;
    }

    /**
     * Sends: prepare, map, execute, read.
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's overrides
     * @param <I> the input type
     * @param <M> the generated model type
     * @param <R> the result type
     * @return the result
     * @throws Connect8x8Exception every failure, typed
     */
    public <I, M, R> R send(RequestKind<I, M, R> kind, I input, RequestOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        if (closed.getAsBoolean()) {
            throw new ClientClosedException();
        }
        Request request = prepareAndMap(kind, input, options);
        Object what = new Object() {
            // Rendered only when a log line shows it.
            @Override
            public String toString() {
                return kind.describe(input);
            }
        };
        HttpResponse response = executor.execute(new CallExecutor.Exchange(request,
                options.retryPolicy().orElse(retryPolicy), options.timeout().orElse(timeout), what));
        return read(kind, response);
    }

    /**
     * The request {@link #send} would make, without sending it.
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param <I> the input type
     * @return the request, the key redacted
     */
    public <I> RequestPreview preview(RequestKind<I, ?, ?> kind, I input) {
        Objects.requireNonNull(input, "input");
        return preview(prepareAndMap(kind, input, RequestOptions.DEFAULT));
    }

    private <I, M> Request prepareAndMap(RequestKind<I, M, ?> kind, I input, RequestOptions options) {
        RequestKind.Ids fixed = prepare(kind, input, options);
        String subAccount = subAccount(options);
        M model = kind.toModel(input, fixed);
        try {
            return kind.call(subAccount, model).request();
        } catch (Exception e) {
            throw new IllegalStateException("the generated client refused to build the request", e);
        }
    }

    /**
     * The prepare step: every check that needs the clock, and the ids, for single and batch sends alike.
     */
    private <I> RequestKind.Ids prepare(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
        RequestKind.BatchFacts batch = kind.batch(input);
        if (batch != null) {
            try {
                checkTimes(batch.templateScheduled(), batch.templateExpiry());
            } catch (ValidationException e) {
                throw e.within("template");
            }
        }
        List<RequestKind.MessageFacts> messages = kind.messages(input);
        List<String> messageIds = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            RequestKind.MessageFacts message = messages.get(i);
            try {
                checkTimes(message.scheduled(), message.expiry());
            } catch (ValidationException e) {
                throw batch == null ? e : e.within("messages[" + i + "]");
            }
            messageIds.add(clientId(message.clientMessageId(), message.maxIdLength()));
        }
        String batchId = batch == null ? null : clientId(batch.clientBatchId(), batch.maxIdLength());
        return new RequestKind.Ids(batchId, messageIds);
    }

    private void checkTimes(OffsetDateTime scheduled, OffsetDateTime expiry) {
        Checks.schedule("scheduled", scheduled, clock);
        Checks.expiry("expiry", expiry, scheduled, clock);
    }

    /** The sub-account of this call: the option's, else the client's; checked against 8x8's pattern. */
    private String subAccount(RequestOptions options) {
        String id = options.subAccountId().orElse(subAccountId);
        if (id == null) {
            throw new ValidationException("subAccountId", "is required: set it on the client or the call");
        }
        // The client's own was checked when it was built.
        return id == subAccountId ? id : Checks.subAccountId("subAccountId", id);
    }

    /** A fresh client id of at most {@code maxLength} characters, or the caller's; null when generation is off. */
    private String clientId(String given, int maxLength) {
        if (given != null || ids == null) {
            return given;
        }
        String id = ids.get();
        if (id.length() > maxLength) {
            id = id.replace("-", "");
        }
        return id.length() > maxLength ? id.substring(0, maxLength) : id;
    }

    /** The read step: the body parsed once; anything unusable becomes an {@link UnexpectedResponseException}. */
    private static <R> R read(RequestKind<?, ?, R> kind, HttpResponse response) {
        try {
            JsonElement element = JsonParser.parseString(response.body());
            if (!element.isJsonObject()) {
                throw new IllegalStateException("the body is not a JSON object");
            }
            return kind.read(element.getAsJsonObject());
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

    /**
     * Renders a request for a preview, the Authorization value redacted.
     *
     * @param request the request
     * @return the preview
     */
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
