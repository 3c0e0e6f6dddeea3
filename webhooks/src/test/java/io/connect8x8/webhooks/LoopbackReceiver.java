package io.connect8x8.webhooks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;

/** A JDK HttpServer on 127.0.0.1 and an ephemeral port, serving a receiver at {@code /8x8/receipts}. */
final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<Headers> lastRequestHeaders = new AtomicReference<>();

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
    }

    static LoopbackReceiver start(ReceiptReceiver receiver) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackReceiver loopback = new LoopbackReceiver(server);
            server.createContext("/8x8/receipts", exchange -> {
                loopback.lastRequestHeaders.set(exchange.getRequestHeaders());
                receiver.asHttpHandler().handle(exchange);
            });
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpUrl url() {
        return new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(server.getAddress().getPort())
                .addPathSegments("8x8/receipts").build();
    }

    /** The headers of the last request as the server saw them. */
    Headers lastRequestHeaders() {
        return lastRequestHeaders.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
