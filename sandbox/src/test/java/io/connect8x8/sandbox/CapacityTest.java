package io.connect8x8.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The simulator holds a real campaign: big batches, bounded memory, honest counts, and slow clients. */
class CapacityTest {

    /** Tests of this class may run in parallel: each has its own simulator, so counts are its own. */
    private static Sandbox sandbox() {
        return Sandbox.builder().recordWindow(5).build().start();
    }

    private static String batchUrl(Sandbox sandbox, String subAccount) {
        return sandbox.smsBaseUrl() + "/api/v1/subaccounts/" + subAccount + "/messages/batch";
    }

    @Test
    void acceptsAFullPersonalisedBatchAndCountsBeyondTheWindow() throws Exception {
        try (Sandbox sandbox = sandbox()) {
        StringBuilder body = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"destination\":\"+6591").append(String.format("%06d", i))
                    .append("\",\"text\":\"Dear customer number ").append(i)
                    .append(", your personal spring offer is waiting for you in the shop until Sunday\"")
                    .append(",\"clientMessageId\":\"big-").append(i).append("\"}");
        }
        body.append("]}");
        assertTrue(body.length() > 1024 * 1024, "over the old 1 MiB limit: " + body.length());

        // Validating 10,000 messages takes seconds on a loaded machine: a client with a patient deadline.
        OkHttpClient patient = Http.CLIENT.newBuilder().callTimeout(Duration.ofMinutes(2)).build();
        Request request = new Request.Builder().url(batchUrl(sandbox, "capacity-1"))
                .header("Authorization", "Bearer " + sandbox.apiKey())
                .post(RequestBody.create(body.toString(), MediaType.get("application/json"))).build();
        try (Response reply = patient.newCall(request).execute()) {
            String text = reply.body().string();
            assertEquals(200, reply.code(), text);
            assertEquals(10_000, Http.JSON.readTree(text).get("acceptedCount").asInt());
        }
        assertEquals(5, sandbox.messages().size(), "only the window is kept whole");
        assertEquals("big-9999", sandbox.messages().get(4).clientMessageId());
        assertEquals(10_000, sandbox.acceptedMessages());
        JsonNode stats = Http.JSON.readTree(Http.get(sandbox.rootUrl() + "/__admin/stats").text());
        assertEquals(10_000, stats.get("acceptedMessages").asLong());
        assertEquals(0, stats.get("duplicateClientMessageIds").asLong());
        }
    }

    @Test
    void countsClientMessageIdsAcceptedMoreThanOnce() throws Exception {
        String one = "{\"messages\":[{\"destination\":\"+6591000001\",\"text\":\"a\",\"clientMessageId\":\"dup-1\"},"
                + "{\"destination\":\"+6591000002\",\"text\":\"b\",\"clientMessageId\":\"dup-2\"}]}";
        try (Sandbox sandbox = sandbox()) {
            assertEquals(200, Http.post(batchUrl(sandbox, "capacity-2"), sandbox.apiKey(), one).status());
            assertEquals(200, Http.post(batchUrl(sandbox, "capacity-2"), sandbox.apiKey(), one).status());
            assertEquals(200, Http.post(batchUrl(sandbox, "capacity-3"), sandbox.apiKey(), one).status());

            assertEquals(6, sandbox.acceptedMessages());
            assertEquals(2, sandbox.duplicateClientMessageIds(), "per sub-account: the third batch is new");
            JsonNode stats = Http.JSON.readTree(Http.get(sandbox.rootUrl() + "/__admin/stats").text());
            assertEquals(2, stats.get("duplicateClientMessageIds").asLong());
            assertEquals(6, stats.get("acceptedMessages").asLong());
            sandbox.reset();
            assertEquals(0, sandbox.acceptedMessages());
            assertEquals(200, Http.post(batchUrl(sandbox, "capacity-2"), sandbox.apiKey(), one).status());
            assertEquals(0, sandbox.duplicateClientMessageIds(), "a reset forgets the ids");
        }
    }

    @Test
    void aHundredGigabyteBodyIsRefusedBeforeItIsSent() throws Exception {
        try (Sandbox sandbox = sandbox(); Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sms/api/v1/subaccounts/capacity-4/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + sandbox.apiKey() + "\r\nContent-Type: application/json\r\nContent-Length: 107374182400\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
    }

    @Test
    void clientsThatStallDoNotStopOthers() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (Sandbox sandbox = sandbox()) {
            // More than the old 4 request threads: half a request line each, then nothing.
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket("127.0.0.1", sandbox.port());
                socket.getOutputStream().write("POST /sms/api/v1/subacc".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            String one = "{\"destination\":\"+6591000009\",\"text\":\"still served\"}";
            Http.Reply reply = Http.post(sandbox.smsBaseUrl() + "/api/v1/subaccounts/capacity-5/messages",
                    sandbox.apiKey(), one);
            assertEquals(200, reply.status(), reply.text());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

}
