package io.connect8x8.webhooks;

import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ready-made endpoint for 8x8's delivery receipt and inbound message webhooks, to mount in your own HTTP server.
 * It is built to face the open internet: bounded in bytes everywhere, authenticated unless you opt out, strict
 * about JSON, and never failing with an exception whatever a request holds.
 *
 * <p>For each request {@link #handle handle} checks the method, the {@code Authorization} header and the body size,
 * parses the body with {@link WebhookParser}, drops what it has already seen, and calls your listener:
 * <ul>
 *   <li>a receipt is a duplicate when its umid, state and detail were seen before; an inbound message when its umid
 *       was. Duplicates answer 200 without calling a listener again. What was seen is kept in a
 *       {@link ReceiptLedger}: in memory by default, or shared between instances.</li>
 *   <li>Receipts are ordered by {@link ReceiptStatus#timestamp()} (the arrival time on this receiver's clock when
 *       8x8 sent none, or one that is not ISO 8601). {@link #latestState} keeps the newest; of two with the same
 *       time, the later arrival.</li>
 *   <li>A receipt that arrives late, older than the status already held, is still passed to the listener, since it
 *       is news (the message was delivered before it was read), but it does not replace {@link #latestState}.</li>
 *   <li>Listeners run synchronously on the calling thread, so keep them short (8x8 waits about 5 seconds) or hand
 *       the work to your own executor. A listener that throws is logged and the request still answers 200: a 5xx
 *       would only make 8x8 send the same event again.</li>
 *   <li>An event of a type this library does not model answers 200 and goes to {@link Builder#onOther}.</li>
 * </ul>
 *
 * <p>Memory is bounded in bytes: the default ledger remembers at most {@code maxTrackedMessages} messages and
 * {@code maxTrackedBytes} of receipts (a duplicate of a forgotten message is treated as new), and the bodies being
 * read at any moment take at most {@code maxInFlightBytes}; a request beyond that answers 503, which 8x8 retries.
 * The receiver is immutable in configuration and safe to share between threads.
 *
 * <pre>{@code
 * ReceiptReceiver receiver = ReceiptReceiver.builder()
 *     .expectedAuthorization("Bearer " + webhookSecret)
 *     .onReceipt(receipt -> orders.markDelivery(receipt.clientMessageId(), receipt.knownState()))
 *     .build();
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/8x8/receipts", receiver.asHttpHandler());
 * server.start();
 * }</pre>
 */
public final class ReceiptReceiver {

    /** The default largest body accepted: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** The default number of messages remembered for deduplication and {@link #latestState}: 100,000. */
    public static final int DEFAULT_MAX_TRACKED_MESSAGES = 100_000;
    /** The default memory the remembered receipts may take: 64 MiB. */
    public static final long DEFAULT_MAX_TRACKED_BYTES = 64L << 20;
    /** The default bytes of request bodies read at the same time: 16 MiB. */
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 16L << 20;
    /** The default number of threads {@link #asHttpHandler()} reads and handles requests on: 16. */
    public static final int DEFAULT_HANDLER_THREADS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptReceiver.class);
    private static final int READ_CHUNK = 8192;

    private final Consumer<DeliveryReceipt> onReceipt;
    private final Consumer<InboundMessage> onInbound;
    private final Consumer<WebhookEvent.Other> onOther;
    private final int maxBodyBytes;
    /** The check of the {@code Authorization} header (a fixed value's or the application's), or null for none. */
    private final Predicate<String> authorization;
    private final Clock clock;
    private final ReceiptLedger ledger;
    private final long maxInFlightBytes;
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final Executor handlerExecutor;

    private ReceiptReceiver(Builder builder) {
        this.onReceipt = builder.onReceipt;
        this.onInbound = builder.onInbound;
        this.onOther = builder.onOther;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.authorization = builder.expectedAuthorization == null ? builder.authorizationCheck
                : matches(sha256(builder.expectedAuthorization));
        this.clock = builder.clock;
        this.ledger = builder.ledger != null ? builder.ledger
                : ReceiptLedger.inMemory(builder.maxTrackedMessages, builder.maxTrackedBytes);
        this.maxInFlightBytes = builder.maxInFlightBytes;
        this.handlerExecutor = builder.handlerExecutor != null ? builder.handlerExecutor
                : JdkHttpHandler.boundedDaemonPool(builder.handlerThreads);
    }

    /**
     * Starts a builder. Choose how requests are authenticated before {@link Builder#build()}:
     * {@link Builder#expectedAuthorization(String)} (a fixed header), {@link Builder#authorization(Predicate)} (an
     * OAuth access token) or, explicitly, {@link Builder#withoutAuthorization()}. The other
     * defaults: listeners that do nothing, 1 MiB body limit, an in-memory ledger of 100,000 messages and 64 MiB,
     * 16 MiB of bodies in flight, 16 handler threads for {@link #asHttpHandler()}, the system UTC clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one webhook request, independent of any HTTP framework. It never throws for anything a request holds:
     * a body stream that fails (an {@link IOException}, an {@link java.io.UncheckedIOException} or any other runtime
     * exception from the stream) answers 400, a ledger that fails answers 503.
     *
     * @param method              the HTTP method; only {@code POST} is accepted
     * @param authorizationHeader the {@code Authorization} header, or null when absent
     * @param body                the request body, read here up to {@code maxBodyBytes + 1} bytes and not closed
     *                            (the caller owns it); null reads as empty
     * @param contentLength       the declared {@code Content-Length}, or -1 when unknown (chunked)
     * @return what to answer: 200 accepted (also for a duplicate or an event not modelled), 400 a body that is not
     *         an 8x8 webhook or could not be read, 401 a wrong or missing {@code Authorization}, 405 not {@code POST},
     *         413 a body over {@code maxBodyBytes}, 503 too many bytes in flight, the ledger unavailable or an
     *         authorization check that threw (8x8 sends the event again later)
     */
    public Response handle(String method, String authorizationHeader, InputStream body, long contentLength) {
        if (!"POST".equalsIgnoreCase(method)) {
            return Response.METHOD_NOT_ALLOWED;
        }
        Response refused = authorize(authorizationHeader);
        if (refused != null) {
            return refused;
        }
        if (contentLength > maxBodyBytes) {
            return Response.TOO_LARGE;
        }
        InFlight inFlight = new InFlight();
        try {
            if (contentLength > 0 && !inFlight.reserve(contentLength)) {
                return Response.BUSY;
            }
            byte[] bytes;
            try {
                bytes = body == null ? new byte[0] : readAtMost(body, inFlight);
            } catch (IOException | RuntimeException e) {
                // A reset connection, a servlet container's own runtime exception: the body is unusable, not our bug.
                LOG.debug("Could not read a webhook body: {}", e.toString());
                return Response.UNREADABLE;
            }
            if (bytes == null) {
                return inFlight.refused ? Response.BUSY : Response.TOO_LARGE;
            }
            WebhookEvent event;
            try {
                event = WebhookParser.parse(bytes);
            } catch (WebhookParseException e) {
                LOG.debug("Rejected a webhook body: {}", LogText.of(e.getMessage()));
                return new Response(400, "bad webhook: " + e.getMessage());
            }
            return dispatch(event);
        } finally {
            inFlight.release();
        }
    }

    /** The bytes one request holds against {@code maxInFlightBytes}. */
    private final class InFlight {
        long reserved;
        boolean refused;

        boolean reserve(long bytes) {
            long current;
            do {
                current = inFlightBytes.get();
                if (current + bytes > maxInFlightBytes) {
                    refused = true;
                    return false;
                }
            } while (!inFlightBytes.compareAndSet(current, current + bytes));
            reserved += bytes;
            return true;
        }

        void release() {
            inFlightBytes.addAndGet(-reserved);
            reserved = 0;
        }
    }

    private Response dispatch(WebhookEvent event) {
        try {
            if (event instanceof WebhookEvent.Receipt receiptEvent) {
                DeliveryReceipt receipt = receiptEvent.receipt();
                Instant statusTime = receipt.timestamp() != null ? receipt.timestamp() : clock.instant();
                if (ledger.record(receipt, statusTime) == ReceiptLedger.Outcome.DUPLICATE) {
                    return Response.DUPLICATE;
                }
                deliver(onReceipt, receipt);
                return Response.ACCEPTED;
            }
            if (event instanceof WebhookEvent.Inbound inboundEvent) {
                InboundMessage message = inboundEvent.message();
                if (!ledger.recordInbound(message.umid())) {
                    return Response.DUPLICATE;
                }
                deliver(onInbound, message);
                return Response.ACCEPTED;
            }
        } catch (RuntimeException e) {
            LOG.warn("The receipt ledger failed; answered 503 so that 8x8 sends the event again", e);
            return Response.LEDGER_UNAVAILABLE;
        }
        deliver(onOther, (WebhookEvent.Other) event);
        return Response.IGNORED;
    }

    private static <T> void deliver(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            // Answering 5xx would only make 8x8 resend the same event; the listener's owner must see it in the log.
            // The event's description holds the sender's text (the umid, ids): one bounded line, whatever they sent.
            LOG.warn("Webhook listener threw for {}; answered 200 all the same", LogText.of(value), e);
        }
    }

    /** The check of a fixed header value: comparing digests keeps the time independent of where values differ. */
    private static Predicate<String> matches(byte[] expectedDigest) {
        return value -> MessageDigest.isEqual(expectedDigest, sha256(value));
    }

    /** Null when the request may go on, else the answer refusing it. */
    private Response authorize(String header) {
        if (authorization == null) {
            return null;
        }
        if (header == null) {
            return Response.UNAUTHORIZED;
        }
        try {
            // Stripped as HTTP servers strip field values, so that handle() answers as asHttpHandler() does.
            return authorization.test(header.strip()) ? null : Response.UNAUTHORIZED;
        } catch (RuntimeException e) {
            // An authorization server out of reach says nothing about the token: 503 has 8x8 send the event again.
            LOG.warn("The webhook authorization check threw; answered 503 so that 8x8 sends the event again", e);
            return Response.AUTHORIZATION_UNAVAILABLE;
        }
    }

    /**
     * Reads the body, reserving its bytes as they arrive. Returns null as soon as it holds more than
     * {@code maxBodyBytes}, whatever was declared, or when the in-flight budget is spent ({@code inFlight.refused}).
     */
    private byte[] readAtMost(InputStream in, InFlight inFlight) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBodyBytes, READ_CHUNK));
        byte[] buffer = new byte[READ_CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBodyBytes + 1L - total))) > 0) {
            total += n;
            if (total > maxBodyBytes) {
                return null;
            }
            // Ahead by a chunk, but never beyond maxBodyBytes: with maxInFlightBytes equal to it (which build()
            // allows), rounding up refused an idle receiver's body of 9,000 bytes out of 10,000 with 503, for ever.
            if (total > inFlight.reserved && !inFlight.reserve(Math.min(Math.max(total - inFlight.reserved,
                    READ_CHUNK), maxBodyBytes - inFlight.reserved))) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * The newest status received for a message.
     *
     * @param umid the message id, not null
     * @return the receipt with the newest status time, or empty when none was received or the message was forgotten
     * @throws RuntimeException when a shared ledger cannot reach its store
     */
    public Optional<DeliveryReceipt> latestState(String umid) {
        Objects.requireNonNull(umid, "umid");
        return ledger.latest(umid);
    }

    /**
     * A snapshot of the newest receipt of every message remembered, least recently updated first.
     *
     * @return an unmodifiable list, not updated by later requests
     * @throws RuntimeException when a shared ledger cannot reach its store
     */
    public List<DeliveryReceipt> receipts() {
        return ledger.latestAll();
    }

    /**
     * Adapts this receiver to the JDK's built-in server ({@code com.sun.net.httpserver}). Each request is read and
     * handled on the receiver's own bounded pool ({@link Builder#handlerThreads}), never on the server's dispatcher
     * thread, so one slow sender does not hold up the others even with the server's default executor; when every
     * handler thread is busy the request answers 503 at once. The handler answers with a short {@code text/plain}
     * body, adds {@code Allow: POST} to a 405 and {@code Retry-After} to a 503, and closes the connection after a 413
     * rather than read the rest of an oversized body.
     *
     * @return a handler for {@code HttpServer.createContext(path, handler)}
     */
    public HttpHandler asHttpHandler() {
        return new JdkHttpHandler(this, handlerExecutor);
    }

    /**
     * What to answer 8x8: a status code and a short plain-text body.
     *
     * @param status the HTTP status code
     * @param body   a short explanation, never null
     */
    public record Response(int status, String body) {

        static final Response ACCEPTED = new Response(200, "accepted");
        static final Response DUPLICATE = new Response(200, "duplicate");
        static final Response IGNORED = new Response(200, "ignored: event type not handled");
        static final Response UNREADABLE = new Response(400, "unreadable body");
        static final Response UNAUTHORIZED = new Response(401, "unauthorized");
        static final Response METHOD_NOT_ALLOWED = new Response(405, "method not allowed");
        static final Response TOO_LARGE = new Response(413, "body too large");
        static final Response BUSY = new Response(503, "busy, retry later");
        static final Response LEDGER_UNAVAILABLE = new Response(503, "receipt ledger unavailable, retry later");
        static final Response AUTHORIZATION_UNAVAILABLE = new Response(503, "authorization unavailable, retry later");

        /**
         * Checks that the body is not null.
         *
         * @param status the HTTP status code
         * @param body   a short explanation
         */
        public Response {
            Objects.requireNonNull(body, "body");
        }
    }

    /** Builds a {@link ReceiptReceiver}; see {@link ReceiptReceiver#builder()} for the defaults. */
    public static final class Builder {

        private Consumer<DeliveryReceipt> onReceipt = receipt -> { };
        private Consumer<InboundMessage> onInbound = message -> { };
        private Consumer<WebhookEvent.Other> onOther = other -> { };
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String expectedAuthorization;
        private Predicate<String> authorizationCheck;
        private boolean withoutAuthorization;
        private int maxTrackedMessages = DEFAULT_MAX_TRACKED_MESSAGES;
        private long maxTrackedBytes = DEFAULT_MAX_TRACKED_BYTES;
        private long maxInFlightBytes = DEFAULT_MAX_IN_FLIGHT_BYTES;
        private int handlerThreads = DEFAULT_HANDLER_THREADS;
        private Executor handlerExecutor;
        private ReceiptLedger ledger;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private static long atLeastOne(long value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }

        /**
         * Sets the listener for new delivery receipts, called once per umid, state and detail, including a late
         * receipt older than the status already held. Default: does nothing.
         *
         * @param listener the listener, not null; called on the request's thread
         * @return this builder
         */
        public Builder onReceipt(Consumer<DeliveryReceipt> listener) {
            this.onReceipt = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the listener for new inbound messages, called once per umid. Default: does nothing.
         *
         * @param listener the listener, not null; called on the request's thread
         * @return this builder
         */
        public Builder onInbound(Consumer<InboundMessage> listener) {
            this.onInbound = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the listener for well-formed events this library does not model (WhatsApp template and account
         * events, {@code external_app_message}, short URL clicks, ...), called for every one, without
         * deduplication. Default: does nothing.
         *
         * @param listener the listener, not null; called on the request's thread
         * @return this builder
         */
        public Builder onOther(Consumer<WebhookEvent.Other> listener) {
            this.onOther = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the largest body accepted; a larger one answers 413 whether or not its {@code Content-Length} says
         * so. Default: {@link ReceiptReceiver#DEFAULT_MAX_BODY_BYTES} (1 MiB).
         *
         * @param maxBodyBytes the limit in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = (int) atLeastOne(maxBodyBytes, "maxBodyBytes");
            return this;
        }

        /**
         * Requires every request to carry exactly this {@code Authorization} header value, the fixed header you
         * configured on the 8x8 webhook (such as {@code "Bearer s3cret"} or {@code "Basic ..."}); others answer 401.
         * The comparison takes the same time wherever the values differ. Whitespace around the value, such as the
         * newline that ends a secret read from a file, is removed: HTTP removes it from the header sent, so a value
         * that kept it would refuse every request.
         *
         * @param headerValue the full header value, not null or blank
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder expectedAuthorization(String headerValue) {
            Objects.requireNonNull(headerValue, "headerValue");
            if (headerValue.isBlank()) {
                throw new IllegalArgumentException("headerValue must not be blank");
            }
            this.expectedAuthorization = headerValue.strip();
            this.authorizationCheck = null;
            this.withoutAuthorization = false;
            return this;
        }

        /**
         * Requires every request's {@code Authorization} header to pass a check of your own, for a header that is
         * not one fixed value: an 8x8 webhook configured with {@code oauth} (OAuth 2.0 client credentials) carries
         * an access token that 8x8 obtained from your token endpoint, which changes as tokens expire and which only
         * your authorization server can tell valid (by introspection, or a JWT's signature, audience and expiry).
         * A request without the header, or whose value the check refuses, answers 401; a check that throws (its
         * authorization server out of reach) answers 503, which 8x8 retries. Replaces
         * {@link #expectedAuthorization(String)} and {@link #withoutAuthorization()}.
         *
         * @param check given the whole header value (such as {@code "Bearer eyJ..."}) without surrounding
         *              whitespace, true to accept the request; called on the request's thread, before the body is read
         * @return this builder
         */
        public Builder authorization(Predicate<String> check) {
            this.authorizationCheck = Objects.requireNonNull(check, "check");
            this.expectedAuthorization = null;
            this.withoutAuthorization = false;
            return this;
        }

        /**
         * Accepts requests without checking their {@code Authorization} header: for tests, for the simulator, or
         * behind a proxy that authenticates 8x8 itself. Anyone who can reach the endpoint can then post events.
         *
         * @return this builder
         */
        public Builder withoutAuthorization() {
            this.withoutAuthorization = true;
            this.expectedAuthorization = null;
            this.authorizationCheck = null;
            return this;
        }

        /**
         * Sets how many messages the default in-memory ledger remembers for deduplication and
         * {@link ReceiptReceiver#latestState}, receipts and inbound messages together; the least recently updated
         * are forgotten first. Ignored when {@link #ledger(ReceiptLedger)} is set.
         * Default: {@link ReceiptReceiver#DEFAULT_MAX_TRACKED_MESSAGES} (100,000).
         *
         * @param maxTrackedMessages the number of messages, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxTrackedMessages(int maxTrackedMessages) {
            this.maxTrackedMessages = (int) atLeastOne(maxTrackedMessages, "maxTrackedMessages");
            return this;
        }

        /**
         * Sets how much memory the default in-memory ledger's receipts may take, estimated from their sizes; the
         * least recently updated messages are forgotten first. Ignored when {@link #ledger(ReceiptLedger)} is set.
         * Default: {@link ReceiptReceiver#DEFAULT_MAX_TRACKED_BYTES} (64 MiB).
         *
         * @param maxTrackedBytes the limit in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxTrackedBytes(long maxTrackedBytes) {
            this.maxTrackedBytes = atLeastOne(maxTrackedBytes, "maxTrackedBytes");
            return this;
        }

        /**
         * Sets how many bytes of request bodies may be read at the same time; a request that would exceed it
         * answers 503 (8x8 retries it). Default: {@link ReceiptReceiver#DEFAULT_MAX_IN_FLIGHT_BYTES} (16 MiB).
         *
         * @param maxInFlightBytes the limit in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxInFlightBytes(long maxInFlightBytes) {
            this.maxInFlightBytes = atLeastOne(maxInFlightBytes, "maxInFlightBytes");
            return this;
        }

        /**
         * Sets how many threads {@link ReceiptReceiver#asHttpHandler()} reads and handles requests on; a request
         * that arrives while all are busy answers 503. The threads are daemons and end when idle. Ignored when
         * {@link #handlerExecutor(Executor)} is set. Default: {@link ReceiptReceiver#DEFAULT_HANDLER_THREADS} (16).
         *
         * @param handlerThreads the number of threads, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder handlerThreads(int handlerThreads) {
            this.handlerThreads = (int) atLeastOne(handlerThreads, "handlerThreads");
            return this;
        }

        /**
         * Sets the executor {@link ReceiptReceiver#asHttpHandler()} runs requests on, instead of its own bounded
         * pool. An executor that throws {@link RejectedExecutionException} makes the request answer 503.
         *
         * @param executor the executor, not null; its owner shuts it down
         * @return this builder
         */
        public Builder handlerExecutor(Executor executor) {
            this.handlerExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets the ledger that remembers what was received, such as one shared by every instance of your service.
         * Default: {@link ReceiptLedger#inMemory(int, long)} with {@link #maxTrackedMessages} and
         * {@link #maxTrackedBytes}.
         *
         * @param ledger the ledger, not null
         * @return this builder
         */
        public Builder ledger(ReceiptLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Sets the clock that dates a receipt without a status timestamp on arrival. Default: the system UTC clock.
         *
         * @param clock the clock, not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @return a new receiver
         * @throws IllegalStateException when none of {@link #expectedAuthorization(String)},
         *                               {@link #authorization(Predicate)} and {@link #withoutAuthorization()} was
         *                               called, or when
         *                               {@link #maxInFlightBytes} is below {@link #maxBodyBytes}
         */
        public ReceiptReceiver build() {
            if (maxInFlightBytes < maxBodyBytes) {
                throw new IllegalStateException("maxInFlightBytes (" + maxInFlightBytes + ") must be at least "
                        + "maxBodyBytes (" + maxBodyBytes + "), or a body of the largest size could never be read");
            }
            if (expectedAuthorization == null && authorizationCheck == null && !withoutAuthorization) {
                throw new IllegalStateException("Choose how webhook requests are authenticated: "
                        + "expectedAuthorization(\"Bearer <secret>\"), authorization(check) for an OAuth token, "
                        + "or, explicitly, withoutAuthorization()");
            }
            return new ReceiptReceiver(this);
        }
    }
}
