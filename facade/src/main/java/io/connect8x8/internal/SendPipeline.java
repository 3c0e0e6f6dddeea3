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
import java.util.function.Supplier;
import okhttp3.Request;
import okio.Buffer;

/**
 * The one send pipeline of one API, for every kind of request, read top to bottom in {@link #send}:
 * <ol>
 *   <li>prepare: the builders have checked their own fields; the {@link Validation} step runs every other check
 *       (required fields, the clock, the sub-account), the same for single and batch sends of both APIs, and the
 *       client ids are fixed once, before the first attempt;</li>
 *   <li>map: the {@link RequestKind} builds the generated model, and the generated API the HTTP request;</li>
 *   <li>execute: the {@link CallExecutor} (the transport: attempts, retries, deadline);</li>
 *   <li>read: the body is parsed once and read leniently by the kind's reader.</li>
 * </ol>
 * {@link #sendAsync} runs the same steps, the execute step without blocking. The {@link CallListener} observes each
 * call from the execute step to its end. Previews run the first two steps only. Immutable and thread-safe.
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
        Prepared prepared = prepareAndMap(kind, input, options);
        CallRecorder recorder = startCall(prepared, false, options);
        try {
            R result = read(kind, executor.execute(exchange(kind, input, options, prepared, recorder)));
            recorder.succeeded(kind.resultFacts(result));
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
     * Sends without blocking: the same steps as {@link #send}, the execute step on OkHttp's {@code enqueue} and
     * the client's scheduler. Never throws for a failure of the send: a closed client, input refused by the
     * prepare step, and every failure {@link #send} would throw complete the future exceptionally with the same
     * typed exception. Cancelling the future cancels the HTTP call in flight and any pending retry.
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's overrides
     * @param <I> the input type
     * @param <M> the generated model type
     * @param <R> the result type
     * @return the result, or the typed failure
     * @throws NullPointerException when the input or options are null
     */
    public <I, M, R> CompletableFuture<R> sendAsync(RequestKind<I, M, R> kind, I input, RequestOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        Prepared prepared;
        try {
            if (closed.getAsBoolean()) {
                throw new ClientClosedException();
            }
            prepared = prepareAndMap(kind, input, options);
        } catch (Connect8x8Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        CallRecorder recorder = startCall(prepared, true, options);
        CompletableFuture<HttpResponse> execution = executor.executeAsync(
                exchange(kind, input, options, prepared, recorder));
        SendFuture<R> result = new SendFuture<>();
        // A cancel stops the execution first, which tells what it had sent.
        result.onCancel(() -> {
            execution.cancel(true);
            return SendFuture.causeOf(execution);
        });
        execution.whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof Connect8x8Exception typed) {
                    recorder.failed(typed);
                } else if (!(cause instanceof CancellationException)) {
                    recorder.failedUnexpectedly();
                }
                result.completeExceptionally(cause);
                return;
            }
            try {
                R value = read(kind, response);
                recorder.succeeded(kind.resultFacts(value));
                result.complete(value);
            } catch (Connect8x8Exception e) {
                recorder.failed(e);
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException cancelled) {
                recorder.cancelled(cancelled.getCause() instanceof Connect8x8Exception why ? why.sendState()
                        : SendState.MAY_HAVE_BEEN_SENT);
            }
        });
        return result;
    }

    private CallRecorder startCall(Prepared prepared, boolean async, RequestOptions options) {
        CallListener observers = options.listener().map(call -> CallRecorder.both(listener, call)).orElse(listener);
        return CallRecorder.start(observers, clock, new CallListener.CallInfo(api,
                prepared.batch() ? CallListener.Operation.SEND_BATCH : CallListener.Operation.SEND,
                prepared.messages(), async));
    }

    private <I> CallExecutor.Exchange exchange(RequestKind<I, ?, ?> kind, I input, RequestOptions options,
                                               Prepared prepared, CallRecorder recorder) {
        Object what = new Object() {
            // Rendered only when a log line shows it.
            @Override
            public String toString() {
                return kind.describe(input);
            }
        };
        return new CallExecutor.Exchange(prepared.request(), options.retryPolicy().orElse(retryPolicy),
                options.timeout().orElse(timeout), what, recorder);
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
        return preview(prepareAndMap(kind, input, RequestOptions.DEFAULT).request());
    }

    /** A request ready to execute, and what the listener is told of it. */
    private record Prepared(Request request, boolean batch, int messages) {
    }

    private <I, M> Prepared prepareAndMap(RequestKind<I, M, ?> kind, I input, RequestOptions options) {
        RequestKind.Ids fixed = prepare(kind, input, options);
        String subAccount = validation.subAccount(options);
        M model = kind.toModel(input, fixed);
        try {
            return new Prepared(kind.call(subAccount, model).request(), kind.batch(input) != null,
                    fixed.messageIds().size());
        } catch (Exception e) {
            throw new IllegalStateException("the generated client refused to build the request", e);
        }
    }

    /**
     * Every violation of the input for a send with these options (the {@link Validation} step, the mapping's enum
     * checks included), without sending: what {@code validate(..)} of the operations returns.
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's options
     * @param <I> the input type
     * @return the violations; empty when the input would be sent
     */
    public <I> List<ValidationException> validate(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        return validation.violations(kind, input, options);
    }

    /**
     * The prepare step: the {@link Validation} step (its first violation is thrown), then the ids, fixed once.
     */
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
