package io.connect8x8.api;

import com.google.gson.Gson;
import io.connect8x8.CallListener;
import io.connect8x8.ClientClosedException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.RetryPolicy;
import io.connect8x8.SendState;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Access;
import io.connect8x8.internal.ApiSettings;
import io.connect8x8.internal.CallExecutor;
import io.connect8x8.internal.CallRecorder;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.HttpResponse;
import io.connect8x8.internal.RequestKind;
import io.connect8x8.internal.SendFuture;
import io.connect8x8.internal.SendPipeline;
import io.connect8x8.internal.WireApiClients;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Every operation of the generated artifacts on the class path, called by its operationId through the client's
 * configuration: its key, hosts and region, deadline, retries, {@link CallListener}, typed errors with their
 * {@link io.connect8x8.SendState}, previews, sync and async. From {@link io.connect8x8.Connect8x8Client#api()}.
 *
 * <pre>{@code
 * ApiResult details = client.api().call(OperationCall.of("get-sms-message-details").param("umid", umid));
 * String state = details.raw().string("status", "state").orElse("unknown");
 * }</pre>
 *
 * <p>The generated code builds each request (its {@code <operation>Call(..)} method: path, parameters, body,
 * authentication); the client's one transport executes it. An idempotent operation (GET, PUT, DELETE) is retried
 * after a failure that may have reached the server like after one that provably did not; a POST never is once it may
 * have. {@code subAccountId} and {@code accountId} path parameters default to the client's. An operation that no
 * artifact on the class path has fails with an {@link OperationNotFoundException} naming the artifact that has it.
 * Immutable and thread-safe.
 */
public final class Operations {

    static {
        Access.register(Operations.class, Operations::new);
    }

    /** What a resolved operation runs on, cached by the id as the caller spelled it. */
    private record Target(OperationInfo info, Bound bound, Object api, CallListener.Api listenerApi) {
    }

    private final ApiSettings settings;
    private final Catalog catalog;
    private final Map<Catalog.Document, Object> apis = new ConcurrentHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final RetryPolicy idempotentPolicy;
    private final RetryPolicy postPolicy;
    private final Map<String, WhatsAppTemplates.Cache> templateCache = new ConcurrentHashMap<>();

    private Operations(ApiSettings settings) {
        this.settings = settings;
        this.catalog = Catalog.current();
        this.idempotentPolicy = forIdempotent(settings.retryPolicy(), true);
        this.postPolicy = forIdempotent(settings.retryPolicy(), false);
    }

    /**
     * The operations of the generated artifacts on the thread's class path, without a client: what
     * {@code connect8x8 api --list} prints.
     *
     * @return every operation, the complete documents' first
     */
    public static List<OperationInfo> available() {
        return Catalog.current().operations();
    }

    /**
     * The operations this client can call.
     *
     * @return every operation, the complete documents' first
     */
    public List<OperationInfo> operations() {
        return catalog.operations();
    }

    /**
     * One operation's description.
     *
     * @param operationId the id, {@code document:id} or {@code set:document:id}
     * @return the operation
     * @throws OperationNotFoundException when no artifact on the class path has it
     */
    public OperationInfo operation(String operationId) {
        return catalog.find(operationId).info();
    }

    /**
     * Whether an artifact on the class path has an operation.
     *
     * @param operationId the id, {@code document:id} or {@code set:document:id}
     * @return whether it can be called
     */
    public boolean has(String operationId) {
        return catalog.has(operationId);
    }

    /**
     * Calls an operation with parameters and no body.
     *
     * @param operationId the id, {@code document:id} or {@code set:document:id}
     * @param params the parameters by their names in the document
     * @return the 2xx answer
     * @throws Connect8x8Exception every failure, typed: {@link OperationNotFoundException},
     *     {@link ValidationException} before any I/O, the API's and the transport's errors after
     */
    public ApiResult call(String operationId, Map<String, ?> params) {
        return call(OperationCall.of(operationId).params(params));
    }

    /**
     * Calls an operation.
     *
     * @param call the operation, its parameters, body and options
     * @return the 2xx answer
     * @throws Connect8x8Exception every failure, typed: {@link OperationNotFoundException},
     *     {@link ValidationException} before any I/O, the API's and the transport's errors after
     */
    public ApiResult call(OperationCall call) {
        Objects.requireNonNull(call, "call");
        if (settings.closed().getAsBoolean()) {
            throw new ClientClosedException();
        }
        Target target = target(call.operationId());
        Request request = request(target, call);
        CallRecorder recorder = start(target, false);
        try {
            ApiResult result = result(target, settings.executor().execute(exchange(target, call, request, recorder)));
            recorder.succeeded(RequestKind.ResultFacts.NONE);
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
     * Calls an operation without blocking: the same steps as {@link #call(OperationCall)}, the waits on the client's
     * scheduler. Never throws for a failure of the call: every failure {@link #call(OperationCall)} would throw
     * completes the future exceptionally with the same typed exception. Cancelling the future cancels the HTTP call
     * in flight and any pending retry.
     *
     * @param call the operation, its parameters, body and options
     * @return the 2xx answer, or the typed failure
     */
    public CompletableFuture<ApiResult> callAsync(OperationCall call) {
        Objects.requireNonNull(call, "call");
        Target target;
        Request request;
        try {
            if (settings.closed().getAsBoolean()) {
                throw new ClientClosedException();
            }
            target = target(call.operationId());
            request = request(target, call);
        } catch (Connect8x8Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        CallRecorder recorder = start(target, true);
        CompletableFuture<HttpResponse> execution = settings.executor().executeAsync(
                exchange(target, call, request, recorder));
        SendFuture<ApiResult> result = new SendFuture<>();
        // A cancel stops the execution first, which tells what it had sent (as a send's future does).
        result.onCancel(() -> {
            execution.cancel(true);
            return SendFuture.causeOf(execution);
        });
        execution.whenComplete((response, failure) -> {
            if (failure == null) {
                recorder.succeeded(RequestKind.ResultFacts.NONE);
                result.complete(result(target, response));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
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

    /**
     * The request {@link #call(OperationCall)} would make, without sending it.
     *
     * @param call the operation, its parameters, body and options
     * @return the request, the key redacted
     * @throws Connect8x8Exception as {@link #call(OperationCall)} before any I/O
     */
    public RequestPreview preview(OperationCall call) {
        Objects.requireNonNull(call, "call");
        return SendPipeline.preview(request(target(call.operationId()), call));
    }

    /**
     * Message status, cancellation and webhooks of the SMS API.
     *
     * @return the SMS API's message calls
     */
    public MessageCalls sms() {
        return new MessageCalls(this, MessageCalls.SMS);
    }

    /**
     * Message status, cancellation and webhooks of the Messaging Apps API.
     *
     * @return the Messaging Apps API's message calls
     */
    public MessageCalls chatApps() {
        return new MessageCalls(this, MessageCalls.CHAT_APPS);
    }

    /**
     * WhatsApp templates: list, add, remove, and the opt-in check of a template send against the cached list.
     *
     * @return the templates of this client's account
     */
    public WhatsAppTemplates whatsAppTemplates() {
        return new WhatsAppTemplates(this, templateCache);
    }

    /**
     * Files for chat-app media: upload, and the URL a message sends it by.
     *
     * @return the file calls
     */
    public MediaFiles files() {
        return new MediaFiles(this, settings.baseUrls().get("chatapps"));
    }

    /**
     * One-time codes: send a code, check a code (8x8's Verification API).
     *
     * @return the verification calls
     */
    public Verification verify() {
        return new Verification(this);
    }

    /**
     * The account's balance ({@code get-account-balance}).
     *
     * @return the answer: {@code amount} and {@code currency}
     * @throws OperationNotFoundException when no artifact on the class path has the operation
     */
    public ApiResult balance() {
        return call(OperationCall.of("sms:get-account-balance"));
    }

    private Target target(String id) {
        Target target = targets.get(id);
        if (target == null) {
            Catalog.Entry entry = catalog.find(id);
            Object api = apis.computeIfAbsent(entry.document(), this::api);
            CallListener.Api listenerApi = switch (entry.document().host()) {
                case "chatapps" -> CallListener.Api.CHAT_APPS;
                case "verify" -> CallListener.Api.VERIFY;
                default -> CallListener.Api.SMS;
            };
            target = new Target(entry.info(), Bound.bind(entry, api.getClass(), gson(api)), api, listenerApi);
            targets.putIfAbsent(id, target);
        }
        return target;
    }

    /** The parameters checked, the client's defaults filled in, and the generated method's request. */
    private Request request(Target target, OperationCall call) {
        OperationInfo info = target.info();
        Map<String, Object> values = call.params();
        for (String name : values.keySet()) {
            if (info.parameter(name) == null) {
                List<String> names = new ArrayList<>();
                info.parameters().forEach(p -> names.add(p.name()));
                throw new ValidationException(name, "is not a parameter of " + info.operationId() + "; it has "
                        + names);
            }
        }
        Map<String, Object> filled = values;
        for (ParameterInfo p : info.parameters()) {
            if (values.containsKey(p.name())) {
                continue;
            }
            Object value = "path".equals(p.in()) ? defaultOf(p.name(), info, call.options()) : null;
            if (value != null) {
                if (filled == values) {
                    filled = new HashMap<>(values);
                }
                filled.put(p.name(), value);
            } else if (p.required()) {
                throw new ValidationException(p.name(), "is required by " + info.operationId()
                        + ("accountId".equals(p.name()) ? ": set it on the client (accountId) or the call" : ""));
            }
        }
        if (call.body() != null && !target.bound().takesBody()) {
            throw new ValidationException("body", info.operationId() + " takes no body");
        }
        if (call.body() == null && info.bodyRequired() && target.bound().takesBody()) {
            throw new ValidationException("body", "is required by " + info.operationId());
        }
        return target.bound().request(target.api(), filled, call.body());
    }

    private String defaultOf(String name, OperationInfo info, RequestOptions options) {
        if ("subAccountId".equals(name)) {
            String given = options.subAccountId().orElse(null);
            return given != null ? Checks.subAccountId("subAccountId", given)
                    : settings.subAccounts().get(info.host());
        }
        return "accountId".equals(name) ? settings.accountId() : null;
    }

    private CallRecorder start(Target target, boolean async) {
        return CallRecorder.start(settings.listener(), settings.clock(), new CallListener.CallInfo(
                target.listenerApi(), CallListener.Operation.CALL, 0, async, target.info().operationId()));
    }

    private CallExecutor.Exchange exchange(Target target, OperationCall call, Request request,
                                           CallRecorder recorder) {
        boolean idempotent = target.info().idempotent();
        RetryPolicy policy = call.options().retryPolicy().map(p -> forIdempotent(p, idempotent))
                .orElse(idempotent ? idempotentPolicy : postPolicy);
        return new CallExecutor.Exchange(request, policy, call.options().timeout().orElse(settings.timeout()),
                target.info().operationId(), recorder);
    }

    /** Idempotent calls retry what may have reached the server; others never do. */
    private static RetryPolicy forIdempotent(RetryPolicy policy, boolean idempotent) {
        return policy.retryAmbiguousFailures() == idempotent ? policy
                : policy.toBuilder().retryAmbiguousFailures(idempotent).build();
    }

    private static ApiResult result(Target target, HttpResponse response) {
        return new ApiResult(target.info(), response.status(), response.body(), response.attempts(),
                target.bound().modelType(), target.bound().gson());
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
                if (constructor.getParameterCount() == 1
                        && constructor.getParameterTypes()[0].getSimpleName().equals("ApiClient")) {
                    Class<?> clientClass = constructor.getParameterTypes()[0];
                    Object client = apiClient(clientClass);
                    clientClass.getMethod("setBasePath", String.class).invoke(client, baseUrl);
                    clientClass.getMethod("setBearerToken", Supplier.class).invoke(client, settings.key());
                    clientClass.getMethod("setUserAgent", String.class).invoke(client, settings.userAgent());
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

    /** The generated code's own Gson (its JSON class's), so models read exactly as the generated API reads them. */
    private static Gson gson(Object api) {
        try {
            Object client = api.getClass().getMethod("getApiClient").invoke(api);
            Object json = client.getClass().getMethod("getJSON").invoke(client);
            return (Gson) json.getClass().getMethod("getGson").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated API " + api.getClass().getName() + " has no JSON", e);
        }
    }
}
