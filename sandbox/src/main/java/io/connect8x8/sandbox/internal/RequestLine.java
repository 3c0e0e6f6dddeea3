package io.connect8x8.sandbox.internal;

import io.connect8x8.internal.Redaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** The line the request log gets for one answered request: method, path, status, and whom it was for, masked. */
final class RequestLine {

    /**
     * Whom the request being handled on this thread is for. Not an exchange attribute: the JDK's server keeps those
     * on the shared HttpContext, so concurrent requests would see each other's.
     */
    private static final ThreadLocal<String> TARGET = new ThreadLocal<>();

    private RequestLine() {
    }

    /**
     * Remembers, for this thread's request, whom its parsed body is for: the masked destination of a single
     * message, or the message count of a batch.
     *
     * @param json the request body
     */
    static void remember(JsonNode json) {
        JsonNode messages = json.path("messages");
        String target;
        if (messages.isArray()) {
            target = messages.size() + (messages.size() == 1 ? " message" : " messages");
        } else {
            String number = json.path("destination").asText(json.path("user").path("msisdn").asText(""));
            target = number.isEmpty() ? null : Redaction.maskPhone(number);
        }
        TARGET.set(target);
    }

    /**
     * Formats the line of an answered exchange and forgets its target; called on the thread that handled it.
     *
     * @param exchange the exchange, its response sent (status -1 when the connection was closed without one)
     * @return one line
     */
    static String of(HttpExchange exchange) {
        int status = exchange.getResponseCode();
        String target = TARGET.get();
        TARGET.remove();
        return exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + (status < 0 ? "(closed without a response)" : Integer.toString(status))
                + (target == null ? "" : " " + target);
    }
}
