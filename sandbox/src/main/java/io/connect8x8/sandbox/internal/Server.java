package io.connect8x8.sandbox.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running parts of one simulator: the HTTP server (Netty: its decoder reports every framing error, which the
 * simulator answers in 8x8's envelope), the request threads, the record and the receipt sender.
 */
public final class Server implements AutoCloseable {

    /** Enough for hundreds of requests waiting (latency fault) on top of the working ones; each idle thread ends. */
    private static final int MAX_THREADS = 1024;
    /** The request line (method, target, version): long query strings fit. */
    static final int MAX_REQUEST_LINE = 16 * 1024;
    /** All header lines together; more is refused (400): no request of either API comes near it. */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    /** A connection with no bytes for this long, and no request being answered, is closed. */
    private static final int IDLE_SECONDS = 30;

    private final Transport transport;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup eventLoops;
    private final Channel listener;
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
        ScheduledQueue scheduled = new ScheduledQueue(settings.clock());
        this.receipts = new ReceiptDispatcher(settings.timeFactor(), settings.clock(), store, scheduled);
        this.rateLimiter = new RateLimiter(settings.rateLimit(), settings.clock());
        this.engine = new Engine(settings.clock(), store, receipts, scheduled, templates, settings.webhookUrl());
        this.generic = new GenericApi(engine, specs.documents);
        AdminHandler admin = new AdminHandler(store, faults, this::reset);
        Router router = new Router(settings, engine, faults, rateLimiter, admin, specs, generic);
        AtomicInteger threadNumber = new AtomicInteger();
        // Requests that may wait (a latency fault, documents still loading, every operation but a ready send) run
        // here, so that they never hold up the event loop's other connections: the pool keeps its core threads and
        // grows on demand (no queue to wait behind) up to MAX_THREADS; past that the event loop runs the request.
        this.executor = new ThreadPoolExecutor(settings.threads(), Math.max(settings.threads(), MAX_THREADS), 30,
                TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "sandbox-request-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        // One event loop per processor (at most threads): the loops never wait, so more would only take turns on the
        // same cores, and each opens its selector when the server starts.
        Transport.Loops loops =
                Transport.start(Math.min(settings.threads(), Runtime.getRuntime().availableProcessors()));
        this.transport = loops.transport();
        this.acceptor = loops.acceptor();
        this.eventLoops = loops.workers();
        HttpDecoderConfig limits = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, eventLoops)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new IdleStateHandler(IDLE_SECONDS, 0, 0))
                                .addLast(new HttpServerCodec(limits))
                                .addLast(new BodyLimit(settings.maxBodyBytes(), settings.clock()))
                                .addLast(new HttpChannel(router, executor, settings.clock()));
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(settings.host(), settings.port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown();
            receipts.close();
            throw bound.cause() instanceof IOException io ? io : new IOException(bound.cause());
        }
        this.listener = bound.channel();
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        engine.rootUrl = "http://" + host + ":" + port();
        // Scheduled messages and fallback legs are released when their time comes: at once when a SandboxClock
        // moves, else by a tick.
        this.releaseDue = engine.scheduled::releaseDue;
        if (settings.clock() instanceof io.connect8x8.sandbox.SandboxClock clock) {
            clock.onAdvance(releaseDue);
        }
        receipts.every(java.time.Duration.ofMillis(100), releaseDue);
    }

    /** {@return the socket transport it serves on: "io_uring" or "nio"} */
    String transport() {
        return transport.toString();
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
        return ((InetSocketAddress) listener.localAddress()).getPort();
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

    /** How many scheduled messages and channel fallback legs wait for the clock; for tests. */
    int waiting() {
        return engine.scheduled.size();
    }

    /**
     * Forgets messages and counters, turns faults off, empties the rate windows and drops what waits for the clock
     * (scheduled messages, fallback legs).
     */
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
        listener.close().syncUninterruptibly();
        shutDown();
        receipts.close();
    }

    private void shutDown() {
        // Connections close at once (no quiet period); waits at most a few seconds for the threads to end.
        var accepting = acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        var serving = eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        executor.shutdownNow();
        accepting.awaitUninterruptibly(5, TimeUnit.SECONDS);
        serving.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
