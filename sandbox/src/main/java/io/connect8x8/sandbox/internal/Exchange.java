package io.connect8x8.sandbox.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the router sees it (method, decoded path, raw query, headers, the whole body) and the answer it
 * gives: a status with headers and body, or the connection closed without one (the reset fault). The server's
 * channel handler makes it and writes the answer; nothing here knows the transport.
 */
final class Exchange {

    /** What the channel handler does with an answer: write it, or close the connection when status is -1. */
    interface Sink {
        void answer(Exchange exchange, int status, String contentType, byte[] body);
    }

    private final String method;
    private final String path;
    private final String rawQuery;
    private final HttpHeaders requestHeaders;
    private final byte[] body;
    private final Sink sink;
    /** Made on first use: a send's answer has none. */
    private Map<String, String> responseHeaders;
    /** The router's send route of this request, once worked out ({@code routed}); null when it is no send. */
    Router.Send route;
    boolean routed;
    private int status = -1;
    private boolean answered;
    private String target;

    Exchange(String method, String path, String rawQuery, HttpHeaders requestHeaders, byte[] body, Sink sink) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.sink = sink;
    }

    String method() {
        return method;
    }

    /** The percent-decoded path. */
    String path() {
        return path;
    }

    /** The query as sent, or null when the target has none. */
    String rawQuery() {
        return rawQuery;
    }

    /**
     * The first value of a request header, or null. An {@code AsciiString} name (Netty's {@code HttpHeaderNames})
     * is found without hashing its characters again on every request.
     */
    String header(CharSequence name) {
        return requestHeaders.get(name);
    }

    /** The whole body (never more than the configured limit: the server refuses larger ones before this). */
    byte[] body() {
        return body;
    }

    /** Headers of the answer, set before it is sent. */
    Map<String, String> responseHeaders() {
        if (responseHeaders == null) {
            responseHeaders = new LinkedHashMap<>();
        }
        return responseHeaders;
    }

    /** Headers of the answer, or an empty map when none was set (nothing made for the writer's read). */
    Map<String, String> responseHeadersIfAny() {
        return responseHeaders == null ? Map.of() : responseHeaders;
    }

    /** The status sent, or -1 before an answer and when the connection was closed without one. */
    int status() {
        return status;
    }

    /** Whom the request was for (masked number or batch size), for the request log; null when unknown. */
    String target() {
        return target;
    }

    void target(String target) {
        this.target = target;
    }

    /**
     * Sends the answer; only the first call of an exchange counts.
     *
     * @param status the HTTP status
     * @param contentType the body's type, or null with no body
     * @param body the body, or null for none
     */
    void send(int status, String contentType, byte[] body) {
        if (answered) {
            return;
        }
        answered = true;
        this.status = status;
        sink.answer(this, status, contentType, body);
    }

    /** Closes the connection without an answer, unless one was sent. */
    void closeWithoutAnswer() {
        if (answered) {
            return;
        }
        answered = true;
        sink.answer(this, -1, null, null);
    }
}
