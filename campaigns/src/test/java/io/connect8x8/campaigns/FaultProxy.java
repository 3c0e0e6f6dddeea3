package io.connect8x8.campaigns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

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
    /** Forwards as sent: no retry of its own, so a request the client sent once reaches the simulator once. */
    private final OkHttpClient upstream = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .followRedirects(false).readTimeout(Duration.ofSeconds(60)).build();
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
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Request.Builder request = new Request.Builder().url(target + exchange.getRequestURI())
                    .method(exchange.getRequestMethod(), Set.of("GET", "HEAD").contains(exchange.getRequestMethod())
                            ? null : RequestBody.create(body, type == null ? null : MediaType.parse(type)));
            String key = exchange.getRequestHeaders().getFirst("Authorization");
            if (key != null) {
                request.header("Authorization", key);
            }
            int status;
            byte[] answer;
            try (Response response = upstream.newCall(request.build()).execute()) {
                status = response.code();
                answer = response.body().bytes();
            }
            if (fault == Fault.RESET_AFTER_FORWARD) {
                return; // closing an exchange that never answered closes the connection
            }
            if (fault == Fault.HANG_AFTER_FORWARD) {
                closing.await(60, TimeUnit.SECONDS);
                return;
            }
            answer(exchange, status, answer);
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
        upstream.connectionPool().evictAll();
    }
}
