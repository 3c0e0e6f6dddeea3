package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5, items 1 and 2, over HTTP answers: which statuses are retried, how long the client waits (an injected
 * sleeper records the waits; the jitter is fixed at 0.5, so a backoff is half its cap), and that every attempt
 * carries the same client ids.
 */
class RetryTest {

    private static final RequestOptions RETRY_AMBIGUOUS = RequestOptions.builder()
            .retryPolicy(RetryPolicy.builder().retryAmbiguousFailures(true).build()).build();

    private MockWebServer server;
    private Fixtures.RecordingSleeper sleeper;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        sleeper = new Fixtures.RecordingSleeper();
        client = Fixtures.client(server).sleeper(sleeper).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private SmsResult sendSms() {
        return client.sms().send(Sms.builder().to("+6512345678").text("Hi").build());
    }

    private static MockResponse status(int code) {
        return Fixtures.json(code, Fixtures.errorBody(code == 429 ? 429 : 2000, "failure " + code));
    }

    private JsonObject takeBody() throws InterruptedException {
        return JsonParser.parseString(server.takeRequest().getBody().readUtf8()).getAsJsonObject();
    }

    @Test
    void rateLimitWaitsForRetryAfterThenSucceeds() {
        server.enqueue(status(429).setHeader("Retry-After", "2"));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertEquals("u-1", sendSms().umid());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    void rateLimitWaitsForARetryAfterDateMeasuredOnTheClientsClock() {
        String inThreeSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Fixtures.NOW.plusSeconds(3).atZone(java.time.ZoneOffset.UTC));
        server.enqueue(status(429).setHeader("Retry-After", inThreeSeconds));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        try (Connect8x8Client fixedClock = Fixtures.client(server).sleeper(sleeper).clock(Fixtures.CLOCK).build()) {
            assertEquals("u-1", fixedClock.sms().send(Sms.builder().to("+6512345678").text("Hi").build()).umid());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffThenSucceeds() {
        server.enqueue(status(429));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertEquals("u-1", sendSms().umid());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(125)), sleeper.waits);
    }

    @Test
    void retryAfterBeyondTheDeadlineFailsAtOnce() {
        server.enqueue(status(429).setHeader("Retry-After", "120"));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        RateLimitException e = assertThrows(RateLimitException.class, this::sendSms);

        assertEquals(1, server.getRequestCount());
        assertEquals(1, e.attempts());
        assertEquals(java.util.Optional.of(Duration.ofSeconds(120)), e.retryAfter());
        assertEquals(List.of(), sleeper.waits);
    }

