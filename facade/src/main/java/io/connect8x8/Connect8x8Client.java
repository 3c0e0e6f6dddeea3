package io.connect8x8;

import io.connect8x8.api.Operations;
import io.connect8x8.chatapps.ChatAppsOperations;
import io.connect8x8.internal.Access;
import io.connect8x8.internal.ApiSettings;
import io.connect8x8.internal.AttemptTracker;
import io.connect8x8.internal.ChatKinds;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Lazy;
import io.connect8x8.internal.SendPipeline;
import io.connect8x8.internal.SharedResources;
import io.connect8x8.internal.SmsKinds;
import io.connect8x8.internal.Transport;
import io.connect8x8.internal.WireApiClients;
import io.connect8x8.sms.SmsOperations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
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
 * pool.
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
 * <p>Share one client: it holds a connection pool and threads, released by {@link #close()} once every client
 * derived from it with {@link #newBuilder()} is closed too. The HTTP client (and its TLS set-up) is built at the
 * first request, so a client that only previews requests never builds one.
 */
public final class Connect8x8Client implements AutoCloseable {

    /** The User-Agent sent unless configured. */
    public static final String DEFAULT_USER_AGENT = "connect8x8-java/0.1";

    /** The default bound on async calls in flight at once: 64, OkHttp's own default for a dispatcher. */
    public static final int DEFAULT_MAX_ASYNC_IN_FLIGHT = 64;

    private final Lazy<OkHttpClient> http;
    private final SharedResources shared;
    private final Transport transport;
    private final SmsOperations sms;
    private final ChatAppsOperations chatApps;
    private final Lazy<GeneratedApis> generated;
    private final Lazy<Operations> api;
    private final String description;
    private final Builder settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Connect8x8Client(Builder given) {
        // A copy: the lambdas below read it after build() returns, when the caller may change the builder.
        Builder b = given.copy();
        ApiKey key = b.apiKey != null ? b.apiKey : ApiKey.fromEnvironment();
        String smsUrl = Checks.baseUrl("smsBaseUrl", or(b.smsBaseUrl, b.region.smsBaseUrl()));
        String chatUrl = Checks.baseUrl("chatAppsBaseUrl", or(b.chatAppsBaseUrl, b.region.chatAppsBaseUrl()));
        String sub = b.subAccountId == null ? null : Checks.subAccountId("subAccountId", b.subAccountId);
        checkPositive("connectTimeout", b.connectTimeout);
        checkPositive("readTimeout", b.readTimeout);
        checkPositive("callTimeout", b.callTimeout);
        if (b.userAgent == null || b.userAgent.isBlank()
                || !b.userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ValidationException("userAgent", "must be printable ASCII");
        }
        String verifyUrl = Checks.baseUrl("verifyBaseUrl", or(b.verifyBaseUrl, b.region.verifyBaseUrl()));

        SharedResources parent = b.shared;
        if (parent != null && parent.retain(b.maxAsyncInFlight)) {
            // Derived: an OkHttpClient of its own settings over the root's pool and dispatcher.
            this.shared = parent;
            this.http = new Lazy<>(() -> configure(parent.root().get().newBuilder(), b).build());
        } else {
            // A root client (or a derived one built after every client it shared with was closed: it starts over).
            boolean ownsHttp = b.httpClient == null;
            OkHttpClient.Builder http = ownsHttp ? new OkHttpClient.Builder() : b.httpClient.newBuilder();
            Dispatcher dispatcher = null;
            if (ownsHttp) {
                // Async calls run on the dispatcher: its per-host limit (5 by default) would queue them unseen, so
                // the client's own bound on calls in flight is the only one (derived clients add theirs).
                dispatcher = new Dispatcher();
                dispatcher.setMaxRequests(b.maxAsyncInFlight);
                dispatcher.setMaxRequestsPerHost(b.maxAsyncInFlight);
                http.dispatcher(dispatcher);
            }
            configure(http, b);
            // Built at the first request: building it loads the JDK's TLS stack and reads the trust store, a third
            // of what a CLI dry run, which sends nothing, would otherwise load.
            this.http = new Lazy<>(http::build);
            this.shared = new SharedResources(this.http, ownsHttp, dispatcher);
        }

        SharedResources resources = this.shared;
        this.transport = new Transport(this.http, b.clock, b.sleeper, b.random,
                b.smsBaseUrl == null && b.chatAppsBaseUrl == null ? b.region : null, b.maxResponseBytes,
                b.logMessageContent, b.asyncScheduler != null ? () -> b.asyncScheduler : resources::scheduler,
                b.maxAsyncInFlight, b.maxAsyncQueued);
        // An API left on its live host beside a loopback one: a test set-up that forgot one setting. Its calls fail.
        Map<CallListener.Api, String> liveBesideLoopback = new EnumMap<>(CallListener.Api.class);
        if (Checks.isLoopbackUrl(b.smsBaseUrl) || Checks.isLoopbackUrl(b.chatAppsBaseUrl)
                || Checks.isLoopbackUrl(b.verifyBaseUrl)) {
            if (b.smsBaseUrl == null) {
                liveBesideLoopback.put(CallListener.Api.SMS, smsUrl);
            }
            if (b.chatAppsBaseUrl == null) {
                liveBesideLoopback.put(CallListener.Api.CHAT_APPS, chatUrl);
            }
            if (b.verifyBaseUrl == null) {
                liveBesideLoopback.put(CallListener.Api.VERIFY, verifyUrl);
            }
        }
        ApiSettings apiSettings = new ApiSettings(transport, b.listener, b.clock, b.callTimeout, b.retryPolicy,
                Map.of("sms", smsUrl, "chatapps", chatUrl, "verify", verifyUrl), liveBesideLoopback, sub, b.accountId,
                key::reveal, b.userAgent, closed::get);
        Supplier<String> ids = b.autoClientIds ? or(b.idGenerator, SendPipeline.RANDOM_IDS) : null;
        // The pipelines' generated clients only build requests, which the transport executes.
        GeneratedApis requests = new GeneratedApis(which -> WireApiClients.REQUEST_FACTORY, smsUrl, chatUrl,
                key::reveal, b.userAgent);
        this.sms = Access.make(SmsOperations.class, new Access.Wiring<>(
                new SendPipeline(apiSettings, CallListener.Api.SMS, ids),
                SmsKinds.single(requests.sms()), SmsKinds.batch(requests.sms())));
        this.chatApps = Access.make(ChatAppsOperations.class, new Access.Wiring<>(
                new SendPipeline(apiSettings, CallListener.Api.CHAT_APPS, ids),
                ChatKinds.single(requests.messaging()), ChatKinds.batch(requests.messaging())));
        // The escape hatch's generated clients run their calls on the transport, on first use.
        this.generated = new Lazy<>(() -> new GeneratedApis(which -> onTransport(which, b, apiSettings), smsUrl,
                chatUrl, key::reveal, b.userAgent));
        this.api = new Lazy<>(() -> Access.make(Operations.class, apiSettings));
        this.description = "Connect8x8Client{smsBaseUrl=" + smsUrl + ", chatAppsBaseUrl=" + chatUrl
                + ", subAccountId=" + sub + ", apiKey=" + key + ", callTimeout=" + b.callTimeout + ", retryPolicy="
                + b.retryPolicy + (b.proxy == null ? "" : ", proxy=" + b.proxy) + '}';
        b.apiKey = key;
        this.settings = b;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** This client's settings on an OkHttpClient builder: the root's own, or a copy of the root's when derived. */
    private static OkHttpClient.Builder configure(OkHttpClient.Builder http, Builder b) {
        http.connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                // Per attempt, the transport sets what is left of the call's deadline.
                .callTimeout(b.callTimeout)
                .eventListenerFactory(AttemptTracker.LISTENER_FACTORY)
                .followRedirects(false);
        if (!http.networkInterceptors().contains(AttemptTracker.GATE)) {
            http.addNetworkInterceptor(AttemptTracker.GATE);
        }
        if (b.proxy != null) {
            b.proxy.applyTo(http);
        }
        // Also on a shared client: its owner's specs may allow TLS 1.0 and 1.1 (the derived client leaves them intact).
        http.connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2).build(), ConnectionSpec.CLEARTEXT));
        return http;
    }

    /** This client's OkHttpClient with each call answered by the transport: the escape hatch's. */
    private OkHttpClient onTransport(CallListener.Api which, Builder b, ApiSettings settings) {
        OkHttpClient.Builder hatch = http.get().newBuilder();
        // A caller's own interceptors (of an httpClient given) run in the transport's calls, once per attempt: here
        // they would run a second time, before the transport takes the call.
        hatch.interceptors().clear();
        hatch.networkInterceptors().clear();
        hatch.addInterceptor(chain -> {
            try {
                settings.checkHost(which);
            } catch (ValidationException e) {
                // As the transport's interceptor reports a failure without an answer: the generated code wraps it.
                throw new IOException(e.getMessage(), e);
            }
            return chain.proceed(chain.request());
        });
        return hatch.addInterceptor(transport.interceptor(b.listener, b.callTimeout, b.retryPolicy, which)).build();
    }

    private static void checkPositive(String field, Duration value) {
        // OkHttp reads a timeout in whole milliseconds: under 1 ms as none at all, over MAX_DURATION as an error.
        if (value == null || value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Checks.MAX_DURATION) > 0) {
            throw new ValidationException(field, "must be 1 ms to " + Checks.MAX_DURATION.toMillis() + " ms");
        }
    }

    /** {@return a new builder with the defaults: Asia-Pacific, key from {@code CONNECT8X8_API_KEY}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with this client's settings that shares its connection pool, dispatcher and retry scheduler, for a
     * derived client (another timeout, sub-account or retry policy) without a second pool. The clients that share
     * them are equals: each works until it is itself closed, and the last close releases them. A builder used after
     * all of them were closed builds a client with resources of its own.
     *
     * @return a new builder, independent of this client
     */
    public Builder newBuilder() {
        Builder copy = settings.copy();
        copy.shared = shared;
        return copy;
    }

    /** {@return the SMS API} */
    public SmsOperations sms() {
        return sms;
    }

    /** {@return the Messaging Apps API (WhatsApp and the other chat apps)} */
    public ChatAppsOperations chatApps() {
        return chatApps;
    }

    /** {@return the escape hatch: the generated API classes, configured like this client, on its transport} */
    public GeneratedApis generated() {
        return generated.get();
    }

    /**
     * {@return every operation of the generated artifacts on the class path, by operationId, through this client's
     * configuration and transport, and the conveniences built on it} The documents are read at the first call.
     */
    public Operations api() {
        return api.get();
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes this client; idempotent. From then on every send through it fails with {@link ClientClosedException}
     * before anything is sent, as does a queued async call; a call waiting to retry fails with its last attempt's
     * failure (an async one at once, a blocking one when its wait ends), and one with an attempt in flight ends with
     * that attempt. The pool and threads are released when the last client sharing them closes; a caller's
     * {@link OkHttpClient} and scheduler stay open.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
            shared.release(settings.maxAsyncInFlight);
        }
    }

    /** The configuration, the key redacted. */
    @Override
    public String toString() {
        return description;
    }

    /** Builds a {@link Connect8x8Client}. Every setting has a default except the sub-account id. */
    public static final class Builder implements Cloneable {
        private ApiKey apiKey;
        private Region region = Region.ASIA_PACIFIC;
        private String smsBaseUrl;
        private String chatAppsBaseUrl;
        private String verifyBaseUrl;
        private String accountId;
        private String subAccountId;
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
        private int maxAsyncQueued;
        private HttpProxy proxy;
        /** The resources of the client this builder came from ({@link #newBuilder()}), or null. */
        private SharedResources shared;

        private Builder() {
        }

        private Builder copy() {
            try {
                return (Builder) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        /**
         * Sets the API key. The client never logs it or shows it in {@code toString()} or an exception's message.
         *
         * @param apiKey the key, such as {@link ApiKey#fromFile(Path)} (default {@link ApiKey#fromEnvironment()}, read
         *     at {@link #build()})
         * @return this builder
         */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * Sets the API key from text, checked at once rather than as a 401 on the first send.
         *
         * @param apiKey the key as text, see {@link ApiKey#of(String)}
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            return apiKey(ApiKey.of(apiKey));
        }

        /**
         * Sets the region, which selects every host.
         *
         * @param region the region (default Asia-Pacific)
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sends SMS requests to another host than the region's: a proxy, or the simulator in tests. Plain http is
         * refused for other than loopback hosts, so the key never travels in clear. Once any base URL is a loopback
         * host (a test server), a call to an API whose base URL is not set fails with a {@link ValidationException}
         * naming that setting, nothing sent, instead of reaching the region's live host: set all three for a test.
         *
         * @param url the SMS API's base URL
         * @return this builder
         */
        public Builder smsBaseUrl(String url) {
            this.smsBaseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Sets the Messaging Apps API's base URL, as {@link #smsBaseUrl(String)}.
         *
         * @param url the Messaging Apps API's base URL
         * @return this builder
         */
        public Builder chatAppsBaseUrl(String url) {
            this.chatAppsBaseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Sets the Verification API's base URL, as {@link #smsBaseUrl(String)}. A client whose SMS or Messaging Apps
         * base URL is a loopback test server needs it too: unset, its verification calls fail with a
         * {@link ValidationException} naming {@code verifyBaseUrl} rather than send a real code from verify.8x8.com.
         *
         * @param url the Verification API's base URL
         * @return this builder
         */
        public Builder verifyBaseUrl(String url) {
            this.verifyBaseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Sets the account id of the account-level operations (templates, webhooks, balance, ...), unless a call
         * gives one.
         *
         * @param accountId the 8x8 account id (no default)
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Checks.text("accountId", accountId, 100);
            return this;
        }

        /**
         * Sets the sub-account every API sends from, unless a call gives one. For another sub-account per API, derive
         * a client with {@link Connect8x8Client#newBuilder()}: it shares the pool.
         *
         * @param subAccountId the sub-account (no default: set it here or per call)
         * @return this builder
         */
        public Builder subAccountId(String subAccountId) {
            this.subAccountId = Objects.requireNonNull(subAccountId, "subAccountId");
            return this;
        }

        /**
         * Sets the TCP and TLS connect timeout.
         *
         * @param timeout the timeout, 1 ms to {@code Integer.MAX_VALUE} ms (default 10 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Sets the longest silence while reading or writing.
         *
         * @param timeout the timeout, 1 ms to {@code Integer.MAX_VALUE} ms (default 30 s)
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets the deadline of a whole call, every attempt and wait included: no retry starts or waits past it.
         *
         * @param timeout the deadline, 1 ms to {@code Integer.MAX_VALUE} ms (default 60 s)
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * Sets the User-Agent header.
         *
         * @param userAgent printable ASCII (default {@value #DEFAULT_USER_AGENT})
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Shares an existing OkHttpClient's connection pool and threads instead of making new ones. The caller keeps
         * owning it ({@link Connect8x8Client#close()} leaves it open); its timeouts, redirects, event listener and TLS
         * versions (1.2 and 1.3 only) are overridden for this client's calls.
         *
         * @param client the OkHttpClient (default: the client makes its own)
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            // The caller's choice wins over the pool of a client this builder was derived from.
            this.shared = null;
            return this;
        }

        /**
         * Sends through an HTTP proxy, or states how to choose one. Unset, the JVM's default
         * {@link java.net.ProxySelector} applies, as in OkHttp ({@link HttpProxy#system()} says so explicitly).
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(HttpProxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param policy the policy (default {@link RetryPolicy#DEFAULT})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Gives every message a {@code clientMessageId} and every batch a {@code clientBatchId} when the caller set
         * none: a send whose answer is lost can then be reconciled from the receipts.
         *
         * @param enabled whether to (default true)
         * @return this builder
         */
        public Builder autoClientIds(boolean enabled) {
            this.autoClientIds = enabled;
            return this;
        }

        /**
         * Sets where generated client ids come from; tests inject a sequence to assert the ids on the wire.
         *
         * @param generator the ids (default: random UUIDs; a batch id is cut to the API's limit)
         * @return this builder
         */
        public Builder idGenerator(Supplier<String> generator) {
            this.idGenerator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * Sets the clock for deadlines and schedule checks.
         *
         * @param clock the clock (default the UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how to wait between attempts; tests inject one that does not sleep.
         *
         * @param sleeper the sleeper (default {@link Sleeper#SYSTEM})
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the source of backoff jitter.
         *
         * @param random uniform values in [0, 1) (default: thread-local random)
         * @return this builder
         */
        public Builder jitter(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Lets debug logs (logger {@code io.connect8x8.http}) show request bodies, phone numbers still masked and a
         * webhook's credentials hidden. Off by default because message text is personal data.
         *
         * @param enabled whether to (default false: method, URL, status, timing and attempt only)
         * @return this builder
         */
        public Builder logMessageContent(boolean enabled) {
            this.logMessageContent = enabled;
            return this;
        }

        /**
         * Sets the largest response body read.
         *
         * @param bytes at least 1024 (default 8 MiB)
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
         * Sets the observer of every call, sync and async, for metrics and tracing ({@code connect8x8-micrometer}).
         *
         * @param listener the listener (default {@link CallListener#NONE})
         * @return this builder
         */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets where async calls wait between attempts. By default the client starts one daemon thread at the first
         * async retry and shuts it down in {@link Connect8x8Client#close()}; a scheduler given here is left running.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder asyncScheduler(ScheduledExecutorService scheduler) {
            this.asyncScheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Bounds the async calls in flight at once, both APIs together, each counted until its future completes,
         * retry waits included. Beyond it, a call waits in the queue of {@link #maxAsyncQueued(int)} or, with none or
         * the queue full, fails at once with an {@link InFlightLimitException}, nothing sent. A client-owned
         * OkHttpClient's dispatcher is sized to the same bound.
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
         * Lets up to {@code max} async calls beyond {@link #maxAsyncInFlight(int)} wait, in order, for a place
         * instead of failing at once; the bound keeps a producer faster than the API from filling memory. A call that
         * finds the queue full fails with an {@link InFlightLimitException}; a queued call's deadline runs while it
         * waits ({@link CallTimeoutException} without sending); closing the client fails the queued calls with a
         * {@link ClientClosedException}.
         *
         * @param max at least 0 (default 0: fail fast)
         * @return this builder
         * @throws ValidationException when negative
         */
        public Builder maxAsyncQueued(int max) {
            if (max < 0) {
                throw new ValidationException("maxAsyncQueued", "must be at least 0");
            }
            this.maxAsyncQueued = max;
            return this;
        }

        /**
         * Builds the client, checking every setting first, so a misconfigured client fails here and not on its first
         * send. The API key is read from the environment now if none was set.
         *
         * @return the client
         * @throws ValidationException naming the setting at fault
         */
        public Connect8x8Client build() {
            return new Connect8x8Client(this);
        }
    }
}
