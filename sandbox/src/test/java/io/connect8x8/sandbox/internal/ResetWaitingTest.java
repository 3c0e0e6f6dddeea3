package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connect8x8.sandbox.SandboxClock;
import io.connect8x8.sandbox.TestNumbers;
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

/** A reset drops what waits for the clock: a channel fallback's next leg as well as a scheduled message. */
class ResetWaitingTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();

    @Test
    void resetDropsPendingFallbackLegsAndScheduledMessages() throws IOException {
        SandboxClock clock = SandboxClock.at(Instant.parse("2026-12-01T09:00:00Z"));
        try (Server server = new Server(new Settings("127.0.0.1", 0, "k", Map.of("k", Set.of()), false, 0, null, 1.0,
                clock, 1 << 20, List.of(), 4, 100, null))) {
            String base = "http://127.0.0.1:" + server.port() + "/chatapps/api/v1/subaccounts/acme/messages";
            post(base, "{\"user\":{\"msisdn\":\"" + TestNumbers.UNDELIVERED + "\"},\"type\":\"Text\","
                    + "\"content\":{\"text\":\"A\"},\"channels\":[{\"channel\":\"WhatsApp\",\"fallbackAfter\":60},"
                    + "{\"channel\":\"SMS\"}]}");
            post(base, "{\"user\":{\"msisdn\":\"+6591234567\"},\"type\":\"Text\",\"content\":{\"text\":\"B\"},"
                    + "\"scheduled\":\"2026-12-01T10:00:00Z\"}");
            assertEquals(2, server.waiting());

            server.reset();

            assertEquals(0, server.waiting());
            clock.advance(Duration.ofHours(2));
            assertEquals(0, server.store().snapshot().size());
        }
    }

    private static void post(String url, String json) throws IOException {
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer k")
                .post(RequestBody.create(json, MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertEquals(200, response.code(), response.body().string());
        }
    }
}
