package io.connect8x8.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReceiptReceiver#asHttpHandler()}: hands each exchange to the receiver's own executor, so the JDK server's
 * dispatcher thread (its default executor) never waits for a slow body, and translates the receiver's answer.
 */
final class JdkHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptReceiver.class);

    private final ReceiptReceiver receiver;
    private final Executor executor;

    JdkHttpHandler(ReceiptReceiver receiver, Executor executor) {
        this.receiver = receiver;
        this.executor = executor;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            executor.execute(() -> exchange(exchange));
        } catch (RejectedExecutionException busy) {
            respond(exchange, ReceiptReceiver.Response.BUSY);
        }
    }

    private void exchange(HttpExchange exchange) {
        ReceiptReceiver.Response response = receiver.handle(exchange.getRequestMethod(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestBody(),
                contentLength(exchange.getRequestHeaders().getFirst("Content-Length")));
        respond(exchange, response);
    }

    private static void respond(HttpExchange exchange, ReceiptReceiver.Response response) {
        try {
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "POST");
            }
            if (response.status() == 503) {
                exchange.getResponseHeaders().set("Retry-After", "1");
            }
            if (response.status() == 413) {
                // Closing rather than reading the rest of an oversized body.
                exchange.getResponseHeaders().set("Connection", "close");
            }
            // A HEAD answer has no body: given a length, the JDK server logs a warning for each one, which anyone,
            // unauthenticated, could flood the log with.
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head || out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                if (!head) {
                    os.write(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not answer a webhook request: {}", e.toString());
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

    /** Up to {@code threads} daemon threads, none kept when idle, and no queue: a request beyond them is refused. */
    static Executor boundedDaemonPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "connect8x8-webhook-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
