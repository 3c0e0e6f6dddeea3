package io.connect8x8.sandbox.internal;


import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Arrays;
import java.util.Set;

/**
 * The one handler of the server: routes, applies faults, authentication, ownership and quota in that order, and
 * turns every {@link ApiError} into the documented error body. The server has already refused what HTTP itself
 * cannot frame and bodies over the size limit.
 */
final class Router {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final String SUB_ACCOUNTS = "/api/v1/subaccounts/";
    private static final String MESSAGES = "/messages";
    private static final String BATCH = "/batch";

    private final Settings settings;
    private final Engine engine;
    private final FaultState faults;
    private final RateLimiter rateLimiter;
    private final AdminHandler admin;
    private final java.util.concurrent.CompletableFuture<SmsApi> sms;
    private final java.util.concurrent.CompletableFuture<ChatAppsApi> chatApps;
    private final GenericApi generic;
    private final Documents documents;
    private final Specs specs;
    /** Set once both sends' validators are whole (their library side too): until then sends may wait. */
    private volatile boolean sendsReady;

    /**
     * A send's route: {@code /(sms|chatapps)(/api/v1/subaccounts/{id}/messages[/batch])[/]}.
     *
     * @param sms whether it is the SMS API's (else the Messaging Apps API's)
     * @param path the path below the API's base URL, without a trailing slash
     * @param subAccountId the sub-account id as in the path (may be empty)
     * @param batch whether it is the batch send
     */
    record Send(boolean sms, String path, String subAccountId, boolean batch) {
    }

    Router(Settings settings, Engine engine, FaultState faults, RateLimiter rateLimiter, AdminHandler admin,
           Specs specs, GenericApi generic) {
        this.settings = settings;
        this.engine = engine;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.admin = admin;
        this.sms = specs.sms.thenApply(validator -> new SmsApi(engine, validator));
        this.chatApps = specs.chatApps.thenApply(validator -> new ChatAppsApi(engine, validator));
        this.generic = generic;
        this.documents = specs.documents;
        this.specs = specs;
    }

    /**
     * The send route of a path, or null for any other path. Hand-written rather than a regex: it runs for every
     * request, and the matcher's allocations showed in the send path's profile.
     */
    static Send sendRoute(String path) {
        boolean sms;
        int at;
        if (path.startsWith("/sms/")) {
            sms = true;
            at = 4;
        } else if (path.startsWith("/chatapps/")) {
            sms = false;
            at = 9;
        } else {
            return null;
        }
        if (!path.startsWith(SUB_ACCOUNTS, at)) {
            return null;
        }
        int idStart = at + SUB_ACCOUNTS.length();
        int slash = path.indexOf('/', idStart);
        if (slash < 0 || !path.startsWith(MESSAGES, slash)) {
            return null;
        }
        int end = slash + MESSAGES.length();
        boolean batch = path.startsWith(BATCH, end);
        if (batch) {
            end += BATCH.length();
        }
        int length = path.length();
        if (end != length && !(end + 1 == length && path.charAt(end) == '/')) {
            return null;
        }
        return new Send(sms, path.substring(at, end), path.substring(idStart, slash), batch);
    }

    /** The send route of an exchange, worked out once per exchange. */
    private static Send sendRoute(Exchange exchange) {
        if (!exchange.routed) {
            exchange.route = "POST".equals(exchange.method()) ? sendRoute(exchange.path()) : null;
            exchange.routed = true;
        }
        return exchange.route;
    }

    /** Whether both sends' validators are whole, so that no send waits (for a document or the library). */
    private boolean sendsReady() {
        if (!sendsReady && ready(specs.sms) && ready(specs.chatApps)) {
            sendsReady = true;
        }
        return sendsReady;
    }

    private static boolean ready(java.util.concurrent.CompletableFuture<SpecValidator> validator) {
        return validator.isDone() && (validator.isCompletedExceptionally() || validator.join().libraryReady());
    }

    /**
     * Whether a request may be answered on the event loop: a send whose document is ready, with no latency fault
     * (the only waits on a send's path). Everything else runs on the request threads.
     */
    boolean answersAtOnce(Exchange exchange) {
        return sendRoute(exchange) != null && sms.isDone() && chatApps.isDone() && sendsReady()
                && faults.latency().isZero();
    }

