package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connect8x8.sandbox.SandboxClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

    @Test
    void servesOnNioWhenIoUringLoopsCannotStart() throws IOException, InterruptedException {
        // Netty's availability check passes with any ring size; the loops' own rings then refuse one that is not a
        // power of two. The property is read once per JVM, so the server starts in a JVM of its own.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Dio.netty.iouring.ringSize=100000", "-cp",
                System.getProperty("java.class.path"), TransportChild.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("served on nio"), output);
        if (Transport.IoUring.AVAILABLE) {
            assertTrue(output.contains("io_uring event loops could not start"), output);
        }
    }

    /** Starts a server, answers one send and prints the transport it served on. */
    static final class TransportChild {

        private TransportChild() {
        }

        /**
         * Runs it.
         *
         * @param args none
         * @throws IOException on failure
         */
        public static void main(String[] args) throws IOException {
            try (Server server = server()) {
                assertSendAnswered(server);
                System.out.println("served on " + server.transport());
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
