package io.connect8x8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose, one behaviour per server. It never sleeps: a "slow" server
 * writes part of its answer and then waits until it is closed, so the client's own timeout ends the call.
 */
final class HostileServer implements AutoCloseable {

    /** How the server treats each connection. */
    enum Behaviour {
        /** Accept, then reset the connection at once, before the client may even have written. */
        RESET_ON_ACCEPT,
        /** Wait for the request's first byte, then reset without reading the request. */
        RESET_BEFORE_READ,
        /** Read the whole request, then reset without answering. */
        RESET_AFTER_READ,
        /** Read the request, send the status line, then go silent. */
        SLOW_HEADERS,
        /** Read the request, send headers and half the declared body, then go silent. */
        SLOW_BODY,
        /** Answer 200 with a Content-Length longer than the JSON actually sent, then close. */
        TRUNCATED_JSON,
        /** Answer 200 with a declared 50 MB body and stream it. */
        HUGE_BODY,
        /** Answer 200 with a 50 MB chunked body, no length declared. */
        HUGE_CHUNKED_BODY
    }

    static final long FIFTY_MB = 50L * 1024 * 1024;

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requestsRead = new AtomicInteger();
    private final AtomicLong bodyBytesWritten = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread acceptor;

    HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "hostile-server-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the base URL, such as {@code http://127.0.0.1:PORT/} */
    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    /** @return the connections accepted: each attempt of the client opens its own */
    int connections() {
        return connections.get();
    }

    /** @return the requests read in full */
    int requestsRead() {
        return requestsRead.get();
    }

    /** @return bytes of response body written before the client went away */
    long bodyBytesWritten() {
        return bodyBytesWritten.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread handler = new Thread(() -> handle(client), "hostile-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closedNow) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            if (behaviour == Behaviour.RESET_ON_ACCEPT) {
                client.setSoLinger(true, 0);
                return;
            }
            if (behaviour == Behaviour.RESET_BEFORE_READ) {
                client.getInputStream().read();
                client.setSoLinger(true, 0);
                return;
            }
            readRequest(client.getInputStream());
            requestsRead.incrementAndGet();
            OutputStream out = client.getOutputStream();
            switch (behaviour) {
                case RESET_AFTER_READ -> client.setSoLinger(true, 0);
                case SLOW_HEADERS -> {
                    write(out, "HTTP/1.1 200 OK\r\n");
                    closed.await();
                }
                case SLOW_BODY -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                            + "{\"umid\":\"u-1\",");
                    closed.await();
                }
                case TRUNCATED_JSON -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 200\r\nConnection: close\r\n\r\n{\"umid\":\"u-1\",\"destination\":\"65");
                case HUGE_BODY -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + FIFTY_MB
                            + "\r\n\r\n");
                    stream(out, FIFTY_MB, false);
                }
                case HUGE_CHUNKED_BODY -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n");
                    stream(out, FIFTY_MB, true);
                }
                default -> throw new IllegalStateException(behaviour.name());
            }
        } catch (IOException | InterruptedException clientWentAway) {
            // Expected: the client gave up first.
        }
    }

    private void stream(OutputStream out, long total, boolean chunked) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long sent = 0; sent < total; sent += chunk.length) {
            if (chunked) {
                write(out, Integer.toHexString(chunk.length) + "\r\n");
            }
            out.write(chunk);
            if (chunked) {
                write(out, "\r\n");
            }
            bodyBytesWritten.addAndGet(chunk.length);
        }
        if (chunked) {
            write(out, "0\r\n\r\n");
        }
        out.flush();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads the headers and a Content-Length body. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream in the request headers");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        for (long i = 0; i < length; i++) {
            if (in.read() < 0) {
                throw new IOException("end of stream in the request body");
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
    }
}