    /**
     * Answers one request (always: an answer, or the connection closed for the reset fault).
     *
     * @param exchange the request
     */
    void handle(Exchange exchange) {
        try {
            handleAndClose(exchange);
        } finally {
            if (settings.requestLog() != null && !exchange.path().startsWith("/__admin/")) {
                settings.requestLog().accept(RequestLine.of(exchange));
            }
        }
    }

    private void handleAndClose(Exchange exchange) {
        try {
            String path = exchange.path();
            if (path.startsWith("/__admin/")) {
                respond(exchange, admin.handle(exchange, path, exchange.body()));
                return;
            }
            if (path.startsWith("/__files/")) {
                serveFile(exchange, path.substring("/__files/".length()));
                return;
            }
            long generation = engine.store.generation();
            engine.store.countRequest();
            Send route = sendRoute(exchange);
            boolean send = route != null;
            GenericApi.Resolved operation = send ? null : resolve(exchange, path);
            byte[] body = exchange.body();
            FaultState.Fault fault = applyFaults(generation);
            if (fault == FaultState.Fault.RESET) {
                return;
            }
            if (!send) {
                answer(exchange, callOperation(exchange, operation, body), fault);
                return;
            }
            byte[] bytes = handleApi(exchange, route, body);
            if (fault == FaultState.Fault.MALFORMED) {
                bytes = Arrays.copyOf(bytes, bytes.length / 2);
            }
            send(exchange, 200, bytes);
            documents.sendAnswered();
        } catch (ApiError error) {
            fail(exchange, error);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox failed to handle a request", e);
            fail(exchange, new ApiError(500, 2000, "Internal error"));
        } finally {
            // An exchange left without an answer closes its connection: that is the reset fault.
            exchange.closeWithoutAnswer();
        }
    }

