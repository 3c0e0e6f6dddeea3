package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** What the facade's tests share: the key, the fixed clock, canned responses and a client pointed at a server. */
final class Fixtures {

    /** A key that must never show up anywhere but the Authorization header. */
    static final String KEY = "sk-test-Secret-7f3a9c";
    static final String SUB_ACCOUNT = "acme.sub_1";
    /** The instant every fixed clock stands at. */
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String SMS_OK = "{\"umid\":\"u-1\",\"clientMessageId\":null,\"destination\":\"6512345678\","
            + "\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued\"}}";
    static final String SMS_BATCH_OK = "{\"batchId\":\"b-1\",\"clientBatchId\":null,\"acceptedCount\":2,"
            + "\"rejectedCount\":0}";
    static final String CHAT_OK = "{\"umid\":\"0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b\",\"user\":{\"msisdn\":"
            + "\"+6512345678\"},\"clientMessageId\":null,\"status\":{\"state\":\"queued\","
            + "\"timestamp\":\"2026-03-01T10:00:00.12Z\"}}";
    static final String CHAT_BATCH_OK = "{\"batchId\":\"2b3c4d5e-0000-4000-8000-000000000001\","
            + "\"clientBatchId\":null,\"acceptedCount\":2,\"rejectedCount\":0}";

    private Fixtures() {
    }

    /** A MockWebServer on loopback. */
    static MockWebServer startServer() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    /** A client for every API at {@code baseUrl}, with the fixed key and sub-account; nothing sleeps. */
    static Connect8x8Client.Builder client(String baseUrl) {
        return Connect8x8Client.builder()
                .apiKey(KEY)
                .subAccountId(SUB_ACCOUNT)
                .smsBaseUrl(baseUrl)
                .chatAppsBaseUrl(baseUrl)
                .verifyBaseUrl(baseUrl)
                .sleeper(new RecordingSleeper())
                .jitter(() -> 0.5);
    }

    static Connect8x8Client.Builder client(MockWebServer server) {
        return client(server.url("/").toString());
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    /** 8x8's error envelope. */
    static String errorBody(int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"errorId\":"
                + "\"8b7e2a10-3c4d-4e5f-9a0b-1c2d3e4f5a6b\",\"timestamp\":\"2026-03-01T10:00:00.1234567Z\"}";
    }

    /** How long a test waits for an event: long enough for a loaded machine, reached only when a test fails. */
    static final long EVENT_TIMEOUT_S = 30;

    /** The value of a future that must complete. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** The failure the future completed with, unwrapped and of the given type. */
    static <E extends Throwable> E failure(Class<E> type, CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.get(EVENT_TIMEOUT_S, TimeUnit.SECONDS));
        return assertInstanceOf(type, e.getCause());
    }

    /** A time {@code offset} after the fixed clock's now. */
    static OffsetDateTime at(Duration offset) {
        return OffsetDateTime.ofInstant(NOW.plus(offset), ZoneOffset.UTC);
    }

    /** Records the waits instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
