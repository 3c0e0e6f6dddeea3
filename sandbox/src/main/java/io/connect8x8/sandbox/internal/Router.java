package io.connect8x8.sandbox.internal;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one handler of the server: routes, enforces the size limit, faults, authentication, ownership and quota in
 * that order, and turns every {@link ApiError} into the documented error body.
 */
final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final Pattern API_PATH =
            Pattern.compile("^/(sms|chatapps)(/api/v1/subaccounts/([^/]*)/messages(/batch)?)/?$");
    /** How much of an oversized body is read and thrown away so that the client can read the 413. */
    /**
     * 8x8's sub-account id rule: 3 to 50 of letters, digits and {@code - . _ &}. The simulator's own copy, not the
     * facade's: a simulator that shares the client's rule cannot catch the client's mistake in it.
     */
    private static final Pattern SUB_ACCOUNT_ID = Pattern.compile("[A-Za-z0-9\\-._&]{3,50}");
    private static final long MAX_DRAIN = 16L * 1024 * 1024;

    private final Settings settings;
    private final Engine engine;
    private final FaultState faults;
    private final RateLimiter rateLimiter;
    private final AdminHandler admin;
    private final java.util.concurrent.CompletableFuture<SmsApi> sms;
    private final java.util.concurrent.CompletableFuture<ChatAppsApi> chatApps;
    private final GenericApi generic;

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
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            handleAndClose(exchange);
        } finally {
            String line = RequestLine.of(exchange);
            if (settings.requestLog() != null && !exchange.getRequestURI().getPath().startsWith("/__admin/")) {
                settings.requestLog().accept(line);
            }
        }
    }

    private void handleAndClose(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/__admin/")) {
                respond(exchange, admin.handle(exchange, path, readBody(exchange)));
                return;
            }
            if (path.startsWith("/__files/")) {
                serveFile(exchange, path.substring("/__files/".length()));
                return;
            }
            long generation = engine.store.generation();
            engine.store.countRequest();
            Matcher route = API_PATH.matcher(path);
            boolean send = route.matches() && "POST".equals(exchange.getRequestMethod());
            GenericApi.Resolved operation = send ? null : resolve(exchange, path);
            byte[] body = readBody(exchange);
            FaultState.Fault fault = applyFaults(generation);
            if (fault == FaultState.Fault.RESET) {
                return;
            }
            if (!send) {
                answer(exchange, callOperation(exchange, operation, body), fault);
                return;
            }
            ObjectNode response = handleApi(exchange, route, body);
            byte[] bytes = Json.bytes(response);
            if (fault == FaultState.Fault.MALFORMED) {
                bytes = Arrays.copyOf(bytes, bytes.length / 2);
            }
            send(exchange, 200, bytes);
        } catch (ApiError error) {
            fail(exchange, error);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox failed to handle a request", e);
            fail(exchange, new ApiError(500, 2000, "Internal error"));
        } finally {
            // Closing an exchange whose headers were never sent closes the connection: that is the reset fault.
            exchange.close();
        }
    }

    /** The operation of a request other than a send, from the documents of its host (the first path segment). */
    private GenericApi.Resolved resolve(HttpExchange exchange, String path) {
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            throw new ApiError(404, 1300, "Resource not found: " + path);
        }
        Set<String> allow = new java.util.TreeSet<>();
        try {
            return generic.resolve(path.substring(1, slash), exchange.getRequestMethod(), path.substring(slash),
                    allow);
        } catch (ApiError error) {
            if (error.status() == 405) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allow));
            }
            throw error;
        }
    }

    private Answer callOperation(HttpExchange exchange, GenericApi.Resolved operation, byte[] body) {
        String subAccountId = operation.path().get("subAccountId");
        authorise(exchange, subAccountId);
        if (subAccountId != null) {
            rateLimiter.acquire(subAccountId);
        }
        return generic.call(operation, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
    }

    private void answer(HttpExchange exchange, Answer answer, FaultState.Fault fault) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (answer.json() == null && answer.raw() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.json() != null ? Json.bytes(answer.json()) : answer.raw();
        if (fault == FaultState.Fault.MALFORMED) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        exchange.getResponseHeaders().set("Content-Type", answer.json() != null ? "application/json"
                : answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code GET /__files/{name}}: an uploaded file or a log export's CSV (no key: a link as 8x8's are). */
    private void serveFile(HttpExchange exchange, String name) throws IOException {
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

    /** Authentication, the sub-account rule and, in strict mode, ownership. */
    private void authorise(HttpExchange exchange, String subAccountId) {
        String key = bearerKey(exchange);
        Set<String> owned = key == null ? null : settings.keys().get(key);
        if (owned == null) {
            throw new ApiError(401, 1200, "Request was not authenticated properly");
        }
        if (subAccountId == null) {
            return;
        }
        if (!SUB_ACCOUNT_ID.matcher(subAccountId).matches()) {
            throw ApiError.badRequest(1000, "Invalid parameter subAccountId");
        }
        if (settings.strict() && !owned.contains(subAccountId)) {
            // Inferred: the facts list no code for it; 1001 with 403 says "authenticated, not yours".
            throw new ApiError(403, 1001, "Sub-account " + subAccountId + " is not accessible with this API key");
        }
    }

    private ObjectNode handleApi(HttpExchange exchange, Matcher route, byte[] body) {
        String subAccountId = route.group(3);
        authorise(exchange, subAccountId);
        rateLimiter.acquire(subAccountId);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        // Before parsing: a text/plain body is refused for its type, not reported as malformed JSON.
        SpecValidator.checkContentType(contentType);
        JsonNode json = Json.parse(body);
        RequestLine.remember(json);
        String path = route.group(2);
        boolean batch = route.group(4) != null;
        if ("sms".equals(route.group(1))) {
            SmsApi api = sms.join();
            return batch ? api.batch(subAccountId, path, json) : api.single(subAccountId, path, json);
        }
        ChatAppsApi api = chatApps.join();
        return batch ? api.batch(subAccountId, path, json) : api.single(subAccountId, path, json);
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

    private static String bearerKey(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /** Reads the body up to the limit; a larger one is drained (within reason) and answered 413. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        int max = settings.maxBodyBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(1000, "Invalid Content-Length");
            }
            if (declared > MAX_DRAIN) {
                // Far too large to be worth reading even to be polite: refused at once, the connection closed.
                exchange.getResponseHeaders().set("Connection", "close");
                throw new ApiError(413, 1000, "Request body too large");
            }
            if (declared > max) {
                tooLarge(exchange, in);
            }
        }
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            tooLarge(exchange, in);
        }
        return body;
    }

    private static void tooLarge(HttpExchange exchange, InputStream in) throws IOException {
        // Reading the rest lets the client, which writes its whole body before reading, see the 413 and not a
        // broken pipe; beyond MAX_DRAIN the connection is simply closed.
        // read(), not skip(): the JDK's fixed-length body stream inherits a skip() that bypasses the length.
        byte[] buffer = new byte[8192];
        long drained = 0;
        int step;
        while (drained < MAX_DRAIN && (step = in.read(buffer)) > 0) {
            drained += step;
        }
        exchange.getResponseHeaders().set("Connection", "close");
        throw new ApiError(413, 1000, "Request body too large");
    }

    private void respond(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, Json.bytes(body));
    }

    private void fail(HttpExchange exchange, ApiError error) {
        if (error.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        byte[] body = Json.bytes(Json.errorBody(error.code(), error.getMessage(), engine.clock.instant()));
        try {
            send(exchange, error.status(), body);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before the error response", e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
