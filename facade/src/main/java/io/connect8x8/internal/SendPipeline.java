package io.connect8x8.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.connect8x8.CallListener;
import io.connect8x8.ClientClosedException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.Masking;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.Request;
import okio.Buffer;

/**
 * The send pipeline of one API: prepare (the one validation step, client ids fixed before the first attempt), map
 * (the {@link RequestKind} builds the model, the generated API the request), execute (the {@link Transport}), read
 * (the body parsed once). The first violation is thrown before any network I/O; {@link #validate} (campaigns and the
 * CLI refuse one bad message alone with it) returns them all. Immutable and thread-safe.
 */
public final class SendPipeline {

    /** A generator of random ids: UUIDs. */
    public static final Supplier<String> RANDOM_IDS = () -> UUID.randomUUID().toString();

    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(7);
    /** The members of requests (and the query parameters) that hold phone numbers: a log export filters on one. */
    static final Set<String> PHONE_FIELDS = Set.of("destination", "destinations", "msisdn", "phoneNumber");
    /** The members whose values content logs hide: a webhook's Authorization value and OAuth client secret. */
    private static final Set<String> SECRET_FIELDS = Set.of("httpAuthorization", "clientSecret");

    private final ApiSettings settings;
    private final CallListener.Api api;
    private final Supplier<String> ids;

