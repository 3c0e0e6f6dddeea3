package io.connect8x8;

import io.connect8x8.api.Operations;
import io.connect8x8.chatapps.ChatAppsOperations;
import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.sms.api.SmsApi;
import io.connect8x8.internal.Access;
import io.connect8x8.internal.ApiSettings;
import io.connect8x8.internal.AttemptTracker;
import io.connect8x8.internal.ChatKinds;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Lazy;
import io.connect8x8.internal.SendPipeline;
import io.connect8x8.internal.SmsKinds;
import io.connect8x8.internal.Transport;
import io.connect8x8.internal.TransportInterceptor;
import io.connect8x8.internal.WireApiClients;
import io.connect8x8.sms.SmsOperations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;

/**
 * The entry point: one immutable, thread-safe client for the 8x8 SMS and Messaging Apps APIs over one connection
 * pool. The counterpart of the guides' External Credential (the key) and Named Credential (the region's host).
 *
 * <pre>{@code
 * try (Connect8x8Client client = Connect8x8Client.builder()
 *         .apiKey(ApiKey.fromEnvironment())
 *         .subAccountId("your-subaccount")
 *         .region(Region.ASIA_PACIFIC)
 *         .build()) {
 *     client.sms().send(Sms.builder().to("+6512345678").from("8x8").text("This is an SMS message.").build());
 * }
 * }</pre>
 *
 * <p>Share one client: it holds a connection pool and threads. {@link #close()} releases them (idempotent); a
 * caller-supplied {@link OkHttpClient} is left open, as its owner's. The HTTP client behind them (and its TLS
 * set-up) is built at the first request, so a client that only previews requests never builds one.
 */
public final class Connect8x8Client implements AutoCloseable {

    /** The User-Agent sent unless configured. */
    public static final String DEFAULT_USER_AGENT = "connect8x8-java/0.1";

    /** The default bound on async calls in flight at once: 64, OkHttp's own default for a dispatcher. */
    public static final int DEFAULT_MAX_ASYNC_IN_FLIGHT = 64;

