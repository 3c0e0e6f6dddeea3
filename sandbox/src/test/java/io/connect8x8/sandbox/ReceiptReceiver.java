package io.connect8x8.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook for the tests: records every receipt posted to it and can fail the first attempts with 500. */
final class ReceiptReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> received = new ArrayList<>();
    private final List<Long> attemptNanos = new ArrayList<>();
    /** The Authorization header of every attempt ("" when it had none), in arrival order. */
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger failuresLeft;

    ReceiptReceiver(int failFirst) {
        failuresLeft = new AtomicInteger(failFirst);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = failuresLeft.getAndDecrement() > 0;
            synchronized (this) {
                attemptNanos.add(System.nanoTime());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                if (!fail) {
                    received.add(Http.JSON.readTree(body));
                }
                notifyAll();
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/receipts";
    }

    /** Waits for {@code count} accepted receipts and returns them in arrival order. */
    synchronized List<JsonNode> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("got " + received.size() + " receipts, expected " + count + ": " + received);
            }
            wait(left);
        }
        return List.copyOf(received);
    }

    synchronized List<Long> attemptNanos() {
        return List.copyOf(attemptNanos);
    }

    /** The Authorization header of every attempt so far ("" for none), in arrival order. */
    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