    /**
     * Creates the pipeline of one API.
     *
     * @param settings the client's transport, listener, clock, sub-account and defaults
     * @param api the API this pipeline sends to, for the listener
     * @param ids generates client ids; null disables generation
     */
    public SendPipeline(ApiSettings settings, CallListener.Api api, Supplier<String> ids) {
        this.settings = settings;
        this.api = api;
        this.ids = ids;
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
        return settings.executor().execute(exchange(kind, input, options, false), r -> read(kind, r), kind.resultFacts);
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
        Transport.Exchange exchange;
        try {
            exchange = exchange(kind, input, options, true);
        } catch (Connect8x8Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return settings.executor().executeAsync(exchange, r -> read(kind, r), kind.resultFacts);
    }

    /** Prepare and map, and the call's observer started: what the execute step runs. */
    private <I> Transport.Exchange exchange(RequestKind<I, ?, ?> kind, I input, RequestOptions options, boolean async) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        if (settings.closed().getAsBoolean()) {
            throw new ClientClosedException();
        }
        settings.checkHost(api);
        RequestKind.Ids fixed = prepare(kind, input, options);
        Request request = map(kind, input, options, fixed);
        CallRecorder recorder = CallRecorder.start(settings.listener(), options, settings.clock(),
                new CallListener.CallInfo(api, kind.batch != null ? CallListener.Operation.SEND_BATCH
                        : CallListener.Operation.SEND, fixed.messageIds().size(), async, null));
        Object what = new Object() {
            // Rendered only when a log line shows it.
            @Override
            public String toString() {
                return kind.describe.apply(input);
            }
        };
        return new Transport.Exchange(request, options.retryPolicy().orElse(settings.retryPolicy()),
                options.timeout().orElse(settings.timeout()), what, recorder);
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
        String subAccount = subAccount(options);
        M model = kind.model.apply(input, fixed);
        try {
            return kind.call.call(subAccount, model).request();
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
        List<ValidationException> found = new ArrayList<>();
        List<RequestKind.MessageFacts> messages = beforeMapping(kind, input, kind.batchFacts(input), options, found);
        if (found.isEmpty()) {
            try {
                kind.model.apply(input, new RequestKind.Ids(null, Collections.nCopies(messages.size(), null)));
            } catch (ValidationException e) {
                found.add(e);
            }
        }
        return found;
    }

    /** The validation step (its first violation is thrown), then the ids, fixed once. */
    private <I> RequestKind.Ids prepare(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
        List<ValidationException> found = new ArrayList<>(0);
        RequestKind.BatchFacts batch = kind.batchFacts(input);
        List<RequestKind.MessageFacts> messages = beforeMapping(kind, input, batch, options, found);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
        List<String> messageIds = new ArrayList<>(messages.size());
        for (RequestKind.MessageFacts message : messages) {
            messageIds.add(clientId(message.clientMessageId(), message.maxIdLength()));
        }
        String batchId = batch == null ? null : clientId(batch.clientBatchId(), batch.maxIdLength());
        return new RequestKind.Ids(batchId, messageIds);
    }

    /**
     * The checks before the mapping, which {@link #prepare} then runs with the real ids; returns the messages' facts,
     * empty when the kind refused the input. Every check of a message that is not a single field's own (those ran in
     * its builder, through {@link Checks}) runs here: the kind's required fields, the clock (schedule and expiry, of
     * the batch template and of each message), the call's sub-account; the mapping's enum checks follow.
     */
    private <I> List<RequestKind.MessageFacts> beforeMapping(RequestKind<I, ?, ?> kind, I input,
                                                             RequestKind.BatchFacts batch, RequestOptions options,
                                                             List<ValidationException> found) {
        List<RequestKind.MessageFacts> messages;
        try {
            messages = kind.messages.apply(input);
        } catch (ValidationException e) {
            found.add(e);
            return List.of();
        }
        if (batch != null) {
            try {
                times(batch.templateScheduled(), batch.templateExpiry());
            } catch (ValidationException e) {
                found.add(e.within("template"));
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            try {
                times(messages.get(i).scheduled(), messages.get(i).expiry());
            } catch (ValidationException e) {
                found.add(batch == null ? e : e.within("messages[" + i + "]"));
            }
        }
        try {
            subAccount(options);
        } catch (ValidationException e) {
            found.add(e);
        }
        return messages;
    }

    /** The call's sub-account: the option's, else the client's (checked when the client was built). */
    private String subAccount(RequestOptions options) {
        String id = options.subAccountId().orElse(settings.subAccountId());
        if (id == null) {
            throw new ValidationException("subAccountId", "is required: set it on the client or the call");
        }
        return id == settings.subAccountId() ? id : Checks.subAccountId("subAccountId", id);
    }

    /**
     * A schedule the API accepts: not in the past (5 s of slack for clock skew), at most 7 days ahead; an expiry
     * after the schedule, or after now: a message that expires before it may be sent is never delivered.
     */
    private void times(OffsetDateTime scheduled, OffsetDateTime expiry) {
        Instant now = settings.clock().instant();
        if (scheduled != null && scheduled.toInstant().isBefore(now.minusSeconds(5))) {
            throw new ValidationException("scheduled", "is in the past");
        }
        if (scheduled != null && scheduled.toInstant().isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw new ValidationException("scheduled", "is more than 7 days ahead");
        }
        if (expiry != null && scheduled == null && expiry.toInstant().isBefore(now)) {
            throw new ValidationException("expiry", "is in the past");
        }
    }

    /** A fresh client id of at most {@code maxLength} characters, or the caller's; null when generation is off. */
    private String clientId(String given, int maxLength) {
        if (given != null || ids == null) {
            return given;
        }
        String id = Checks.text("idGenerator", ids.get(), Integer.MAX_VALUE);
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
            return kind.read.apply(element.getAsJsonObject());
        } catch (Connect8x8Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnexpectedResponseException("unusable response body: " + firstLine(e), response.status(),
                    response.body(), e, response.attempts());
        }
    }

    /**
     * {@return the first line of a failure's message (or its type's name), at most 200 characters, cut where it
     * echoes a value (JSON, quoted text, a number), which may be personal data, as Gson's and the generated code's do}
     *
     * @param e the failure
     */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = (newline < 0 ? message : message.substring(0, newline))
                .replaceAll("(: | but got )[\\[{`\"'+\\d].*", "$1(value not shown)");
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** A request's body for the debug log, every phone number masked, secrets hidden; not JSON, its length. */
    static String maskedBody(Request request) {
        String json = preview(request).body();
        try {
            return mask(JsonParser.parseString(json), false).toString();
        } catch (RuntimeException notJson) {
            return "<" + json.length() + " bytes, not JSON>";
        }
    }

    private static JsonElement mask(JsonElement element, boolean phone) {
        if (element.isJsonObject()) {
            JsonObject masked = new JsonObject();
            for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
                masked.add(e.getKey(), SECRET_FIELDS.contains(e.getKey()) ? new JsonPrimitive("****")
                        : mask(e.getValue(), PHONE_FIELDS.contains(e.getKey())));
            }
            return masked;
        }
        if (element.isJsonArray()) {
            JsonArray masked = new JsonArray();
            element.getAsJsonArray().forEach(item -> masked.add(mask(item, phone)));
            return masked;
        }
        return phone && element.isJsonPrimitive() ? new JsonPrimitive(Masking.maskPhone(element.getAsString()))
                : element;
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