    /** The operation of a request other than a send, from the documents of its host (the first path segment). */
    private GenericApi.Resolved resolve(Exchange exchange, String path) {
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            throw new ApiError(404, 1300, "Resource not found: " + path);
        }
        Set<String> allow = new java.util.TreeSet<>();
        try {
            return generic.resolve(path.substring(1, slash), exchange.method(), path.substring(slash), allow);
        } catch (ApiError error) {
            if (error.status() == 405) {
                exchange.responseHeaders().put("Allow", String.join(", ", allow));
            }
            throw error;
        }
    }

    private Answer callOperation(Exchange exchange, GenericApi.Resolved operation, byte[] body) {
        String subAccountId = operation.path().get("subAccountId");
        authorise(exchange, subAccountId, operation.operation().document.host);
        if (subAccountId != null) {
            rateLimiter.acquire(subAccountId);
            if (operation.operation().handlerId().endsWith("-message-details")) {
                rateLimiter.acquireDetails(operation.operation().document.host + ':' + subAccountId);
            }
        }
        return generic.call(operation, exchange.rawQuery(), exchange.header(HttpHeaderNames.CONTENT_TYPE), body);
    }

    private void answer(Exchange exchange, Answer answer, FaultState.Fault fault) {
        exchange.responseHeaders().putAll(answer.headers());
        if (answer.json() == null && answer.raw() == null) {
            exchange.send(answer.status(), null, null);
            return;
        }
        byte[] bytes = answer.json() != null ? Json.bytes(answer.json()) : answer.raw();
        if (fault == FaultState.Fault.MALFORMED) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        exchange.send(answer.status(), answer.json() != null ? "application/json" : answer.contentType(), bytes);
    }

    /** {@code GET /__files/{name}}: an uploaded file or a log export's CSV (no key: a link as 8x8's are). */
    private void serveFile(Exchange exchange, String name) {
        byte[] bytes;
        String type;
        if (name.startsWith("exports/") && name.endsWith(".csv")) {
            bytes = generic.exports.file(name.substring("exports/".length(), name.length() - ".csv".length()));
            type = "text/csv; charset=utf-8";
        } else {
            FileStore.StoredFile file = engine.files.get(name);
            bytes = file == null ? null : file.bytes();
            type = file == null ? null : file.contentType();
        }
        if (bytes == null) {
            throw new ApiError(404, 1300, "File not found.");
        }
        answer(exchange, new Answer(200, null, bytes, type, java.util.Map.of()), FaultState.Fault.NONE);
    }

    /**
     * Authentication, the sub-account rule and, in strict mode, ownership.
     *
     * @param host the API's first path segment ({@code sms}, {@code chatapps}, {@code verify}), for the wording
     */
    private void authorise(Exchange exchange, String subAccountId, String host) {
        String key = bearerKey(exchange);
        Set<String> owned = key == null ? null : settings.keys().get(key);
        if (owned == null) {
            throw new ApiError(401, 1200, "Request was not authenticated properly");
        }
        if (subAccountId == null) {
            return;
        }
        if (!validSubAccountId(subAccountId)) {
            throw ApiError.badRequest(1000, "Invalid parameter subAccountId");
        }
        if (settings.strict() && !owned.contains(subAccountId)) {
            // 400, not 403: the Verification document's 400 example "subAccountError" is code 1001, and the SMS and
            // Messaging Apps documents give the same body as the example of their error schema; each in its words.
            throw ApiError.badRequest(1001, "verify".equals(host)
                    ? "Provided subAccountId doesn't belong to your account"
                    : "Provided subAccountId doesn't belongs to your account");
        }
    }

    /**
     * 8x8's sub-account id rule: 3 to 50 of letters, digits and {@code - . _ &}. The simulator's own copy, not the
     * facade's: a simulator that shares the client's rule cannot catch the client's mistake in it.
     */
    static boolean validSubAccountId(String id) {
        if (id.length() < 3 || id.length() > 50) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '&')) {
                return false;
            }
        }
        return true;
    }

    private byte[] handleApi(Exchange exchange, Send route, byte[] body) {
        String subAccountId = route.subAccountId();
        authorise(exchange, subAccountId, route.sms() ? "sms" : "chatapps");
        rateLimiter.acquire(subAccountId);
        String contentType = exchange.header(HttpHeaderNames.CONTENT_TYPE);
        // Before parsing: a text/plain body is refused for its type, not reported as malformed JSON.
        SpecValidator.checkContentType(contentType);
        JsonNode json = Json.parse(body);
        if (settings.requestLog() != null) {
            // Masking the number costs a regex and table look-ups: only when someone reads the line.
            exchange.target(RequestLine.target(json));
        }
        String path = route.path();
        boolean batch = route.batch();
        if (route.sms()) {
            SmsApi api = sms.join();
            return batch ? Json.bytes(api.batch(subAccountId, path, json)) : api.single(subAccountId, path, json);
        }
        ChatAppsApi api = chatApps.join();
        return Json.bytes(batch ? api.batch(subAccountId, path, json) : api.single(subAccountId, path, json));
    }

    private FaultState.Fault applyFaults(long generation) {
        FaultState.Fault fault = faults.next();
        long latency = faults.latency().toMillis();
        // Read after the latency: reset() bumps the generation before it clears the faults, so a request that sees
        // the cleared latency also sees the new generation.
        boolean reset = engine.store.generation() != generation;
        if (!reset && latency > 0) {
            try {
                reset = engine.store.awaitClear(generation, latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reset = true;
            }
        }
        if (reset) {
            // The request belongs to the record before the reset (a test that has ended): it is not recorded.
            throw new ApiError(503, 2000, "Service unavailable (the simulator was reset while this request waited)");
        }
        switch (fault) {
            case TOO_MANY_REQUESTS -> throw ApiError.quotaExceeded(faults.retryAfterSeconds());
            case SERVER_ERROR -> throw new ApiError(500, 2000, "Internal error (injected fault)");
            case UNAVAILABLE -> throw new ApiError(503, 2000, "Service unavailable (injected fault)");
            default -> {
                return fault;
            }
        }
    }

    private static String bearerKey(Exchange exchange) {
        String header = exchange.header(HttpHeaderNames.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private void respond(Exchange exchange, JsonNode body) {
        send(exchange, 200, Json.bytes(body));
    }

    private void fail(Exchange exchange, ApiError error) {
        if (error.retryAfterSeconds() > 0) {
            exchange.responseHeaders().put("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        send(exchange, error.status(), Json.bytes(Json.errorBody(error.code(), error.getMessage(),
                engine.clock.instant())));
    }

    private static void send(Exchange exchange, int status, byte[] body) {
        exchange.send(status, "application/json", body);
    }
}
