package io.connect8x8.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both APIs as canned JSON on a JDK HttpServer at 127.0.0.1:0, recording each request. With receipts on, it
 * POSTs delivery receipts to a message's {@code dlrCallbackUrl}, as the simulator does, so it can stand in for it.
 */
final class FakeApi implements AutoCloseable {

    /** A recorded request. */
    record Recorded(String method, String path, String authorization, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger umids = new AtomicInteger();
    private final boolean receipts;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile int errorStatus;
    private volatile String errorBody;

    FakeApi(boolean receipts) throws IOException {
        this.receipts = receipts;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    FakeApi() throws IOException {
        this(false);
    }

    /** Answers every request with this error from now on. */
    void failWith(int status, int code, String message) {
        errorStatus = status;
        errorBody = "{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"errorId\":\"0f6a3c2e-1b7d-4c55-9a1e-2b3c4d5e6f70\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
    }

    String smsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    String chatUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/chat";
    }

    List<Recorded> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Recorded(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (errorStatus != 0) {
            send(exchange, errorStatus, errorBody);
            return;
        }
        String umid = "umid-" + umids.incrementAndGet();
        JsonObject request = JsonParser.parseString(body).getAsJsonObject();
        boolean sms = path.startsWith("/sms/");
        String response;
        if (path.endsWith("/batch")) {
            int count = request.has("messages") ? request.getAsJsonArray("messages").size()
                    : request.getAsJsonArray("destinations").size();
            response = "{\"batchId\":\"batch-1\",\"clientBatchId\":" + quoted(request, "clientBatchId")
                    + ",\"acceptedCount\":" + count + ",\"rejectedCount\":0}";
        } else if (sms) {
            response = "{\"umid\":\"" + umid + "\",\"clientMessageId\":" + quoted(request, "clientMessageId")
                    + ",\"destination\":\"6512345678\",\"encoding\":\"GSM7\","
                    + "\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}";
        } else {
            response = "{\"umid\":\"" + umid + "\",\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":"
                    + quoted(request, "clientMessageId")
                    + ",\"status\":{\"state\":\"queued\",\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
        }
        send(exchange, 200, response);
        if (receipts && request.has("dlrCallbackUrl")) {
            String url = request.get("dlrCallbackUrl").getAsString();
            List<String> states = sms ? List.of("delivered") : List.of("queued", "delivered", "read");
            new Thread(() -> states.forEach(state -> postReceipt(url, sms, umid, state))).start();
        }
    }

    private void postReceipt(String url, boolean sms, String umid, String state) {
        String payload = sms
                ? "{\"namespace\":\"SMS\",\"eventType\":\"outbound_message_status_changed\",\"description\":\"d\","
                        + "\"payload\":{\"umid\":\"" + umid + "\",\"subAccountId\":\"demo-subaccount\","
                        + "\"destination\":\"+6512345678\",\"status\":{\"state\":\"" + state
                        + "\",\"detail\":\"delivered_to_recipient\",\"timestamp\":\"2026-01-01T00:00:01Z\"},"
                        + "\"smsCount\":1}}"
                : "{\"namespace\":\"ChatApps\",\"eventType\":\"outbound_message_status_changed\","
                        + "\"description\":\"d\",\"payload\":{\"umid\":\"" + umid + "\",\"subAccountId\":"
                        + "\"demo-subaccount\",\"channel\":\"whatsapp\",\"user\":{\"msisdn\":\"+6512345678\"},"
                        + "\"status\":{\"state\":\"" + state + "\",\"timestamp\":\"2026-01-01T00:00:01Z\"}}}";
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(JsonObject request, String field) {
        return request.has(field) ? "\"" + request.get(field).getAsString() + "\"" : "null";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    Map<String, String> env() {
        return Map.of("CONNECT8X8_API_KEY", Cli.KEY, "CONNECT8X8_SUBACCOUNT_ID", "acme",
                "CONNECT8X8_SMS_URL", smsUrl(), "CONNECT8X8_CHATAPPS_URL", chatUrl());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
