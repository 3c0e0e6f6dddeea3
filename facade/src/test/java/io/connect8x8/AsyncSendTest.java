package io.connect8x8;

import static io.connect8x8.Fixtures.await;
import static io.connect8x8.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.BatchResult;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 1: {@code sendAsync} and {@code sendBatchAsync} against MockWebServer on loopback. The waits run
 * on an injected scheduler that records them and never sleeps; nothing waits for wall-clock time (every blocking
 * wait is for an event: a request reaching the server, a future completing, a task being scheduled).
 */
class AsyncSendTest {

    /** Long enough for a loaded machine; reached only when a test fails. */
    private static final long EVENT_TIMEOUT_S = 30;

    private MockWebServer server;
    private TestScheduler scheduler;
    private Connect8x8Client client;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        scheduler = TestScheduler.immediate();
        client = clientBuilder().build();
    }

    private Connect8x8Client.Builder clientBuilder() {
        AtomicInteger ids = new AtomicInteger();
        return Fixtures.client(server).clock(Fixtures.CLOCK).asyncScheduler(scheduler).listener(listener)
                .idGenerator(() -> "id-" + ids.incrementAndGet());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        scheduler.shutdownNow();
        server.shutdown();
    }

    private static Sms sms() {
        return Sms.builder().to("+6512345678").text("Hi").build();
    }

    private static MockResponse status(int code) {
        return Fixtures.json(code, Fixtures.errorBody(code == 429 ? 429 : 2000, "failure " + code));
    }



    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(request, "no request reached the server");
        return request;
    }

    @Test
    void sendsTheSameRequestAsTheBlockingSendAndReadsTheSameResult() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        Connect8x8Client twin = clientBuilder().build();

        SmsResult async = await(client.sms().sendAsync(sms()));
        SmsResult blocking = twin.sms().send(sms());
        twin.close();

        assertEquals(blocking, async);
        RecordedRequest first = takeRequest();
        RecordedRequest second = takeRequest();
        assertEquals(JsonParser.parseString(second.getBody().readUtf8()),
                JsonParser.parseString(first.getBody().readUtf8()));
        assertEquals(second.getPath(), first.getPath());
        assertEquals("Bearer " + Fixtures.KEY, first.getHeader("Authorization"));
    }

    @Test
    void everyAsyncOperationOfBothApis() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_BATCH_OK));
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));
        server.enqueue(Fixtures.ok(Fixtures.CHAT_BATCH_OK));

        BatchResult<SmsResult> smsBatch = await(client.sms().sendBatchAsync(SmsBatch.builder()
                .template(Sms.builder().text("Hi").build())
                .addDestination("+6512345678").addDestination("+6587654321").build()));
        ChatResult chat = await(client.chatApps().sendAsync(ChatMessage.builder().to("+6512345678").text("Hi")
                .build()));
        BatchResult<ChatResult> chatBatch = await(client.chatApps().sendBatchAsync(ChatBatch.builder()
                .addMessage(ChatMessage.builder().to("+6512345678").text("Hi").build())
                .addMessage(ChatMessage.builder().to("+6587654321").text("Hi").build()).build()));

        assertEquals("b-1", smsBatch.batchId());
        assertEquals("0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b", chat.umid());
        assertEquals(2, chatBatch.acceptedCount());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/batch", takeRequest().getPath());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", takeRequest().getPath());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/batch", takeRequest().getPath());
    }

    @Test
    void badInputFailsTheFutureBeforeAnyNetworkIo() {
        CompletableFuture<SmsResult> future = client.sms().sendAsync(Sms.builder().to("+6512345678").text("Hi")
                .scheduled(Fixtures.at(Duration.ofMinutes(-1))).build());

        ValidationException e = failure(ValidationException.class, future);
        assertEquals("scheduled", e.field());
        assertEquals(SendState.NOT_SENT, e.sendState());
        assertEquals(0, server.getRequestCount());
        assertEquals(List.of(), listener.events, "refused input is not an observed call");
    }

    @Test
    void aMissingSubAccountFailsTheFuture() throws Exception {
        try (Connect8x8Client noSub = Connect8x8Client.builder().apiKey(Fixtures.KEY)
                .smsBaseUrl(server.url("/").toString()).chatAppsBaseUrl(server.url("/").toString()).build()) {
            ValidationException e = failure(ValidationException.class, noSub.sms().sendAsync(sms()));
            assertEquals("subAccountId", e.field());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void rateLimitWaitsOnTheSchedulerForRetryAfter() throws Exception {
        server.enqueue(status(429).setHeader("Retry-After", "2"));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertEquals("u-1", await(client.sms().sendAsync(sms())).umid());

        assertEquals(List.of(Duration.ofSeconds(2)), scheduler.delays);
        assertEquals(2, server.getRequestCount());
        String firstId = JsonParser.parseString(takeRequest().getBody().readUtf8()).getAsJsonObject()
                .get("clientMessageId").getAsString();
        String secondId = JsonParser.parseString(takeRequest().getBody().readUtf8()).getAsJsonObject()
                .get("clientMessageId").getAsString();
        assertEquals(firstId, secondId, "every attempt carries the id fixed before the first");
    }

    @Test
    void unavailableBacksOffLikeTheBlockingSendThenFailsTyped() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503));
        }

        ServerErrorException e = failure(ServerErrorException.class, client.sms().sendAsync(sms()));

        assertEquals(503, e.httpStatus());
        assertEquals(3, e.attempts());
        assertEquals(SendState.NOT_SENT, e.sendState());
        // Jitter fixed at 0.5: half of 250 ms, then half of 500 ms, as RetryTest finds for the blocking send.
        assertEquals(List.of(Duration.ofMillis(125), Duration.ofMillis(250)), scheduler.delays);
    }

    @Test
    void anAmbiguousFailureIsNotRetried() {
        server.enqueue(status(500));

        ServerErrorException e = failure(ServerErrorException.class, client.sms().sendAsync(sms()));

        assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), scheduler.delays);
    }

    @Test
    void aRejectionFailsWithTheSameTypedException() {
        server.enqueue(Fixtures.json(401, Fixtures.errorBody(1200, "Unauthorized")));

        AuthenticationException e = failure(AuthenticationException.class, client.sms().sendAsync(sms()));

        assertEquals(SendState.REJECTED, e.sendState());
        assertEquals(1200, e.error().code());
    }

    @Test
    void aWaitBeyondTheDeadlineIsNotTaken() {
        server.enqueue(status(429).setHeader("Retry-After", "120"));

        RateLimitException e = failure(RateLimitException.class, client.sms().sendAsync(sms(),
                RequestOptions.builder().timeout(Duration.ofSeconds(60)).build()));

        assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
        assertEquals(List.of(), scheduler.delays);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theDeadlineEndsAnAttemptThatGetsNoAnswer() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        CallTimeoutException e = failure(CallTimeoutException.class, client.sms().sendAsync(sms(),
                RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));

        assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
        assertEquals(1, e.attempts());
    }

    @Test
    void cancelCancelsTheHttpCallInFlight() throws Exception {
        OkHttpClient shared = new OkHttpClient();
        Connect8x8Client withShared = clientBuilder().httpClient(shared).build();
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        CompletableFuture<SmsResult> future = withShared.sms().sendAsync(sms());
        takeRequest();
        assertEquals(1, shared.dispatcher().runningCallsCount());
        assertTrue(future.cancel(true));

        CallListener.Outcome outcome = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(outcome);
        assertTrue(outcome.cancelled());
        assertEquals(SendState.MAY_HAVE_BEEN_SENT, outcome.sendState(), "the request had reached the server");
        // The cancelled call ends its attempt (without an answer) instead of waiting for the 60 s deadline.
        CallListener.Attempt attempt = listener.attempts.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(attempt, "the attempt in flight was not cancelled");
        assertEquals(0, attempt.httpStatus());
        assertThrows(CancellationException.class, future::join);
        withShared.close();
    }

    @Test
    void cancelCancelsAPendingRetry() throws Exception {
        TestScheduler holding = TestScheduler.holding();
        Connect8x8Client held = clientBuilder().asyncScheduler(holding).build();
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        CompletableFuture<SmsResult> future = held.sms().sendAsync(sms());
        ScheduledFuture<?> retry = holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(retry);
        assertTrue(future.cancel(true));

        assertTrue(retry.isCancelled());
        assertEquals(1, server.getRequestCount());
        held.close();
        holding.shutdownNow();
    }

    @Test
    void theInFlightBoundFailsAFurtherCallAtOnceWithNothingSent() throws Exception {
        TestScheduler holding = TestScheduler.holding();
        Connect8x8Client bounded = clientBuilder().asyncScheduler(holding).maxAsyncInFlight(1).build();
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        CompletableFuture<SmsResult> first = bounded.sms().sendAsync(sms());
        assertNotNull(holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS), "the first call waits to retry");
        CompletableFuture<ChatResult> second = bounded.chatApps().sendAsync(ChatMessage.builder().to("+6512345678")
                .text("Hi").build());

        assertTrue(second.isCompletedExceptionally(), "the bound fails the future at once");
        InFlightLimitException e = failure(InFlightLimitException.class, second);
        assertEquals(1, e.limit());
        assertEquals(SendState.NOT_SENT, e.sendState());
        assertEquals(0, e.attempts());
        assertEquals(1, server.getRequestCount());

        first.cancel(true);
        assertEquals("u-1", await(bounded.sms().sendAsync(sms())).umid(), "a completed call frees its place");
        bounded.close();
        holding.shutdownNow();
    }

    @Test
    void closeFailsAPendingRetryWithItsLastFailureAndLeavesAGivenSchedulerRunning() throws Exception {
        TestScheduler holding = TestScheduler.holding();
        Connect8x8Client held = clientBuilder().asyncScheduler(holding).build();
        server.enqueue(status(503));

        CompletableFuture<SmsResult> future = held.sms().sendAsync(sms());
        ScheduledFuture<?> retry = holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(retry);
        held.close();

        ServerErrorException e = failure(ServerErrorException.class, future);
        assertEquals(503, e.httpStatus());
        assertEquals(SendState.NOT_SENT, e.sendState());
        assertTrue(retry.isCancelled());
        assertFalse(holding.isShutdown(), "the caller's scheduler is the caller's");
        assertInstanceOf(ClientClosedException.class,
                assertThrows(ExecutionException.class, () -> held.sms().sendAsync(sms()).get()).getCause());
        holding.shutdownNow();
    }

    @Test
    void theClientsOwnSchedulerRetriesAndIsShutDownByClose() throws Exception {
        Connect8x8Client own = Fixtures.client(server).clock(Fixtures.CLOCK)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
                .build();
        server.enqueue(status(503));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertEquals("u-1", await(own.sms().sendAsync(sms())).umid());
        List<Thread> schedulers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("connect8x8-retry-scheduler")).toList();
        assertEquals(1, schedulers.size(), "one scheduler thread, created for the retry");
        assertTrue(schedulers.get(0).isDaemon());
        own.close();

        schedulers.get(0).join(TimeUnit.SECONDS.toMillis(EVENT_TIMEOUT_S));
        assertFalse(schedulers.get(0).isAlive(), "close() shuts the client's own scheduler down");
    }

    @Test
    void theListenerHearsEachAttemptWaitAndTheOutcomeOfSyncAndAsyncCalls() throws Exception {
        server.enqueue(status(429).setHeader("Retry-After", "1"));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_BATCH_OK));
        server.enqueue(Fixtures.json(400, Fixtures.errorBody(1002, "bad")));

        client.sms().send(sms());
        await(client.sms().sendBatchAsync(SmsBatch.builder().template(Sms.builder().text("Hi").build())
                .addDestination("+6512345678").addDestination("+6587654321").build()));
        failure(BadRequestException.class, client.sms().sendAsync(sms()));

        assertEquals(List.of(
                "start sms send 1 sync",
                "attempt 1 429 written",
                "retry 1 PT1S rate_limited",
                "attempt 2 200 written",
                "finish success 200 attempts=2 umid=u-1 accepted=1 rejected=0",
                "start sms sendBatch 2 async",
                "attempt 1 200 written",
                "finish success 200 attempts=1 batch=b-1 accepted=2 rejected=0",
                "start sms send 1 async",
                "attempt 1 400 written",
                "finish REJECTED 400 attempts=1 BadRequestException"), listener.events);
    }

    @Test
    void aFailingListenerNeverChangesTheOutcome() throws Exception {
        Connect8x8Client noisy = clientBuilder().listener(call -> {
            throw new IllegalStateException("listener bug");
        }).build();
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        assertEquals("u-1", noisy.sms().send(sms()).umid());
        assertEquals("u-1", await(noisy.sms().sendAsync(sms())).umid());
        noisy.close();
    }

    @Test
    void theListenerIsCopiedToDerivedClients() {
        Connect8x8Client derived = client.newBuilder().build();
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        derived.sms().send(sms());

        assertEquals(List.of("start sms send 1 sync", "attempt 1 200 written",
                "finish success 200 attempts=1 umid=u-1 accepted=1 rejected=0"), listener.events);
        derived.close();
    }
}
