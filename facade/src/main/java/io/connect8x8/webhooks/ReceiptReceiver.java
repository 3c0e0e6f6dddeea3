package io.connect8x8.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ready-made endpoint for 8x8's delivery receipt and inbound message webhooks, to mount in your own HTTP server.
 *
 * <p>For each request {@link #handle handle} checks the method, the {@code Authorization} header and the body size,
 * parses the body with {@link WebhookParser}, drops what it has already seen, and calls your listener:
 * <ul>
 *   <li>a receipt is a duplicate when its umid, state and detail were seen before; an inbound message when its umid
 *       was. Duplicates answer 200 without calling a listener again.</li>
 *   <li>Receipts are ordered by {@link ReceiptStatus#timestamp()} (the arrival time on this receiver's clock when
 *       8x8 sent none). {@link #latestState} keeps the newest; of two with the same time, the later arrival.</li>
 *   <li>A receipt that arrives late, older than the status already held, is still passed to the listener, since it
 *       is news (the message was delivered before it was read), but it does not replace {@link #latestState}.
 *       Compare {@code latestState(umid)} with the receipt in the listener if you only want the newest.</li>
 *   <li>Listeners run synchronously on the calling thread, so keep them short (8x8 waits about 5 seconds) or hand
 *       the work to your own executor. A listener that throws is logged and the request still answers 200: a 5xx
 *       would only make 8x8 send the same event again.</li>
 *   <li>An event of a type this library does not model answers 200 and calls no listener.</li>
 * </ul>
 *
 * <p>Memory is bounded: the receiver remembers the most recently updated {@code maxTrackedMessages} receipts and as
 * many inbound umids; a duplicate of a forgotten message is treated as new. The receiver is immutable in
 * configuration and safe to share between threads.
 *
 * <pre>{@code
 * ReceiptReceiver receiver = ReceiptReceiver.builder()
 *     .onReceipt(receipt -> orders.markDelivery(receipt.clientMessageId(), receipt.knownState()))
 *     .expectedAuthorization("Bearer " + webhookSecret)
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

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptReceiver.class);

    private final Consumer<DeliveryReceipt> onReceipt;
    private final Consumer<InboundMessage> onInbound;
    private final int maxBodyBytes;
    private final byte[] expectedAuthorizationDigest;
    private final Clock clock;
    private final ReceiptLedger ledger;

    private ReceiptReceiver(Builder builder) {
        this.onReceipt = builder.onReceipt;
        this.onInbound = builder.onInbound;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.expectedAuthorizationDigest =
                builder.expectedAuthorization == null ? null : sha256(builder.expectedAuthorization);
        this.clock = builder.clock;
        this.ledger = new ReceiptLedger(builder.maxTrackedMessages);
    }

    /**
     * Starts a builder with the defaults: listeners that do nothing, 1 MiB body limit, no authorization check,
     * 100,000 tracked messages, the system UTC clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one webhook request, independent of any HTTP framework.
     *
     * @param method              the HTTP method; only {@code POST} is accepted
     * @param authorizationHeader the {@code Authorization} header, or null when absent
     * @param body                the request body, read here up to {@code maxBodyBytes + 1} bytes and not closed
     *                            (the caller owns it); null reads as empty
     * @param contentLength       the declared {@code Content-Length}, or -1 when unknown (chunked)
     * @return what to answer: 200 accepted (also for a duplicate or an event not modelled), 400 a body that is not
     *         an 8x8 webhook, 401 a wrong or missing {@code Authorization}, 405 not {@code POST}, 413 a body over
     *         {@code maxBodyBytes}
     */
    public Response handle(String method, String authorizationHeader, InputStream body, long contentLength) {
        if (!"POST".equalsIgnoreCase(method)) {
            return Response.METHOD_NOT_ALLOWED;
        }
        if (!authorized(authorizationHeader)) {
            return Response.UNAUTHORIZED;
        }
        if (contentLength > maxBodyBytes) {
            return Response.TOO_LARGE;
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : readAtMost(body, maxBodyBytes);
        } catch (IOException e) {
            LOG.debug("Could not read a webhook body: {}", e.toString());
            return new Response(400, "unreadable body");
        }
        if (bytes == null) {
            return Response.TOO_LARGE;
        }
        WebhookEvent event;
        try {
            event = WebhookParser.parse(bytes);
        } catch (WebhookParseException e) {
            LOG.debug("Rejected a webhook body: {}", e.getMessage());
            return new Response(400, "bad webhook: " + e.getMessage());
        }
        return dispatch(event);
    }

    private Response dispatch(WebhookEvent event) {
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
        return Response.IGNORED;
    }

    private static <T> void deliver(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            // Answering 5xx would only make 8x8 resend the same event; the listener's owner must see it in the log.
            LOG.warn("Webhook listener threw for {}; answered 200 all the same", value, e);
        }
    }

    private boolean authorized(String header) {
        if (expectedAuthorizationDigest == null) {
            return true;
        }
        // Comparing digests keeps the time independent of where, and of how long, the values differ.
        return header != null && MessageDigest.isEqual(expectedAuthorizationDigest, sha256(header));
    }

    /** Reads the body, or returns null as soon as it holds more than {@code max} bytes, whatever was declared. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1L - total))) > 0) {
            total += n;
            if (total > max) {
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
     */
    public Optional<DeliveryReceipt> latestState(String umid) {
        Objects.requireNonNull(umid, "umid");
        return ledger.latest(umid);
    }

    /**
     * A snapshot of the newest receipt of every message remembered, least recently updated first.
     *
     * @return an unmodifiable list, not updated by later requests
     */
    public List<DeliveryReceipt> receipts() {
        return ledger.latestAll();
    }

    /**
     * Adapts this receiver to the JDK's built-in server ({@code com.sun.net.httpserver}). The handler answers with a
     * short {@code text/plain} body, adds {@code Allow: POST} to a 405, and closes the connection after a 413 rather
     * than read the rest of an oversized body. The server's default executor is a single thread; give it an executor
     * with {@code HttpServer.setExecutor} if your listeners are slow.
     *
     * @return a handler for {@code HttpServer.createContext(path, handler)}
     */
    public HttpHandler asHttpHandler() {
        return this::exchange;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try {
            Response response = handle(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestBody(),
                    contentLength(exchange.getRequestHeaders().getFirst("Content-Length")));
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "POST");
            }
            if (response.status() == 413) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } finally {
            exchange.close();
        }
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
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
        static final Response UNAUTHORIZED = new Response(401, "unauthorized");
        static final Response METHOD_NOT_ALLOWED = new Response(405, "method not allowed");
        static final Response TOO_LARGE = new Response(413, "body too large");

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
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String expectedAuthorization;
        private int maxTrackedMessages = DEFAULT_MAX_TRACKED_MESSAGES;
        private Clock clock = Clock.systemUTC();

        private Builder() {
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
         * Sets the largest body accepted; a larger one answers 413 whether or not its {@code Content-Length} says
         * so. Default: {@link ReceiptReceiver#DEFAULT_MAX_BODY_BYTES} (1 MiB).
         *
         * @param maxBodyBytes the limit in bytes, at least 1
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Requires every request to carry exactly this {@code Authorization} header value, the fixed header you
         * configured on the 8x8 webhook (such as {@code "Bearer s3cret"} or {@code "Basic ..."}); others answer 401.
         * The comparison takes the same time wherever the values differ. Default: no check.
         *
         * @param headerValue the full header value, not null or blank
         * @return this builder
         */
        public Builder expectedAuthorization(String headerValue) {
            Objects.requireNonNull(headerValue, "headerValue");
            if (headerValue.isBlank()) {
                throw new IllegalArgumentException("headerValue must not be blank");
            }
            this.expectedAuthorization = headerValue;
            return this;
        }

        /**
         * Sets how many messages are remembered for deduplication and {@link ReceiptReceiver#latestState}; the least
         * recently updated are forgotten first. Inbound umids are bounded by the same number.
         * Default: {@link ReceiptReceiver#DEFAULT_MAX_TRACKED_MESSAGES} (100,000).
         *
         * @param maxTrackedMessages the number of messages, at least 1
         * @return this builder
         */
        public Builder maxTrackedMessages(int maxTrackedMessages) {
            if (maxTrackedMessages < 1) {
                throw new IllegalArgumentException("maxTrackedMessages must be at least 1, was " + maxTrackedMessages);
            }
            this.maxTrackedMessages = maxTrackedMessages;
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
         * @return a new receiver with its own, empty memory
         */
        public ReceiptReceiver build() {
            return new ReceiptReceiver(this);
        }
    }
}
