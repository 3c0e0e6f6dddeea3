package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.connect8x8.CallListener;
import io.connect8x8.ClientClosedException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.RetryPolicy;
import io.connect8x8.SendState;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Request;
import okio.Buffer;

/**
 * The send pipeline of one API: prepare (the {@link Validation} step, client ids fixed before the first attempt),
 * map (the {@link RequestKind} builds the model, the generated API the request), execute (the {@link CallExecutor}),
 * read (the body parsed once). {@link #execute} and {@link #executeAsync} are also the generic path's execute step.
 * Immutable and thread-safe.
 */
public final class SendPipeline {

    /** A generator of random ids: UUIDs. */
    public static final Supplier<String> RANDOM_IDS = () -> UUID.randomUUID().toString();

    private final CallExecutor executor;
    private final CallListener.Api api;
    private final CallListener listener;
    private final Clock clock;
    private final Validation validation;
    private final Duration timeout;
    private final RetryPolicy retryPolicy;
    private final Supplier<String> ids;
    private final BooleanSupplier closed;

    /**
     * Creates the pipeline of one API.
     *
     * @param executor executes requests
     * @param api the API this pipeline sends to, for the listener
     * @param listener observes each call
     * @param clock the clock schedules are checked against
     * @param subAccountId the default sub-account, or null
     * @param timeout the default deadline
     * @param retryPolicy the default retry policy
     * @param ids generates client ids; null disables generation
     * @param closed whether the client was closed
     */
    public SendPipeline(CallExecutor executor, CallListener.Api api, CallListener listener, Clock clock,
                        String subAccountId, Duration timeout, RetryPolicy retryPolicy, Supplier<String> ids,
                        BooleanSupplier closed) {
        this.executor = executor;
        this.api = api;
        this.listener = listener;
        this.clock = clock;
        this.validation = new Validation(clock, subAccountId);
        this.timeout = timeout;
        this.retryPolicy = retryPolicy;
        this.ids = ids;
        this.closed = closed;
    }

    /**
     * {@return the result of a send: prepare, map, execute, read; every failure thrown typed}
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's overrides
     * @param <I> the input type
     * @param <R> the result type
     */
    public <I, R> R send(RequestKind<I, ?, R> kind, I input, RequestOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        if (closed.getAsBoolean()) {
            throw new ClientClosedException();
        }
        return execute(executor, exchange(kind, input, options, false), r -> read(kind, r), kind::resultFacts);
    }

