package io.connect8x8.api;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.connect8x8.CallListener;
import io.connect8x8.ClientClosedException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.RetryPolicy;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Access;
import io.connect8x8.internal.ApiSettings;
import io.connect8x8.internal.CallRecorder;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.HttpResponse;
import io.connect8x8.internal.RequestKind;
import io.connect8x8.internal.SendPipeline;
import io.connect8x8.internal.Transport;
import io.connect8x8.internal.WireApiClients;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Every operation of the generated artifacts on the class path, called by its operationId with the client's key,
 * hosts, deadline, retries, listener and typed errors; from {@link io.connect8x8.Connect8x8Client#api()}.
 *
 * <pre>{@code
 * ApiResult details = client.api().call(OperationCall.of("get-sms-message-details").param("umid", umid));
 * String state = details.raw().string("status", "state").orElse("unknown");
 * }</pre>
 *
 * <p>The generated {@code <operation>Call(..)} method builds each request; the client's transport executes it. GET,
 * PUT and DELETE are retried after a failure that may have reached the server; a POST never is. {@code subAccountId}
 * and {@code accountId} path parameters default to the client's. Immutable and thread-safe.
 */
public final class Operations {

    static {
        Access.register(Operations.class, Operations::new);
    }

    private final ApiSettings settings;
    private final Catalog catalog = Catalog.current();
    private final Map<Catalog.Document, Object> apis = new ConcurrentHashMap<>();
    /** The bound operations, by the id as the caller spelled it. */
    private final Map<String, Bound> bound = new ConcurrentHashMap<>();
    private final RetryPolicy idempotentPolicy;
    private final RetryPolicy postPolicy;
    private final Map<String, List<JsonObject>> templateCache = new ConcurrentHashMap<>();

    private Operations(ApiSettings settings) {
        this.settings = settings;
        this.idempotentPolicy = Transport.forIdempotent(settings.retryPolicy(), true);
        this.postPolicy = Transport.forIdempotent(settings.retryPolicy(), false);
    }

    /**
     * {@return the operations of the generated artifacts on the thread's class path, the complete documents' first}
     * A client built there calls each of them.
     */
    public static List<OperationInfo> available() {
        return Catalog.current().operations();
    }

    /**
     * {@return one operation's description}
     *
     * @param operationId the id, {@code document:id} or {@code set:document:id}
     * @throws OperationNotFoundException when no artifact on the class path has it
     */
    public OperationInfo operation(String operationId) {
        return catalog.find(operationId).info();
    }

    /**
     * {@return whether an artifact on the class path has an operation}
     *
     * @param operationId the id, {@code document:id} or {@code set:document:id}
     */
    public boolean has(String operationId) {
        return catalog.has(operationId);
    }

    /**
     * Calls an operation.
     *
     * @param call the operation, its parameters, body and options
     * @return the 2xx answer
     * @throws Connect8x8Exception every failure, typed: {@link OperationNotFoundException} and
     *     {@link ValidationException} before any I/O, the API's and the transport's errors after
     */
    public ApiResult call(OperationCall call) {
        Bound target = target(call);
        return settings.executor().execute(exchange(target, call, false), target::result, FACTS);
    }

    /**
     * Calls an operation without blocking; every failure {@link #call(OperationCall)} would throw completes the
     * future. Cancelling it cancels the HTTP call in flight and any pending retry.
     *
     * @param call the operation, its parameters, body and options
     * @return the 2xx answer, or the typed failure
     */
    public CompletableFuture<ApiResult> callAsync(OperationCall call) {
        try {
            Bound target = target(call);
            return settings.executor().executeAsync(exchange(target, call, true), target::result, FACTS);
        } catch (Connect8x8Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@return the request {@link #call(OperationCall)} would make, the key redacted, without sending it}
     *
     * @param call the operation, its parameters, body and options
     */
    public RequestPreview preview(OperationCall call) {
        Objects.requireNonNull(call, "call");
        return SendPipeline.preview(request(target(call.operationId), call));
    }

    /**
     * Downloads a file from a pre-signed URL that an operation answered (a log export's files, say), as a stream.
     * The URL carries its own signature, so the key is not sent; redirects are followed; the client's proxy,
     * timeouts, listener (operationId {@code download}, under the SMS API) and retries apply as to a GET; a non-2xx
     * answer fails typed. The URL's query and user info are kept out of logs and messages. The deadline runs until
     * the stream is read or closed.
     *
     * @param url the absolute http(s) URL
     * @param options the call's deadline, retry policy and listener
     * @return the body, unread and unbuffered: the caller closes it
     * @throws Connect8x8Exception every failure before the body, typed, as {@link #call(OperationCall)}'s
     */
    public InputStream download(String url, RequestOptions options) {
        Objects.requireNonNull(options, "options");
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new ValidationException("url", "must be an absolute http(s) URL");
        }
        if (settings.closed().getAsBoolean()) {
            throw new ClientClosedException();
        }
        Request request = new Request.Builder().url(parsed).header("User-Agent", settings.userAgent())
                .tag(HttpResponse.FollowRedirects.class, new HttpResponse.FollowRedirects())
                .tag(Transport.SignedUrl.class, new Transport.SignedUrl()).build();
        return settings.executor().open(exchange(request, CallListener.Api.SMS, "download", true, options, false))
                .body().byteStream();
    }

    /** {@return the SMS API's message status and cancellation} */
    public MessageCalls sms() {
        return new MessageCalls(this, MessageCalls.SMS);
    }

    /** {@return the Messaging Apps API's message status and cancellation} */
    public MessageCalls chatApps() {
        return new MessageCalls(this, MessageCalls.CHAT_APPS);
    }

    /** {@return the WhatsApp templates of this client's account: list, add, remove, and the check of a send} */
    public WhatsAppTemplates whatsAppTemplates() {
        return new WhatsAppTemplates(this, templateCache);
    }

    /** {@return the files for chat-app media: upload, download, and the URL a message sends one by} */
    public MediaFiles files() {
        return new MediaFiles(this);
    }

    /** {@return the one-time codes of 8x8's Verification API: send a code, check a code} */
    public Verification verify() {
        return new Verification(this);
    }

    /** {@return the account's balance ({@code get-account-balance}): {@code amount} and {@code currency}} */
    public ApiResult balance() {
        return call(OperationCall.of("sms:get-account-balance"));
    }

    private static final Function<ApiResult, RequestKind.ResultFacts> FACTS = result -> RequestKind.ResultFacts.NONE;

    private Bound target(OperationCall call) {
        Objects.requireNonNull(call, "call");
        if (settings.closed().getAsBoolean()) {
            throw new ClientClosedException();
        }
        return target(call.operationId);
    }

    private Bound target(String id) {
        Bound target = bound.get(id);
        if (target == null) {
            Catalog.Entry entry = catalog.find(id);
            Object api = apis.computeIfAbsent(entry.document(), this::api);
            target = Bound.bind(entry, api, gson(api));
            bound.putIfAbsent(id, target);
        }
        return target;
    }

    /** The parameters checked, the client's defaults filled in, and the generated method's request. */
    private Request request(Bound target, OperationCall call) {
        OperationInfo info = target.info();
        Map<String, Object> values = call.params;
        for (String name : values.keySet()) {
            ParameterInfo given = info.parameter(name);
            if (given == null) {
                throw new ValidationException(name, "is not a parameter of " + info.operationId() + "; it has "
                        + info.parameters().stream().map(ParameterInfo::name).toList());
            }
            // A document that lists the auth header as a parameter (Survey-Send-Many): the client's key would
            // replace the value given, unseen.
            if ("header".equals(given.in()) && "Authorization".equalsIgnoreCase(name)) {
                throw new ValidationException(name, "is sent from the client's API key (apiKey on its builder)");
            }
        }
        Map<String, Object> filled = values;
        for (ParameterInfo p : info.parameters()) {
            Object value = values.containsKey(p.name()) || !"path".equals(p.in()) ? null
                    : defaultOf(p.name(), call.options);
            if (value != null) {
                filled = filled == values ? new HashMap<>(values) : filled;
                filled.put(p.name(), value);
            } else if (p.required() && !values.containsKey(p.name())) {
                throw new ValidationException(p.name(), "is required by " + info.operationId()
                        + ("accountId".equals(p.name()) ? ": set it on the client (accountId) or the call" : ""));
            } else if (blankOrDots(p, values.get(p.name()))) {
                throw new ValidationException(p.name(), "must not be blank, nor . or .. in the path");
            }
        }
        if (call.body != null && !target.takesBody()) {
            throw new ValidationException("body", info.operationId() + " takes no body");
        }
        if (call.body == null && info.bodyRequired() && target.takesBody()) {
            throw new ValidationException("body", "is required by " + info.operationId());
        }
        return target.request(filled, call.body);
    }

    private String defaultOf(String name, RequestOptions options) {
        if ("subAccountId".equals(name)) {
            String given = options.subAccountId().orElse(null);
            return given != null ? Checks.subAccountId("subAccountId", given) : settings.subAccountId();
        }
        return "accountId".equals(name) ? settings.accountId() : null;
    }

    private Transport.Exchange exchange(Bound target, OperationCall call, boolean async) {
        OperationInfo info = target.info();
        CallListener.Api api = switch (info.host()) {
            case "chatapps" -> CallListener.Api.CHAT_APPS;
            case "verify" -> CallListener.Api.VERIFY;
            default -> CallListener.Api.SMS;
        };
        settings.checkHost(api);
        Request request = request(target, call);
        return exchange(request, api, info.operationId(), info.idempotent(), call.options, async);
    }

    /** A request with the call's listener record, retry rules (by whether it is idempotent) and deadline. */
    private Transport.Exchange exchange(Request request, CallListener.Api api, String operationId, boolean idempotent,
                                        RequestOptions options, boolean async) {
        CallRecorder recorder = CallRecorder.start(settings.listener(), options, settings.clock(),
                new CallListener.CallInfo(api, CallListener.Operation.CALL, 0, async, operationId));
        RetryPolicy policy = options.retryPolicy().map(p -> Transport.forIdempotent(p, idempotent))
                .orElse(idempotent ? idempotentPolicy : postPolicy);
        return new Transport.Exchange(request, policy, options.timeout().orElse(settings.timeout()), operationId,
                recorder);
    }

    /** The generated API of a document, its client set up like this client's; it only builds requests. */
    private Object api(Catalog.Document document) {
        String baseUrl = settings.baseUrls().get(document.host());
        if (baseUrl == null) {
            throw new ValidationException(document.host() + "BaseUrl", "is not configured");
        }
        try {
            Class<?> apiClass = Class.forName(document.apiClass(), true, document.loader());
            for (Constructor<?> constructor : apiClass.getConstructors()) {
                Class<?>[] types = constructor.getParameterTypes();
                if (types.length == 1 && types[0].getSimpleName().equals("ApiClient")) {
                    Object client = apiClient(types[0]);
                    types[0].getMethod("setBasePath", String.class).invoke(client, baseUrl);
                    types[0].getMethod("setBearerToken", Supplier.class).invoke(client, settings.key());
                    types[0].getMethod("setUserAgent", String.class).invoke(client, settings.userAgent());
                    return constructor.newInstance(client);
                }
            }
            throw new IllegalStateException(apiClass.getName() + " has no constructor taking its ApiClient");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated API " + document.apiClass() + " of " + document.artifact()
                    + " cannot be set up", e);
        }
    }

    /** The default artifact's clients with the send pipeline's fast paths; another artifact's as generated. */
    private static Object apiClient(Class<?> type) throws ReflectiveOperationException {
        if (type == io.connect8x8.generated.sms.ApiClient.class) {
            return WireApiClients.sms(WireApiClients.REQUEST_FACTORY);
        }
        if (type == io.connect8x8.generated.messaging.ApiClient.class) {
            return WireApiClients.messaging(WireApiClients.REQUEST_FACTORY);
        }
        return type.getConstructor(OkHttpClient.class).newInstance(WireApiClients.REQUEST_FACTORY);
    }

    /** The generated code's own Gson, so models read exactly as the generated API reads them. */
    private static Gson gson(Object api) {
        try {
            Object client = api.getClass().getMethod("getApiClient").invoke(api);
            Object json = client.getClass().getMethod("getJSON").invoke(client);
            return (Gson) json.getClass().getMethod("getGson").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated API " + api.getClass().getName() + " has no JSON", e);
        }
    }

    /**
     * Whether a given value is blank, which the documents allow nowhere, or, in the path, {@code .} or {@code ..},
     * which the URL resolves to another resource. Plain comparisons: every parameter of every call passes here.
     */
    private static boolean blankOrDots(ParameterInfo p, Object value) {
        String text = value == null ? null : value.toString().strip();
        return text != null && (text.isEmpty() || "path".equals(p.in()) && (text.equals(".") || text.equals("..")));
    }
}
