package io.connect8x8.sandbox.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The running parts of one simulator: the JDK HTTP server, its thread pool, the record and the receipt sender. */
public final class Server implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on by default, which stalls small keep-alive responses for tens of
        // milliseconds; the property is read once, when the server classes load, so it is set before any of them.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that sends its request (or reads the response) too slowly loses its connection instead of holding
        // a request thread for ever; the JDK server reads these once as well.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "30");
        }
    }

    /** Enough for hundreds of stalled clients on top of the working ones; each idle thread ends after 30 s. */
    private static final int MAX_THREADS = 1024;

    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final MessageStore store;
    private final FaultState faults = new FaultState();
    private final ReceiptDispatcher receipts;
    private final RateLimiter rateLimiter;
    private final TemplateRegistry templates;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final Engine engine;
    private final GenericApi generic;
    private Runnable releaseDue;
    private final Settings settings;

    /**
     * Binds the server and starts serving.
     *
     * @param settings the configuration
     * @throws IOException when the address cannot be bound
     */
    public Server(Settings settings) throws IOException {
        this.settings = settings;
        Specs specs = Specs.shared();
        this.store = new MessageStore(settings.recordWindow());
        this.templates = new TemplateRegistry(settings.templates());
        this.receipts = new ReceiptDispatcher(settings.timeFactor(), settings.clock(), store);
        this.rateLimiter = new RateLimiter(settings.rateLimit(), settings.clock());
        this.engine = new Engine(settings.clock(), store, receipts, templates, settings.webhookUrl());
        this.generic = new GenericApi(engine, specs.documents);
        AdminHandler admin = new AdminHandler(store, faults, this::reset);
        AtomicInteger threadNumber = new AtomicInteger();
        // The JDK server reads a request's line and headers on the executor's thread, so every stalled client holds
        // one until its 30 s limit: the pool keeps its core threads and grows on demand (no queue to wait behind)
        // up to MAX_THREADS; past that the accepting thread runs the request itself, which slows accepting down
        // instead of failing requests.
        this.executor = new ThreadPoolExecutor(settings.threads(), Math.max(settings.threads(), MAX_THREADS), 30,
                TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "sandbox-http-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
        http.createContext("/", new Router(settings, engine, faults, rateLimiter, admin, specs, generic));
        http.setExecutor(executor);
        try {
            http.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        engine.rootUrl = "http://" + host + ":" + port();
        // Scheduled messages are released when their time comes: at once when a SandboxClock moves, else by a tick.
        this.releaseDue = engine.scheduled::releaseDue;
        if (settings.clock() instanceof io.connect8x8.sandbox.SandboxClock clock) {
            clock.onAdvance(releaseDue);
        }
        receipts.every(java.time.Duration.ofMillis(100), releaseDue);
    }

    /**
     * The code of a verification session, for tests of numbers whose code is random.
     *
     * @param sessionId the session
     * @return the code, or null for an unknown session
     */
    public String verificationCode(String sessionId) {
        return generic.verifications.code(sessionId);
    }

    /**
     * Returns the bound port.
     *
     * @return the bound port
     */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * Returns the record of messages.
     *
     * @return the record of messages
     */
    public MessageStore store() {
        return store;
    }

    /**
     * Returns the fault switches.
     *
     * @return the fault switches
     */
    public FaultState faults() {
        return faults;
    }

    /**
     * Returns the template registry.
     *
     * @return the template registry
     */
    public TemplateRegistry templates() {
        return templates;
    }

    /** Forgets messages and counters, turns faults off and empties the rate windows. */
    public void reset() {
        // The store first: it bumps the generation a request in flight checks after reading its latency fault.
        store.clear();
        faults.clear();
        rateLimiter.clear();
        engine.scheduled.clear();
        engine.files.clear();
        engine.accounts.clear();
        generic.exports.clear();
        generic.verifications.clear();
    }

    /** Stops serving and sending receipts; idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (settings.clock() instanceof io.connect8x8.sandbox.SandboxClock clock && releaseDue != null) {
            clock.removeListener(releaseDue);
        }
        http.stop(0);
        executor.shutdownNow();
        receipts.close();
    }
}
