package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connect8x8.sandbox.SandboxClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The server runs on io_uring wherever it can (Linux x86-64 with io_uring allowed, as on the project's machines) and
 * on NIO where it cannot or when asked to, and answers a send the same way on both.
 */
class TransportTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();

    @Test
    void servesOnIoUringWhereItRuns() throws IOException {
        // Where io_uring cannot run (another OS, a container whose seccomp profile refuses it), NIO is the answer.
        String expected = Transport.IoUring.AVAILABLE ? "io_uring" : "nio";
        try (Server server = server()) {
            assertEquals(expected, server.transport());
            assertSendAnswered(server);
        }
    }

    @Test
    void servesOnNioWhenAsked() throws IOException {
        String before = System.getProperty(Transport.PROPERTY);
        System.setProperty(Transport.PROPERTY, "nio");
        try (Server server = server()) {
            assertEquals("nio", server.transport());
            assertSendAnswered(server);
        } finally {
            if (before == null) {
                System.clearProperty(Transport.PROPERTY);
            } else {
                System.setProperty(Transport.PROPERTY, before);
            }
        }
    }

    private static Server server() throws IOException {
        return new Server(new Settings("127.0.0.1", 0, "k", Map.of("k", Set.of()), false, 0, null, 1.0,
                SandboxClock.at(Instant.parse("2026-12-01T09:00:00Z")), 1 << 20, List.of(), 4, 100, null));
    }

    private static void assertSendAnswered(Server server) throws IOException {
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + server.port() + "/sms/api/v1/subaccounts/acme/messages")
                .header("Authorization", "Bearer k")
                .post(RequestBody.create("{\"destination\":\"+6591234567\",\"text\":\"Hi\"}",
                        MediaType.get("application/json")))
                .build();
        try (Response response = HTTP.newCall(request).execute()) {
            String body = response.body().string();
            assertEquals(200, response.code(), body);
            JsonNode json = new ObjectMapper().readTree(body);
            assertEquals("6591234567", json.path("destination").asText());
            assertEquals("QUEUED", json.path("status").path("code").asText());
        }
        assertEquals(1, server.store().snapshot().size());
    }
}