    @Test
    void rateLimitOnEveryAttemptGivesUpAfterMaxAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(429).setHeader("Retry-After", "1"));
        }

        RateLimitException e = assertThrows(RateLimitException.class, this::sendSms);

        assertEquals(3, server.getRequestCount());
        assertEquals(3, e.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.waits);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 504})
    void ambiguousServerErrorIsNotRetriedByDefault(int code) {
        server.enqueue(status(code));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        ServerErrorException e = assertThrows(ServerErrorException.class, this::sendSms);

        assertEquals(code, e.httpStatus());
        assertTrue(e.mayHaveBeenProcessed());
        assertEquals(1, e.attempts());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.waits);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 504})
    void ambiguousServerErrorIsRetriedWhenTheCallOptsIn(int code) {
        server.enqueue(status(code));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        SmsResult result = client.sms().send(Sms.builder().to("+6512345678").text("Hi").build(), RETRY_AMBIGUOUS);

        assertEquals("u-1", result.umid());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(125)), sleeper.waits);
    }

    @ParameterizedTest(name = "HTTP 500, then HTTP {0}")
    @ValueSource(ints = {503, 429, 400})
    void aFailureAfterARetriedAmbiguousAttemptSaysTheMessageMayHaveBeenSent(int then) throws Exception {
        // The 500 may have been processed; the last answer (not taken, or refused) does not undo that.
        RequestOptions twice = RequestOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(2)
                .retryAmbiguousFailures(true).build()).build();
        for (int i = 0; i < 2; i++) {
            server.enqueue(status(500));
            server.enqueue(status(then));
        }

        TestScheduler scheduler = TestScheduler.immediate();
        ApiErrorException sync;
        ApiErrorException async;
        try (Connect8x8Client waitsNot = Fixtures.client(server).sleeper(sleeper).asyncScheduler(scheduler).build()) {
            Sms sms = Sms.builder().to("+6512345678").text("Hi").build();
            sync = assertThrows(ApiErrorException.class, () -> waitsNot.sms().send(sms, twice));
            async = Fixtures.failure(ApiErrorException.class, waitsNot.sms().sendAsync(sms, twice));
        } finally {
            scheduler.shutdownNow();
        }

        for (ApiErrorException e : List.of(sync, async)) {
            assertEquals(then, e.httpStatus());
            assertEquals(2, e.attempts());
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
            assertEquals(500, ((ServerErrorException) e.getSuppressed()[0]).httpStatus());
        }
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void serviceUnavailableIsRetried() {
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertEquals("u-1", sendSms().umid());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(125)), sleeper.waits);
    }

    @Test
    void serviceUnavailableThroughoutBacksOffExponentiallyAndGivesUp() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503));
        }

        ServerErrorException e = assertThrows(ServerErrorException.class, this::sendSms);

        assertEquals(3, e.attempts());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(125), Duration.ofMillis(250)), sleeper.waits);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        server.enqueue(status(400));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build(), RETRY_AMBIGUOUS));

        assertEquals(1, e.attempts());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void htmlPageWithStatus200IsUnexpectedResponseAndNotRetried() {
        String html = "<html><body>Welcome to the captive portal</body></html>";
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(html));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::sendSms);

        assertEquals(200, e.httpStatus());
        assertEquals(html, e.rawBody());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void jsonBodyUnderAWrongContentTypeIsStillRead() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody(Fixtures.SMS_OK));

        assertEquals("u-1", sendSms().umid());
    }

    @Test
    void missingRequiredFieldIsUnexpectedResponseAndNotRetried() {
        server.enqueue(Fixtures.ok("{\"destination\":\"6512345678\",\"encoding\":\"GSM7\",\"status\":{}}"));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertThrows(UnexpectedResponseException.class, this::sendSms);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void generatedClientMessageIdIsTheSameOnEveryAttempt() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(429));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        sendSms();

        String first = takeBody().get("clientMessageId").getAsString();
        assertEquals(first, UUID.fromString(first).toString());
        assertEquals(first, takeBody().get("clientMessageId").getAsString());
        assertEquals(first, takeBody().get("clientMessageId").getAsString());
    }

    @Test
    void callersClientMessageIdIsKeptOnEveryAttempt() throws Exception {
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));

        client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").clientMessageId("order-42").build());

        assertEquals("order-42", takeBody().get("clientMessageId").getAsString());
        assertEquals("order-42", takeBody().get("clientMessageId").getAsString());
    }

    @Test
    void separateSendsGetDifferentGeneratedIds() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        sendSms();
        sendSms();

        assertTrue(!takeBody().get("clientMessageId").equals(takeBody().get("clientMessageId")));
    }

    @Test
    void smsBatchGetsAClientBatchIdOfAtMost20CharactersKeptAcrossAttempts() throws Exception {
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.SMS_BATCH_OK));

        client.sms().sendBatch(SmsBatch.builder()
                .addMessage(Sms.builder().to("+6512345678").text("One").build())
                .addMessage(Sms.builder().to("+6587654321").text("Two").build()).build());

        JsonObject first = takeBody();
        JsonObject second = takeBody();
        String batchId = first.get("clientBatchId").getAsString();
        assertEquals(20, batchId.length());
        assertTrue(batchId.matches("[0-9a-f]{20}"), batchId);
        assertEquals(first, second);
        String one = first.getAsJsonArray("messages").get(0).getAsJsonObject().get("clientMessageId").getAsString();
        String two = first.getAsJsonArray("messages").get(1).getAsJsonObject().get("clientMessageId").getAsString();
        assertTrue(!one.equals(two));
    }

    @Test
    void chatBatchGetsAClientBatchIdKeptAcrossAttempts() throws Exception {
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.CHAT_BATCH_OK));

        client.chatApps().sendBatch(ChatBatch.builder()
                .addMessage(ChatMessage.builder().to("+6512345678").text("One").build()).build());

        JsonObject first = takeBody();
        String batchId = first.get("clientBatchId").getAsString();
        assertEquals(batchId, UUID.fromString(batchId).toString());
        assertEquals(first, takeBody());
    }

    @Test
    void noIdsAreSentWhenGenerationIsOff() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_BATCH_OK));
        try (Connect8x8Client plain = Fixtures.client(server).autoClientIds(false).build()) {
            plain.sms().sendBatch(SmsBatch.builder().addMessage(Sms.builder().to("+6512345678").text("One").build())
                    .build());
        }

        assertEquals("{\"messages\":[{\"destination\":\"+6512345678\",\"text\":\"One\"}]}", takeBody().toString());
    }
}