    private final Lazy<OkHttpClient> http;
    private final boolean ownsHttp;
    private final Transport transport;
    private final SmsOperations sms;
    private final ChatAppsOperations chatApps;
    private final Lazy<GeneratedApis> generated;
    private final Lazy<Operations> api;
    private final String description;
    private final Builder settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Connect8x8Client(Builder b) {
        ApiKey key = b.apiKey != null ? b.apiKey
                : b.apiKeyFile != null ? ApiKey.fromFile(b.apiKeyFile) : ApiKey.fromEnvironment();
        String smsUrl = Checks.baseUrl("smsBaseUrl", b.smsBaseUrl != null ? b.smsBaseUrl : b.region.smsBaseUrl());
        String chatUrl = Checks.baseUrl("chatAppsBaseUrl",
                b.chatAppsBaseUrl != null ? b.chatAppsBaseUrl : b.region.chatAppsBaseUrl());
        String smsSub = b.smsSubAccountId != null ? b.smsSubAccountId : b.subAccountId;
        String chatSub = b.chatAppsSubAccountId != null ? b.chatAppsSubAccountId : b.subAccountId;
        if (smsSub != null) {
            Checks.subAccountId("subAccountId", smsSub);
        }
        if (chatSub != null) {
            Checks.subAccountId("subAccountId", chatSub);
        }
        checkPositive("connectTimeout", b.connectTimeout);
        checkPositive("readTimeout", b.readTimeout);
        checkPositive("callTimeout", b.callTimeout);
        checkUserAgent(b.userAgent);

        this.ownsHttp = b.httpClient == null;
        OkHttpClient.Builder http = (ownsHttp ? new OkHttpClient.Builder() : b.httpClient.newBuilder())
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                // Per attempt, the transport sets what is left of the call's deadline.
                .callTimeout(b.callTimeout)
                .eventListenerFactory(AttemptTracker.LISTENER_FACTORY)
                .followRedirects(false);
        if (ownsHttp) {
            // Async calls run on the dispatcher: its per-host limit (5 by default) would queue them unseen, so the
            // client's own bound on calls in flight is the only one.
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(b.maxAsyncInFlight);
            dispatcher.setMaxRequestsPerHost(b.maxAsyncInFlight);
            http.dispatcher(dispatcher);
        }
        // Also on a shared client: its owner's specs may allow TLS 1.0 and 1.1 (the derived client leaves them intact).
        http.connectionSpecs(java.util.List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2).build(), ConnectionSpec.CLEARTEXT));
        // Built at the first request (or newBuilder(), or generated()): building it loads the JDK's TLS stack and
        // reads the trust store, a third of what a CLI dry run, which sends nothing, would otherwise load.
        this.http = new Lazy<>(http::build);

        Region hintRegion = b.smsBaseUrl == null && b.chatAppsBaseUrl == null ? b.region : null;
        this.transport = new Transport(this.http, b.clock, b.sleeper, b.random, hintRegion, b.maxResponseBytes,
                b.logMessageContent, b.asyncScheduler, b.maxAsyncInFlight);
        Supplier<String> ids = b.autoClientIds ? (b.idGenerator != null ? b.idGenerator : SendPipeline.RANDOM_IDS)
                : null;

        // The pipeline's generated clients only build requests (the transport executes them): no OkHttpClient of
        // this client's is needed for that.
        SmsApi smsApi = new SmsApi(smsApiClient(WireApiClients.REQUEST_FACTORY, smsUrl, key, b.userAgent));
        MessagingApi messagingApi = new MessagingApi(
                messagingApiClient(WireApiClients.REQUEST_FACTORY, chatUrl, key, b.userAgent));
        this.sms = Access.smsOperations(new Access.SmsWiring(
                new SendPipeline(transport, CallListener.Api.SMS, b.listener, b.clock, smsSub, b.callTimeout,
                        b.retryPolicy, ids, closed::get),
                SmsKinds.single(smsApi), SmsKinds.batch(smsApi)));
        this.chatApps = Access.chatAppsOperations(new Access.ChatWiring(
                new SendPipeline(transport, CallListener.Api.CHAT_APPS, b.listener, b.clock, chatSub, b.callTimeout,
                        b.retryPolicy, ids, closed::get),
                ChatKinds.single(messagingApi), ChatKinds.batch(messagingApi)));
        // The escape hatch's generated clients run their calls on the transport (an interceptor answers each call
        // with the transport's execution), on first use.
        String userAgent = b.userAgent;
        Duration callTimeout = b.callTimeout;
        RetryPolicy retryPolicy = b.retryPolicy;
        CallListener listener = b.listener;
        Clock clock = b.clock;
        this.generated = new Lazy<>(() -> new GeneratedApis(
                new SmsApi(smsApiClient(onTransport(CallListener.Api.SMS, listener, clock, callTimeout, retryPolicy),
                        smsUrl, key, userAgent)),
                new MessagingApi(messagingApiClient(onTransport(CallListener.Api.CHAT_APPS, listener, clock,
                        callTimeout, retryPolicy), chatUrl, key, userAgent))));
        // The generic path: every operation of the generated artifacts, on the same transport and settings.
        Map<String, String> baseUrls = new HashMap<>();
        baseUrls.put("sms", smsUrl);
        baseUrls.put("chatapps", chatUrl);
        baseUrls.put("verify", Checks.baseUrl("verifyBaseUrl",
                b.verifyBaseUrl != null ? b.verifyBaseUrl : b.region.verifyBaseUrl()));
        Map<String, String> subAccounts = new HashMap<>();
        subAccounts.put("sms", smsSub);
        subAccounts.put("chatapps", chatSub);
        subAccounts.put("verify", b.subAccountId != null ? b.subAccountId : smsSub);
        ApiSettings apiSettings = new ApiSettings(transport, listener, clock, callTimeout, retryPolicy,
                Map.copyOf(baseUrls), java.util.Collections.unmodifiableMap(subAccounts), b.accountId, key::reveal,
                userAgent, closed::get);
        this.api = new Lazy<>(() -> Access.operations(apiSettings));
        this.description = "Connect8x8Client{smsBaseUrl=" + smsUrl + ", chatAppsBaseUrl=" + chatUrl
                + ", subAccountId=" + smsSub + (Objects.equals(smsSub, chatSub) ? "" : "/" + chatSub)
                + ", apiKey=" + key + ", callTimeout=" + b.callTimeout + ", retryPolicy=" + b.retryPolicy + '}';
        this.settings = b.copy();
        settings.apiKey = key;
        settings.apiKeyFile = null;
    }

    /** This client's OkHttpClient with each call answered by the transport: the escape hatch's. */
    private OkHttpClient onTransport(CallListener.Api api, CallListener listener, Clock clock, Duration timeout,
                                     RetryPolicy policy) {
        return http.get().newBuilder()
                .addInterceptor(new TransportInterceptor(transport, listener, clock, timeout, policy, api)).build();
    }

    private static io.connect8x8.generated.sms.ApiClient smsApiClient(OkHttpClient http, String url, ApiKey key,
                                                                       String userAgent) {
        var client = WireApiClients.sms(http);
        client.setBasePath(url);
        client.setBearerToken(key::reveal);
        client.setUserAgent(userAgent);
        return client;
    }

    private static io.connect8x8.generated.messaging.ApiClient messagingApiClient(OkHttpClient http, String url,
                                                                                   ApiKey key, String userAgent) {
        var client = WireApiClients.messaging(http);
        client.setBasePath(url);
        client.setBearerToken(key::reveal);
        client.setUserAgent(userAgent);
        return client;
    }

    /**
     * A builder holding this client's settings and sharing its connection pool and dispatcher: change a setting
     * (a timeout, the sub-account, the retry policy) and build a derived client without a second pool. The derived
     * client does not own the pool; closing it leaves this client working, and this client's {@link #close()}
     * releases the pool's idle connections for both.
     *
     * @return a new builder, independent of this client
     */
    public Builder newBuilder() {
        Builder copy = settings.copy();
        copy.httpClient = http.get();
        return copy;
    }

    private static void checkPositive(String field, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new ValidationException(field, "must be a positive duration");
        }
    }

    private static void checkUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ValidationException("userAgent", "must be printable ASCII");
        }
    }

    /**
     * A builder with the defaults: Asia-Pacific, key from {@code CONNECT8X8_API_KEY}.
     *
     * @return a builder with the defaults: Asia-Pacific, key from {@code CONNECT8X8_API_KEY}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The SMS API.
     *
     * @return the SMS API
     */
    public SmsOperations sms() {
        return sms;
    }

    /**
     * The Messaging Apps API (WhatsApp and the other chat apps).
     *
     * @return the Messaging Apps API (WhatsApp and the other chat apps)
     */
    public ChatAppsOperations chatApps() {
        return chatApps;
    }

    /**
     * The escape hatch to the generated API classes, configured like this client and running on its transport.
     *
     * @return the generated APIs
     */
    public GeneratedApis generated() {
        return generated.get();
    }

    /**
     * Every operation of the generated artifacts on the class path, by operationId, through this client's
     * configuration and transport, and the conveniences built on it (message status, cancellation, WhatsApp
     * templates, files, balance, webhooks, one-time codes). The documents are read at the first call.
     *
     * @return the operations
     */
    public Operations api() {
        return api.get();
    }

    /**
     * Releases the connection pool and threads this client created; idempotent. From then on, every send through
     * this client fails with {@link ClientClosedException} before anything is prepared or sent. An async call
     * waiting to retry fails at once with the failure of its last attempt; one with an attempt in flight ends with
     * that attempt. A scheduler given to {@link Builder#asyncScheduler} is left running, as its owner's.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
            OkHttpClient built = http.ifMade();
            if (ownsHttp && built != null) {
                built.dispatcher().executorService().shutdown();
                built.connectionPool().evictAll();
            }
        }
    }

    /** The configuration, the key redacted. */
    @Override
    public String toString() {
        return description;
    }

    /** Builds a {@link Connect8x8Client}. Every setting has a default except the sub-account id. */
    public static final class Builder {
        private ApiKey apiKey;
        private Path apiKeyFile;
        private Region region = Region.ASIA_PACIFIC;
        private String smsBaseUrl;
        private String chatAppsBaseUrl;
        private String verifyBaseUrl;
        private String accountId;
        private String subAccountId;
        private String smsSubAccountId;
        private String chatAppsSubAccountId;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private String userAgent = DEFAULT_USER_AGENT;
        private OkHttpClient httpClient;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private boolean autoClientIds = true;
        private Supplier<String> idGenerator;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier random;
        private long maxResponseBytes = 8L * 1024 * 1024;
        private boolean logMessageContent;
        private CallListener listener = CallListener.NONE;
        private ScheduledExecutorService asyncScheduler;
        private int maxAsyncInFlight = DEFAULT_MAX_ASYNC_IN_FLIGHT;

        private Builder() {
        }

        /** A copy of every setting. */
        private Builder copy() {
            Builder c = new Builder();
            c.apiKey = apiKey;
            c.apiKeyFile = apiKeyFile;
            c.region = region;
            c.smsBaseUrl = smsBaseUrl;
            c.chatAppsBaseUrl = chatAppsBaseUrl;
            c.verifyBaseUrl = verifyBaseUrl;
            c.accountId = accountId;
            c.subAccountId = subAccountId;
            c.smsSubAccountId = smsSubAccountId;
            c.chatAppsSubAccountId = chatAppsSubAccountId;
            c.connectTimeout = connectTimeout;
            c.readTimeout = readTimeout;
            c.callTimeout = callTimeout;
            c.userAgent = userAgent;
            c.httpClient = httpClient;
            c.retryPolicy = retryPolicy;
            c.autoClientIds = autoClientIds;
            c.idGenerator = idGenerator;
            c.clock = clock;
            c.sleeper = sleeper;
            c.random = random;
            c.maxResponseBytes = maxResponseBytes;
            c.logMessageContent = logMessageContent;
            c.listener = listener;
            c.asyncScheduler = asyncScheduler;
            c.maxAsyncInFlight = maxAsyncInFlight;
            return c;
        }

        /**
         * Sets the API key every request is authorised with. The key is a secret: the client never logs it or shows it
         * in {@code toString()} or an exception's message.
         *
         * @param apiKey the API key (default: {@link #apiKeyFile(Path)}, else the {@code CONNECT8X8_API_KEY}
         *     environment variable)
         * @return this builder
         */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * Sets the API key from text, checked at once, so a malformed key fails here rather than as a 401 on the first
         * send.
         *
         * @param apiKey the API key as text; checked at once, see {@link ApiKey#of(String)}
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            return apiKey(ApiKey.of(apiKey));
        }

        /**
         * A file holding only the key; read at {@link #build()}.
         *
         * @param file a file holding only the key; read at {@link #build()}
         * @return this builder
         */
        public Builder apiKeyFile(Path file) {
            this.apiKeyFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The region, selecting both hosts (default Asia-Pacific).
         *
         * @param region the region, selecting both hosts (default Asia-Pacific)
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sends SMS requests to another host than the region's: a proxy, or the simulator in tests. Plain http is
         * refused for other than loopback hosts, so the key never travels in clear.
         *
         * @param url the SMS API's base URL, overriding the region's: a proxy or the simulator; plain http only for
         *     loopback hosts
         * @return this builder
         */
        public Builder smsBaseUrl(String url) {
            this.smsBaseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * The Messaging Apps API's base URL, as {@link #smsBaseUrl(String)}.
         *
         * @param url the Messaging Apps API's base URL, as {@link #smsBaseUrl(String)}
         * @return this builder
         */
        public Builder chatAppsBaseUrl(String url) {
            this.chatAppsBaseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * The Verification API's base URL, as {@link #smsBaseUrl(String)} (default: the region's).
         *
         * @param url the Verification API's base URL: a proxy or the simulator; plain http only for loopback hosts
         * @return this builder
         */
        public Builder verifyBaseUrl(String url) {
            this.verifyBaseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Sets the account id that the account-level operations (templates, webhooks, balance, prices, usage) put in
         * their path, unless a call gives one.
         *
         * @param accountId the 8x8 account id (no default)
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Checks.text("accountId", accountId, 100);
            return this;
        }

        /**
         * Sets the sub-account both APIs send from, unless one of them has its own or a call gives one; 8x8 puts it in
         * every request's path.
         *
         * @param subAccountId the sub-account both APIs send from (no default: set it here or per call)
         * @return this builder
         */
        public Builder subAccountId(String subAccountId) {
            this.subAccountId = Objects.requireNonNull(subAccountId, "subAccountId");
            return this;
        }

        /**
         * The SMS sub-account, when it differs from the chat-apps one.
         *
         * @param subAccountId the SMS sub-account, when it differs from the chat-apps one
         * @return this builder
         */
        public Builder smsSubAccountId(String subAccountId) {
            this.smsSubAccountId = Objects.requireNonNull(subAccountId, "subAccountId");
            return this;
        }

        /**
         * The Messaging Apps sub-account, when it differs.
         *
         * @param subAccountId the Messaging Apps sub-account, when it differs
         * @return this builder
         */
        public Builder chatAppsSubAccountId(String subAccountId) {
            this.chatAppsSubAccountId = Objects.requireNonNull(subAccountId, "subAccountId");
            return this;
        }

        /**
         * The TCP and TLS connect timeout (default 10 s).
         *
         * @param timeout the TCP and TLS connect timeout (default 10 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * The longest silence while reading or writing (default 30 s).
         *
         * @param timeout the longest silence while reading or writing (default 30 s)
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets the deadline of a whole call, every attempt and wait included: no retry starts or waits past it.
         *
         * @param timeout the deadline of a whole call, retries and waits included (default 60 s)
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * The User-Agent header (default {@value #DEFAULT_USER_AGENT}).
         *
         * @param userAgent the User-Agent header (default {@value #DEFAULT_USER_AGENT})
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Shares an existing OkHttpClient's connection pool and threads instead of making new ones.
         *
         * @param client an OkHttpClient whose pool and dispatcher to share (default: the client makes its own). The
         *     caller keeps owning it: {@link Connect8x8Client#close()} leaves it open. Its timeouts, redirects,
         *     event listener and TLS versions (1.2 and 1.3 only) are overridden for this client's calls.
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The retry policy (default {@link RetryPolicy#DEFAULT}).
         *
         * @param policy the retry policy (default {@link RetryPolicy#DEFAULT})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Turns the ids the client generates on or off. A send whose answer is lost may or may not have been processed;
         * only an id fixed before it was sent tells which, from the receipts.
         *
         * @param enabled whether to give every message a {@code clientMessageId} and every batch a
         *     {@code clientBatchId} when the caller set none (default true), so that an ambiguous failure can be
         *     reconciled from the receipts
         * @return this builder
         */
        public Builder autoClientIds(boolean enabled) {
            this.autoClientIds = enabled;
            return this;
        }

        /**
         * Sets where generated message and batch ids come from; tests inject a sequence to assert the ids on the wire.
         *
         * @param generator where generated client ids come from (default: random UUIDs; a batch id is cut to the
         *     API's limit)
         * @return this builder
         */
        public Builder idGenerator(Supplier<String> generator) {
            this.idGenerator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * The clock for deadlines and schedule checks (default UTC system clock).
         *
         * @param clock the clock for deadlines and schedule checks (default UTC system clock)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How to wait between attempts (default {@link Sleeper#SYSTEM}; tests inject).
         *
         * @param sleeper how to wait between attempts (default {@link Sleeper#SYSTEM}; tests inject)
         * @return this
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Uniform values in [0, 1) for backoff jitter (default: thread-local random).
         *
         * @param random uniform values in [0, 1) for backoff jitter (default: thread-local random)
         * @return this
         */
        public Builder jitter(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Lets the debug log show what is sent. Off by default because message text is personal data.
         *
         * @param enabled whether debug logs (logger {@code io.connect8x8.http}) show request bodies: message text
         *     and template parameters, phone numbers still masked (default false: method, URL, status, timing and
         *     attempt only)
         * @return this builder
         */
        public Builder logMessageContent(boolean enabled) {
            this.logMessageContent = enabled;
            return this;
        }

        /**
         * The largest response body read (default 8 MiB).
         *
         * @param bytes the largest response body read (default 8 MiB)
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1024) {
                throw new ValidationException("maxResponseBytes", "must be at least 1024");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Sets the observer of every call, sync and async: metrics and tracing hang off it (see
         * {@code connect8x8-micrometer}).
         *
         * @param listener the listener (default {@link CallListener#NONE})
         * @return this builder
         */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets where async calls wait between attempts. By default the client creates one daemon thread the first
         * time an async call retries, and shuts it down in {@link Connect8x8Client#close()}; a scheduler given here
         * is shared, and left running by {@code close()}. Tests inject one that runs waits at once.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder asyncScheduler(ScheduledExecutorService scheduler) {
            this.asyncScheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Bounds the async calls ({@code sendAsync}, {@code sendBatchAsync}) in flight at once on this client, both
         * APIs together, each counted from its start to the completion of its future, retry waits included. When
         * the bound is reached, a further async call does not wait: its future fails at once with an
         * {@link InFlightLimitException} ({@link SendState#NOT_SENT}, nothing sent). With a client-owned
         * OkHttpClient, OkHttp's dispatcher is sized to the same bound; with one given to
         * {@link #httpClient(OkHttpClient)}, that client's dispatcher limits apply as well.
         *
         * @param max at least 1 (default {@value Connect8x8Client#DEFAULT_MAX_ASYNC_IN_FLIGHT})
         * @return this builder
         * @throws ValidationException when below 1
         */
        public Builder maxAsyncInFlight(int max) {
            if (max < 1) {
                throw new ValidationException("maxAsyncInFlight", "must be at least 1");
            }
            this.maxAsyncInFlight = max;
            return this;
        }

        /**
         * Builds the client, checking every setting first, so a misconfigured client fails here and not on its first
         * send. The API key is read from the file or environment now if none was set.
         *
         * @return the client
         * @throws ValidationException naming the setting at fault (no key, a malformed key, an http URL to a
         *     non-loopback host, a malformed sub-account id)
         */
        public Connect8x8Client build() {
            return new Connect8x8Client(this);
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return whether {@link #close()} was called
     */
    public boolean isClosed() {
        return closed.get();
    }
}
