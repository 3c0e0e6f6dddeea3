package io.connect8x8.campaigns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of the simulator that breaks chosen requests (by arrival number, from 1) the ways a
 * network does: an answer the server never computed, or an answer lost after the server processed the request.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault {
        /** 500 without forwarding: the server never saw it, but the client cannot know that. */
        SERVER_ERROR,
        /** 503 without forwarding: the API says it did not process it. */
        UNAVAILABLE,
        /** Forwarded and processed, then the connection is closed without an answer. */
        RESET_AFTER_FORWARD,
        /** Forwarded and processed, then no answer until the client gives up. */
        HANG_AFTER_FORWARD
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final String target;
    private final Map<Integer, Fault> plan = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    FaultProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Breaks the n-th request (from 1). */
    FaultProxy on(int request, Fault fault) {
        plan.put(request, fault);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = plan.get(requests.incrementAndGet());
            if (fault == Fault.SERVER_ERROR || fault == Fault.UNAVAILABLE) {
                answer(exchange, fault == Fault.SERVER_ERROR ? 500 : 503,
                        "{\"code\":2000,\"message\":\"injected\",\"errorId\":\"e\",\"timestamp\":\"2026-01-01T00:00:00Z\"}"
                                .getBytes());
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (fault == Fault.RESET_AFTER_FORWARD) {
                return; // closing an exchange that never answered closes the connection
            }
            if (fault == Fault.HANG_AFTER_FORWARD) {
                closing.await(60, TimeUnit.SECONDS);
                return;
            }
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