    /**
     * {@return the result of {@link #send} without blocking; every failure it would throw completes the future}
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's overrides
     * @param <I> the input type
     * @param <R> the result type
     */
    public <I, R> CompletableFuture<R> sendAsync(RequestKind<I, ?, R> kind, I input, RequestOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        CallExecutor.Exchange exchange;
        try {
            if (closed.getAsBoolean()) {
                throw new ClientClosedException();
            }
            exchange = exchange(kind, input, options, true);
        } catch (Connect8x8Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return executeAsync(executor, exchange, r -> read(kind, r), kind::resultFacts);
    }

    /**
     * {@return the answer read} Executes an exchange, blocking, and tells its recorder how the call ended.
     *
     * @param executor the transport
     * @param exchange the request, its rules and its recorder
     * @param read reads the 2xx answer
     * @param facts what the result tells the listener
     * @param <R> the result type
     */
    public static <R> R execute(CallExecutor executor, CallExecutor.Exchange exchange,
                                Function<HttpResponse, R> read, Function<R, RequestKind.ResultFacts> facts) {
        CallRecorder recorder = exchange.recorder();
        try {
            R result = read.apply(executor.execute(exchange));
            recorder.succeeded(facts.apply(result));
            return result;
        } catch (Connect8x8Exception e) {
            recorder.failed(e);
            throw e;
        } catch (RuntimeException | Error e) {
            recorder.failedUnexpectedly();
            throw e;
        }
    }

    /**
     * {@return the answer of {@link #execute} without blocking} A cancel cancels the HTTP call and any pending retry.
     *
     * @param executor the transport
     * @param exchange the request, its rules and its recorder
     * @param read reads the 2xx answer
     * @param facts what the result tells the listener
     * @param <R> the result type
     */
    public static <R> CompletableFuture<R> executeAsync(CallExecutor executor, CallExecutor.Exchange exchange,
                                                        Function<HttpResponse, R> read,
                                                        Function<R, RequestKind.ResultFacts> facts) {
        CallRecorder recorder = exchange.recorder();
        CompletableFuture<HttpResponse> execution = executor.executeAsync(exchange);
        SendFuture<R> result = new SendFuture<>();
        // A cancel stops the execution first, which tells what it had sent.
        result.onCancel(() -> {
            execution.cancel(true);
            return SendFuture.causeOf(execution);
        });
        execution.whenComplete((response, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            try {
                if (cause == null) {
                    R value = read.apply(response);
                    recorder.succeeded(facts.apply(value));
                    result.complete(value);
                    return;
                }
            } catch (Connect8x8Exception e) {
                cause = e;
            }
            if (cause instanceof Connect8x8Exception typed) {
                recorder.failed(typed);
            } else if (!(cause instanceof CancellationException)) {
                recorder.failedUnexpectedly();
            }
            result.completeExceptionally(cause);
        });
        result.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException cancelled) {
                recorder.cancelled(cancelled.getCause() instanceof Connect8x8Exception why ? why.sendState()
                        : SendState.MAY_HAVE_BEEN_SENT);
            }
        });
        return result;
    }

    /** Prepare and map, and the call's observer started: what the execute step runs. */
    private <I> CallExecutor.Exchange exchange(RequestKind<I, ?, ?> kind, I input, RequestOptions options,
                                               boolean async) {
        RequestKind.Ids fixed = prepare(kind, input, options);
        Request request = map(kind, input, options, fixed);
        CallListener observers = options.listener().map(call -> CallRecorder.both(listener, call)).orElse(listener);
        CallRecorder recorder = CallRecorder.start(observers, clock, new CallListener.CallInfo(api,
                kind.batch(input) != null ? CallListener.Operation.SEND_BATCH : CallListener.Operation.SEND,
                fixed.messageIds().size(), async, null));
        Object what = new Object() {
            // Rendered only when a log line shows it.
            @Override
            public String toString() {
                return kind.describe(input);
            }
        };
        return new CallExecutor.Exchange(request, options.retryPolicy().orElse(retryPolicy),
                options.timeout().orElse(timeout), what, recorder);
    }

    /**
     * {@return the request {@link #send} would make, the key redacted, without sending it}
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param <I> the input type
     */
    public <I> RequestPreview preview(RequestKind<I, ?, ?> kind, I input) {
        Objects.requireNonNull(input, "input");
        RequestKind.Ids fixed = prepare(kind, input, RequestOptions.DEFAULT);
        return preview(map(kind, input, RequestOptions.DEFAULT, fixed));
    }

    private <I, M> Request map(RequestKind<I, M, ?> kind, I input, RequestOptions options, RequestKind.Ids fixed) {
        String subAccount = validation.subAccount(options);
        M model = kind.toModel(input, fixed);
        try {
            return kind.call(subAccount, model).request();
        } catch (Exception e) {
            throw new IllegalStateException("the generated client refused to build the request", e);
        }
    }

    /**
     * {@return every violation of the input for a send with these options; empty when it would be sent}
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's options
     * @param <I> the input type
     */
    public <I> List<ValidationException> validate(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        return validation.violations(kind, input, options);
    }

    /** The {@link Validation} step (its first violation is thrown), then the ids, fixed once. */
    private <I> RequestKind.Ids prepare(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
        List<ValidationException> found = new ArrayList<>(0);
        List<RequestKind.MessageFacts> messages = validation.beforeMapping(kind, input, options, found);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
        List<String> messageIds = new ArrayList<>(messages.size());
        for (RequestKind.MessageFacts message : messages) {
            messageIds.add(clientId(message.clientMessageId(), message.maxIdLength()));
        }
        RequestKind.BatchFacts batch = kind.batch(input);
        String batchId = batch == null ? null : clientId(batch.clientBatchId(), batch.maxIdLength());
        return new RequestKind.Ids(batchId, messageIds);
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

    /** The body parsed once; anything unusable becomes an {@link UnexpectedResponseException}. */
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

    /**
     * {@return the first line of a failure's message (or its type's name), at most 200 characters}
     *
     * @param e the failure
     */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /**
     * {@return a request rendered for a preview, the Authorization value redacted}
     *
     * @param request the request
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
