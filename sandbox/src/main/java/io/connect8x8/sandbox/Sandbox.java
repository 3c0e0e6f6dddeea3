package io.connect8x8.sandbox;

import io.connect8x8.sandbox.internal.Server;
import io.connect8x8.sandbox.internal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A local simulator of the 8x8 SMS API and Messaging Apps API: the same paths, validation against the same OpenAPI
 * documents, the live API's error codes and limits, delivery receipts posted to webhooks with 8x8's retry schedule,
 * switchable faults, and a record of every message for assertions.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().build().start()) {
 *     // point a client at sandbox.smsBaseUrl() / sandbox.chatAppsBaseUrl() with sandbox.apiKey()
 * }
 * }</pre>
 *
 * <p>A simulator is started once and closed once; every method is thread-safe. It owns its server thread pool, its
 * receipt thread and its HTTP client, and {@link #close()} releases them.
 */
public final class Sandbox implements AutoCloseable {

    /** The key accepted when none is configured. */
    public static final String DEFAULT_API_KEY = "sandbox-key";
    /** The largest request body by default, 16 MiB: a full batch of 10,000 personalised SMS fits; more is 413. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** How many of the latest messages are kept whole by default; older ones are only counted. */
    public static final int DEFAULT_RECORD_WINDOW = 10_000;

    private final Settings settings;
    private volatile Server server;
    private volatile Faults faults;

    private Sandbox(Settings settings) {
        this.settings = settings;
    }

    /**
     * Returns a builder with every option at its default.
     *
     * @return a builder with every option at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving; returns once connections are accepted. The two OpenAPI documents are parsed
     * once per JVM on a background thread (one to three seconds on a cold JVM), so the first API request of a JVM
     * may wait for them; later simulators find them ready.
     *
     * @return this
     * @throws IllegalStateException when already started
     * @throws UncheckedIOException when the address cannot be bound
     */
    public synchronized Sandbox start() {
        if (server != null) {
            throw new IllegalStateException("sandbox already started");
        }
        try {
            server = new Server(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + settings.host() + ":" + settings.port(), e);
        }
        faults = new Faults(server.faults());
        return this;
    }

    private Server server() {
        Server running = server;
        if (running == null) {
            throw new IllegalStateException("sandbox not started");
        }
        return running;
    }

    /**
     * Returns the bound port (the real one when the builder asked for 0).
     *
     * @return the bound port (the real one when the builder asked for 0)
     */
    public int port() {
        return server().port();
    }

    /**
     * Returns the root URL, e.g. {@code http://127.0.0.1:8080}; the admin endpoints live under it.
     *
     * @return the root URL, e.g. {@code http://127.0.0.1:8080}; the admin endpoints live under it
     */
    public String rootUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /**
     * Returns the SMS API's base URL, e.g. {@code http://127.0.0.1:8080/sms}.
     *
     * @return the SMS API's base URL, e.g. {@code http://127.0.0.1:8080/sms}
     */
    public String smsBaseUrl() {
        return rootUrl() + "/sms";
    }

    /**
     * Returns the Messaging Apps API's base URL, e.g. {@code http://127.0.0.1:8080/chatapps}.
     *
     * @return the Messaging Apps API's base URL, e.g. {@code http://127.0.0.1:8080/chatapps}
     */
    public String chatAppsBaseUrl() {
        return rootUrl() + "/chatapps";
    }

    /**
     * Returns the Verification API's base URL, e.g. {@code http://127.0.0.1:8080/verify}; served when the class path
     * has the Verification document (the {@code connect8x8-generated-published} artifact, or a spec set with it).
     *
     * @return the Verification API's base URL
     */
    public String verifyBaseUrl() {
        return rootUrl() + "/verify";
    }

    /**
     * The one-time code of a Verification API session. Numbers of the fictional {@code +1555} range (every
     * {@link TestNumbers} number) always get the first {@code codeLength} characters of {@code 1234567890}; other
     * numbers get random digits, read here.
     *
     * @param sessionId the {@code sessionId} the API answered
     * @return the code, or null for an unknown session
     */
    public String verificationCode(String sessionId) {
        return server().verificationCode(Objects.requireNonNull(sessionId, "sessionId"));
    }

    /**
     * The operations this simulator serves, as {@code host:operationId} (hosts {@code sms}, {@code chatapps},
     * {@code verify}), in serving order: the spec set's documents first, then the published artifact's. Waits for
     * the documents to load.
     *
     * @return e.g. {@code sms:Send-Sms-Single}, {@code sms:get-sms-message-details}, ...
     */
    public List<String> operations() {
        return io.connect8x8.sandbox.internal.Documents.shared().operationNames();
    }

    /**
     * Returns the default API key.
     *
     * @return the default API key
     */
    public String apiKey() {
        return settings.apiKey();
    }

    /**
     * Returns the fault switches; they start off.
     *
     * @return the fault switches; they start off
     */
    public Faults faults() {
        server();
        return faults;
    }

    /**
     * The latest messages received, accepted or rejected, oldest first: at most the builder's
     * {@link Builder#recordWindow(int) record window}; {@link #acceptedMessages()} counts them all.
     *
     * @return the messages in the window
     */
    public List<SandboxMessage> messages() {
        return server().store().snapshot();
    }

    /**
     * The messages to one number.
     *
     * @param msisdn the number, with or without {@code +}
     * @return its messages, oldest first
     */
    public List<SandboxMessage> messagesTo(String msisdn) {
        String digits = TestNumbers.digits(Objects.requireNonNull(msisdn, "msisdn").trim());
        return messages().stream().filter(message -> digits.equals(TestNumbers.digits(message.msisdn()))).toList();
    }

    /**
     * Returns the API requests received (admin requests excluded) since start or the last {@link #reset()}.
     *
     * @return the API requests received (admin requests excluded) since start or the last {@link #reset()}
     */
    public long requestCount() {
        return server().store().requestCount();
    }

    /**
     * Returns how many messages were accepted since start or the last reset, however many left the record window.
     *
     * @return the count of accepted messages
     */
    public long acceptedMessages() {
        return server().store().acceptedMessages();
    }

    /**
     * Returns how many messages were rejected since start or the last reset.
     *
     * @return the count of rejected messages
     */
    public long rejectedMessages() {
        return server().store().rejectedMessages();
    }

    /**
     * How many accepted messages carried a {@code clientMessageId} already accepted (for the same API and
     * sub-account): 0 means nothing was sent twice.
     *
     * @return the count of repeated acceptances
     */
    public long duplicateClientMessageIds() {
        return server().store().duplicateClientMessageIds();
    }

    /**
     * Returns the receipts delivered (answered 2xx) since start or the last {@link #reset()}.
     *
     * @return the receipts delivered (answered 2xx) since start or the last {@link #reset()}
     */
    public long receiptsDelivered() {
        return server().store().receiptsDelivered();
    }

    /**
     * Blocks until at least {@code count} receipts were delivered since start or the last reset.
     *
     * @param count the number of receipts
     * @param timeout the longest wait
     * @return true when the count was reached, false on timeout
     * @throws InterruptedException when interrupted
     */
    public boolean awaitReceipts(long count, Duration timeout) throws InterruptedException {
        return server().store().awaitReceipts(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Blocks until at least {@code count} receipts were delivered or given up (every retry failed) since start or
     * the last reset; for tests of failing webhooks.
     *
     * @param count the number of receipts
     * @param timeout the longest wait
     * @return true when the count was reached, false on timeout
     * @throws InterruptedException when interrupted
     */
    public boolean awaitReceiptsSettled(long count, Duration timeout) throws InterruptedException {
        return server().store().awaitReceiptsSettled(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Registers another approved WhatsApp template (or replaces one of the same name and language).
     *
     * @param template the template
     */
    public void registerTemplate(WhatsAppTemplate template) {
        server().templates().register(Objects.requireNonNull(template, "template"));
    }

    /**
     * Forgets recorded messages and counters, turns every fault off and empties the rate windows. Receipts not yet
     * sent for earlier messages are dropped.
     */
    public void reset() {
        server().reset();
    }

    /** Stops the server and the receipts; idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }

    /** Builds a {@link Sandbox}. Not thread-safe; every option has a default. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private final Map<String, Set<String>> keys = new LinkedHashMap<>();
        private boolean strict;
        private int rateLimit;
        private String webhookUrl;
        private double timeFactor = 1.0;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private final List<WhatsAppTemplate> templates =
                new ArrayList<>(List.of(WhatsAppTemplate.GUIDE_AUTHENTICATION));
        private int threads = Math.max(32, 4 * Runtime.getRuntime().availableProcessors());
        private int recordWindow = DEFAULT_RECORD_WINDOW;
        private java.util.function.Consumer<String> requestLog;

        private Builder() {
        }

        /**
         * The address to listen on.
         *
         * @param host an IP address or name; default {@code 127.0.0.1} (loopback only)
         * @return this
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port.
         *
         * @param port 0 to 65535; default 0, a free port chosen at start
         * @return this
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The default API key, accepted as {@code Authorization: Bearer <key>}.
         *
         * @param apiKey the key; default {@value Sandbox#DEFAULT_API_KEY}
         * @return this
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            return this;
        }

        /**
         * Adds an accepted key and the sub-accounts it owns. Ownership is enforced only in {@link #strict strict}
         * mode; calling it again for the same key adds sub-accounts.
         *
         * @param key the key
         * @param subAccountIds the sub-accounts it may use in strict mode
         * @return this
         */
        public Builder addKey(String key, String... subAccountIds) {
            Set<String> owned = keys.computeIfAbsent(requireText(key, "key"), k -> new LinkedHashSet<>());
            for (String id : Objects.requireNonNull(subAccountIds, "subAccountIds")) {
                owned.add(requireText(id, "subAccountId"));
            }
            return this;
        }

        /**
         * Whether a key may only use the sub-accounts given with {@link #addKey}; another sub-account is answered
         * 400 with code 1001, as 8x8's documents give it. The default key owns no sub-account unless added with
         * {@code addKey(apiKey, ...)}.
         *
         * @param strict default false: every accepted key may use every sub-account
         * @return this
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * The quota per sub-account, as the live API's 1,800 requests a second. With a quota, the message details
         * operations also take at most one request a second per sub-account and API, the documents' limit of them.
         *
         * @param requestsPerSecond at least 0; default 0, no limit
         * @return this
         */
        public Builder rateLimit(int requestsPerSecond) {
            if (requestsPerSecond < 0) {
                throw new IllegalArgumentException("rateLimit must be at least 0: " + requestsPerSecond);
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /**
         * The webhook receipts go to when a message has no {@code dlrCallbackUrl}.
         *
         * @param webhookUrl an http(s) URL, or null; default none (then only messages with a dlrCallbackUrl get
         *     receipts posted; the others are recorded)
         * @return this
         */
        public Builder webhookUrl(String webhookUrl) {
            if (webhookUrl != null) {
                String scheme = URI.create(webhookUrl).getScheme();
                if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                    throw new IllegalArgumentException("webhookUrl must be http or https: " + webhookUrl);
                }
            }
            this.webhookUrl = webhookUrl;
            return this;
        }

        /**
         * Scales the receipt retry delays (8x8 retries after 1, 10, 30 and 90 seconds).
         *
         * @param factor at least 0; default 1.0, the real schedule; tests use e.g. 0.001
         * @return this
         */
        public Builder receiptTimeFactor(double factor) {
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("receiptTimeFactor must be a finite number >= 0: " + factor);
            }
            this.timeFactor = factor;
            return this;
        }

        /**
         * The clock of timestamps, rate-limit windows, delivery attempts, {@code scheduled} messages, verification
         * codes and log export windows. A {@link SandboxClock} lets a test move time: a scheduled message is
         * delivered, with its receipts, as soon as the clock is advanced past its time.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The largest request body; a larger one is answered 413.
         *
         * @param bytes at least 1; default {@value Sandbox#DEFAULT_MAX_BODY_BYTES}
         * @return this
         */
        public Builder maxRequestBodyBytes(int bytes) {
            if (bytes < 1 || bytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxRequestBodyBytes must be 1 to 2^31-2: " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Registers an approved WhatsApp template besides {@link WhatsAppTemplate#GUIDE_AUTHENTICATION}, which is
         * always registered.
         *
         * @param template the template
         * @return this
         */
        public Builder addTemplate(WhatsAppTemplate template) {
            templates.add(Objects.requireNonNull(template, "template"));
            return this;
        }

        /**
         * The request threads.
         *
         * @param threads at least 1; default four times the processors, at least 32, so that a few slow clients do
         *     not hold every thread
         * @return this
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * How many of the latest messages {@link Sandbox#messages()} keeps whole; older ones are only counted (by
         * {@link Sandbox#acceptedMessages()} and the others), so memory stays bounded however long it runs. The log
         * export and the SMS message details still find every one of the latest 5,000,000 messages (or of the
         * window, if larger) from a log of about 63 bytes a message, as 8x8 keeps its logs.
         *
         * @param messages 0 or more; default {@value Sandbox#DEFAULT_RECORD_WINDOW}
         * @return this
         */
        public Builder recordWindow(int messages) {
            if (messages < 0) {
                throw new IllegalArgumentException("recordWindow must be 0 or more: " + messages);
            }
            this.recordWindow = messages;
            return this;
        }

        /**
         * Where to report each answered API request: one line with the method, the path, the status and the
         * destination masked (such as {@code POST /sms/api/v1/subaccounts/acme/messages 200 +65******67}; a batch
         * gives its message count). Called on the request's thread, after the response is sent.
         *
         * @param log receives the lines; default none
         * @return this builder
         */
        public Builder requestLog(java.util.function.Consumer<String> log) {
            this.requestLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Builds the simulator; {@link Sandbox#start()} binds it.
         *
         * @return the simulator, not started
         */
        public Sandbox build() {
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host: " + host, e);
            }
            Map<String, Set<String>> allKeys = new LinkedHashMap<>();
            allKeys.put(apiKey, Set.of());
            keys.forEach((key, owned) -> allKeys.merge(key, Set.copyOf(owned), (a, b) -> {
                Set<String> union = new LinkedHashSet<>(a);
                union.addAll(b);
                return Set.copyOf(union);
            }));
            return new Sandbox(new Settings(host, port, apiKey, Map.copyOf(allKeys), strict, rateLimit, webhookUrl,
                    timeFactor, clock, maxBodyBytes, List.copyOf(templates), threads, recordWindow, requestLog));
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
