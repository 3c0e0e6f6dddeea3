package io.connect8x8;

import static io.connect8x8.Fixtures.await;
import static io.connect8x8.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.generated.sms.ApiCallback;
import io.connect8x8.generated.sms.ApiException;
import io.connect8x8.generated.sms.model.SmsRequest;
import io.connect8x8.generated.sms.model.SmsResponse;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 5, against MockWebServer on loopback, without sleeps (every wait is for an event): clients that
 * share a pool keep working until each is closed, sync and async; a cancelled async send says whether it was sent;
 * async calls beyond the in-flight bound can queue, boundedly.
 */
class AsyncLifecycleTest {

    private static final long EVENT_TIMEOUT_S = Fixtures.EVENT_TIMEOUT_S;
    private static final RetryPolicy NO_BACKOFF = RetryPolicy.builder().initialBackoff(Duration.ZERO)
            .maxBackoff(Duration.ZERO).build();

    private MockWebServer server;
    private final TestScheduler holding = TestScheduler.holding();

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
    }

    @AfterEach
    void stop() throws Exception {
        holding.shutdownNow();
        server.shutdown();
    }

    private static Sms sms(String text) {
        return Sms.builder().to("+6512345678").text(text).build();
    }



    /** The cause a cancelled future's join() carries. */
    private static SendCancelledException cancellation(CompletableFuture<?> future) {
        CancellationException e = assertThrows(CancellationException.class, future::join);
        assertTrue(future.isCancelled());
        SendCancelledException why = assertInstanceOf(SendCancelledException.class, e.getCause());
        assertEquals(why.getMessage(), e.getMessage());
        return why;
    }

    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(request, "no request reached the server");
        return request;
    }

    /** The executor of the dispatcher a client's calls run on. */
    private static ExecutorService dispatcherOf(Connect8x8Client client) {
        return client.generated().sms().getApiClient().getHttpClient().dispatcher().executorService();
    }

    // ---- derived clients ------------------------------------------------------------------------------------------

    @Test
    void aDerivedClientKeepsWorkingSyncAndAsyncAfterItsParentIsClosed() throws Exception {
        Connect8x8Client parent = Fixtures.client(server).retryPolicy(NO_BACKOFF).build();
        Connect8x8Client derived = parent.newBuilder().subAccountId("derived-sub").build();
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        assertEquals("u-1", await(parent.sms().sendAsync(sms("parent"))).umid());
        ExecutorService dispatcher = dispatcherOf(derived);

        parent.close();
        assertTrue(parent.isClosed());
        assertFalse(derived.isClosed());
        assertFalse(dispatcher.isShutdown(), "the derived client still holds the shared dispatcher");
        assertInstanceOf(ClientClosedException.class, failure(ClientClosedException.class,
                parent.sms().sendAsync(sms("refused"))));

        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        assertEquals("u-1", derived.sms().send(sms("sync")).umid());
        // Async, through a retry: the derived client uses the shared dispatcher and the shared retry scheduler.
        server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        assertEquals("u-1", await(derived.sms().sendAsync(sms("async"))).umid());
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        try (Connect8x8Client grandchild = derived.newBuilder().build()) {
            assertEquals("u-1", grandchild.sms().send(sms("grandchild")).umid(), "derived from the survivor");
        }

        takeRequest();
        for (String path : new String[] {"sync", "async", "async", "grandchild"}) {
            RecordedRequest request = takeRequest();
            assertEquals("/api/v1/subaccounts/derived-sub/messages", request.getPath(), path);
        }
        derived.close();
    }

    @Test
    void theSharedResourcesCloseWithTheLastClientWhicheverItIs() throws Exception {
        for (boolean parentLast : new boolean[] {false, true}) {
            Connect8x8Client parent = Fixtures.client(server).build();
            Connect8x8Client derived = parent.newBuilder().build();
            ExecutorService dispatcher = dispatcherOf(parent);
            Connect8x8Client first = parentLast ? derived : parent;
            Connect8x8Client last = parentLast ? parent : derived;

            first.close();
            first.close();
            assertFalse(dispatcher.isShutdown(), "closing one client twice releases one reference");
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            assertEquals("u-1", await(last.sms().sendAsync(sms("still open"))).umid());

            last.close();
            assertTrue(dispatcher.isShutdown(), "the last close releases the dispatcher");
            assertInstanceOf(ClientClosedException.class,
                    assertThrows(ClientClosedException.class, () -> last.sms().send(sms("closed"))));
        }
    }

    @Test
    void aBuilderUsedAfterEveryClientClosedMakesResourcesOfItsOwn() throws Exception {
        Connect8x8Client parent = Fixtures.client(server).build();
        Connect8x8Client.Builder later = parent.newBuilder();
        ExecutorService released = dispatcherOf(parent);
        parent.close();
        assertTrue(released.isShutdown());

        try (Connect8x8Client orphan = later.build()) {
            assertFalse(dispatcherOf(orphan).isShutdown());
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            assertEquals("u-1", orphan.sms().send(sms("sync")).umid());
            assertEquals("u-1", await(orphan.sms().sendAsync(sms("async"))).umid());
        }
    }

    @Test
    void aCallersHttpClientIsNeverShutDown() throws Exception {
        OkHttpClient callers = new OkHttpClient();
        Connect8x8Client parent = Fixtures.client(server).httpClient(callers).build();
        Connect8x8Client derived = parent.newBuilder().build();
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        assertEquals("u-1", await(derived.sms().sendAsync(sms("x"))).umid());
        parent.close();
        derived.close();
        assertFalse(callers.dispatcher().executorService().isShutdown());
        callers.dispatcher().executorService().shutdown();
    }

    @Test
    void eachClientsInFlightBoundIsItsOwnOnTheSharedDispatcher() throws Exception {
        try (Connect8x8Client parent = Fixtures.client(server).maxAsyncInFlight(1).build();
             Connect8x8Client derived = parent.newBuilder().maxAsyncInFlight(2).build()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            CompletableFuture<SmsResult> one = derived.sms().sendAsync(sms("one"));
            CompletableFuture<SmsResult> two = derived.sms().sendAsync(sms("two"));
            CompletableFuture<SmsResult> three = parent.sms().sendAsync(sms("three"));
            // All three reach the server at once: the dispatcher, sized 1 by the parent, grew by the derived 2.
            takeRequest();
            takeRequest();
            takeRequest();
            for (CompletableFuture<SmsResult> future : List.of(one, two, three)) {
                future.cancel(true);
                assertEquals(SendState.MAY_HAVE_BEEN_SENT, cancellation(future).sendState());
            }
            Dispatcher dispatcher = parent.generated().sms().getApiClient().getHttpClient().dispatcher();
            derived.close();
            assertEquals(1, dispatcher.getMaxRequests(), "a closed client gives its room back");
        }
    }

    // ---- cancelling ----------------------------------------------------------------------------------------------

    @Test
    void cancellingAfterTheRequestWasWrittenSaysItMayHaveBeenSent() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (Connect8x8Client client = Fixtures.client(server).listener(listener).build()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            CompletableFuture<SmsResult> future = client.sms().sendAsync(sms("in flight"));
            takeRequest();

            assertTrue(future.cancel(true));
            SendCancelledException why = cancellation(future);
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, why.sendState());
            assertEquals(1, why.attempts());
            CallListener.Outcome outcome = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(outcome);
            assertTrue(outcome.cancelled());
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, outcome.sendState());
            assertTrue(future.cancel(true), "still cancelled");
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, cancellation(future).sendState(),
                    "a second cancel changes nothing");
        }
    }

    @Test
    void cancellingACallThatOkHttpHasNotStartedHoldsItBackAndSaysNotSent() throws Exception {
        // A dispatcher that runs one call at a time: the second call waits in OkHttp's own queue.
        Dispatcher one = new Dispatcher();
        one.setMaxRequests(1);
        OkHttpClient callers = new OkHttpClient.Builder().dispatcher(one).build();
        RecordingListener listener = new RecordingListener();
        try (Connect8x8Client client = Fixtures.client(server).httpClient(callers).listener(listener).build()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
            takeRequest();
            CompletableFuture<SmsResult> second = client.sms().sendAsync(sms("second"));
            assertEquals(1, one.queuedCallsCount());

            assertTrue(second.cancel(true));
            SendCancelledException why = cancellation(second);
            assertEquals(SendState.NOT_SENT, why.sendState());
            CallListener.Outcome outcome = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(outcome);
            assertEquals(SendState.NOT_SENT, outcome.sendState());

            // Free the dispatcher: the held-back request never reaches the server, a new one does.
            first.cancel(true);
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, cancellation(first).sendState());
            assertEquals("u-1", await(client.sms().sendAsync(sms("third"))).umid());
            assertTrue(takeRequest().getBody().readUtf8().contains("third"), "the cancelled call was not sent");
        } finally {
            one.executorService().shutdown();
        }
    }

    @Test
    void cancellingDuringARetryWaitSaysWhatTheAttemptsSent() throws Exception {
        try (Connect8x8Client client = Fixtures.client(server).asyncScheduler(holding)
                .retryPolicy(RetryPolicy.builder().retryAmbiguousFailures(true).build()).build()) {
            // 503: the API took nothing; 500: it may have processed the message.
            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
            CompletableFuture<SmsResult> notTaken = client.sms().sendAsync(sms("503"));
            assertNotNull(holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS));
            assertTrue(notTaken.cancel(true));
            SendCancelledException why = cancellation(notTaken);
            assertEquals(SendState.NOT_SENT, why.sendState());
            assertEquals(1, why.attempts());

            server.enqueue(Fixtures.json(500, Fixtures.errorBody(2000, "internal")));
            CompletableFuture<SmsResult> maybeTaken = client.sms().sendAsync(sms("500"));
            assertNotNull(holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS));
            assertTrue(maybeTaken.cancel(true));
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, cancellation(maybeTaken).sendState());
            assertEquals(2, server.getRequestCount(), "no retry after a cancel");
        }
    }

    @Test
    void theSyncPathReportsTheSameStatesWithoutACancel() {
        // A blocking send cannot be cancelled; its failures answer the same question.
        try (Connect8x8Client client = Fixtures.client(server).build()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            CallTimeoutException e = assertThrows(CallTimeoutException.class, () -> client.sms().send(sms("x"),
                    RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
        }
    }

    @Test
    void aDeadlinePassedDuringARetryWaitSaysWhatTheAttemptsSent() throws Exception {
        // The wait ran late (a busy scheduler, a long GC pause): the next attempt finds the deadline passed. A 503
        // took nothing, so nothing was sent; a 500 may have been processed.
        MutableClock clock = new MutableClock();
        try (Connect8x8Client client = Fixtures.client(server).clock(clock).asyncScheduler(holding)
                .sleeper(wait -> clock.advance(wait.plusSeconds(61)))
                .retryPolicy(RetryPolicy.builder().retryAmbiguousFailures(true).build()).build()) {
            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
            CallTimeoutException sync = assertThrows(CallTimeoutException.class, () -> client.sms().send(sms("a")));
            assertEquals(SendState.NOT_SENT, sync.sendState());
            assertEquals(1, sync.attempts());

            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
            CompletableFuture<SmsResult> notTaken = client.sms().sendAsync(sms("b"));
            Runnable late = (Runnable) holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(61));
            late.run();
            CallTimeoutException async = failure(CallTimeoutException.class, notTaken);
            assertEquals(SendState.NOT_SENT, async.sendState());
            assertEquals(1, async.attempts());

            server.enqueue(Fixtures.json(500, Fixtures.errorBody(2000, "internal")));
            CompletableFuture<SmsResult> maybeTaken = client.sms().sendAsync(sms("c"));
            late = (Runnable) holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(61));
            late.run();
            assertEquals(SendState.MAY_HAVE_BEEN_SENT, failure(CallTimeoutException.class, maybeTaken).sendState());
            assertEquals(3, server.getRequestCount(), "no attempt after the deadline");
        }
    }

    // ---- completing from outside --------------------------------------------------------------------------------

    /** The ways a caller completes a send's future itself: from outside, and by {@code cancel()} to compare. */
    private enum Completion {
        COMPLETE, COMPLETE_EXCEPTIONALLY, OR_TIMEOUT, OBTRUDE_EXCEPTION, CANCEL;

        /** Completes the future this way, waits until it is done, and checks it kept the caller's outcome. */
        void complete(CompletableFuture<SmsResult> future) {
            IllegalStateException callers = new IllegalStateException("the caller gave up");
            switch (this) {
                case COMPLETE -> assertTrue(future.complete(null));
                case COMPLETE_EXCEPTIONALLY -> assertTrue(future.completeExceptionally(callers));
                // The JDK's timer thread completes it: join() waits for that event.
                case OR_TIMEOUT -> future.orTimeout(1, TimeUnit.NANOSECONDS);
                case OBTRUDE_EXCEPTION -> future.obtrudeException(callers);
                case CANCEL -> assertTrue(future.cancel(true));
                default -> throw new AssertionError(this);
            }
            if (this == COMPLETE) {
                assertNull(future.join(), "the caller's value");
                return;
            }
            if (this == CANCEL) {
                assertEquals(SendState.MAY_HAVE_BEEN_SENT, cancellation(future).sendState());
                return;
            }
            CompletionException e = assertThrows(CompletionException.class, future::join);
            assertFalse(future.isCancelled());
            if (this == OR_TIMEOUT) {
                assertInstanceOf(TimeoutException.class, e.getCause(), "orTimeout's own exception");
            } else {
                assertSame(callers, e.getCause(), "the caller's exception");
            }
        }
    }

    @Test
    void aFutureCompletedFromOutsideKeepsItsPlaceUntilItsHttpCallIsCancelledAndEnded() throws Exception {
        for (Completion how : Completion.values()) {
            RecordingListener listener = new RecordingListener();
            CountDownLatch answerFirst = new CountDownLatch(1);
            // The server holds its answer to "first" (until the end of the test), and tells the listener's event list
            // when each request arrives: the events then say in which order the two happened.
            server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    boolean first = request.getBody().clone().readUtf8().contains("first");
                    listener.events.add(first ? "server got first" : "server got second");
                    if (first) {
                        answerFirst.await(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
                    }
                    return Fixtures.ok(Fixtures.SMS_OK);
                }
            });
            // The caller's own dispatcher runs both calls at once: only maxAsyncInFlight can keep "second" back.
            OkHttpClient callers = new OkHttpClient();
            try (Connect8x8Client client = Fixtures.client(server).httpClient(callers).listener(listener)
                    .maxAsyncInFlight(1).maxAsyncQueued(1).build()) {
                CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
                takeRequest();
                CompletableFuture<SmsResult> second = client.sms().sendAsync(sms("second"));
                assertFalse(second.isDone(), how + ": queued behind first");

                how.complete(first);
                assertEquals("u-1", await(second).umid(), how.toString());
                assertTrue(takeRequest().getBody().readUtf8().contains("second"), how.toString());

                // The server never answered "first": its attempt ended (status 0) because the client cancelled its
                // HTTP call, and only then did "second" get the place and reach the server.
                List<String> events = listener.events;
                int firstEnded = events.indexOf("attempt 1 0 written");
                assertTrue(firstEnded >= 0 && firstEnded < events.indexOf("server got second"), how + ": " + events);
                CallListener.Outcome outcome = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
                assertNotNull(outcome, how.toString());
                assertTrue(outcome.cancelled(), how.toString());
                assertNull(outcome.failure(), how.toString());
                assertEquals(SendState.MAY_HAVE_BEEN_SENT, outcome.sendState(), how.toString());
                assertEquals(1, outcome.attempts(), how.toString());
                assertTrue(listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS).succeeded(), how + ": second");
                assertEquals(2, server.getRequestCount(), how + ": nothing retried");
            } finally {
                answerFirst.countDown();
                callers.dispatcher().executorService().shutdown();
            }
            server.shutdown();
            server = Fixtures.startServer();
        }
    }

    @Test
    void aCallWhoseRequestIsHeldBackGivesItsPlaceUpAtOnce() throws Exception {
        // A dispatcher that runs one call at a time, taken by a plain OkHttp call the server never answers.
        Dispatcher one = new Dispatcher();
        one.setMaxRequests(1);
        OkHttpClient callers = new OkHttpClient.Builder().dispatcher(one).build();
        RecordingListener listener = new RecordingListener();
        try (Connect8x8Client client = Fixtures.client(server).httpClient(callers).listener(listener)
                .maxAsyncInFlight(1).maxAsyncQueued(1).build()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            Call blocker = callers.newCall(new Request.Builder().url(server.url("/blocker")).build());
            blocker.enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                }

                @Override
                public void onResponse(Call call, Response response) {
                    response.close();
                }
            });
            takeRequest();
            CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
            CompletableFuture<SmsResult> second = client.sms().sendAsync(sms("second"));
            assertEquals(1, one.queuedCallsCount(), "first waits in OkHttp's queue, second in the client's");

            Completion.COMPLETE.complete(first);
            // First's request can no longer be written: its place went to second at once, which OkHttp now queues
            // beside it, though first's own call has not ended.
            assertEquals(2, one.queuedCallsCount());
            CallListener.Outcome outcome = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(outcome);
            assertTrue(outcome.cancelled());
            assertEquals(SendState.NOT_SENT, outcome.sendState());

            blocker.cancel();
            assertEquals("u-1", await(second).umid());
            assertTrue(takeRequest().getBody().readUtf8().contains("second"), "first was never sent");
            assertEquals(2, server.getRequestCount());
        } finally {
            one.executorService().shutdown();
        }
    }

    @Test
    void aFutureCompletedFromOutsideInTheQueueOrDuringARetryWaitSendsNothingMore() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (Connect8x8Client client = Fixtures.client(server).asyncScheduler(holding).listener(listener)
                .maxAsyncInFlight(1).maxAsyncQueued(2).build()) {
            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
            ScheduledFuture<?> retry = holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(retry, "the first call waits to retry");
            CompletableFuture<SmsResult> queued = client.sms().sendAsync(sms("queued"));
            CompletableFuture<SmsResult> second = client.sms().sendAsync(sms("second"));

            Completion.COMPLETE.complete(queued);
            Completion.COMPLETE_EXCEPTIONALLY.complete(first);
            assertTrue(retry.isCancelled(), "the pending retry is cancelled");
            assertEquals("u-1", await(second).umid(), "the first call's place was handed on");

            CallListener.Outcome left = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(left, "the queued call's end is told");
            assertTrue(left.cancelled());
            assertEquals(SendState.NOT_SENT, left.sendState());
            assertEquals(0, left.attempts());
            CallListener.Outcome stopped = listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(stopped);
            assertTrue(stopped.cancelled());
            assertEquals(SendState.NOT_SENT, stopped.sendState(), "a 503 took nothing");
            assertEquals(503, stopped.httpStatus());
            assertEquals(1, stopped.attempts());
            assertTrue(listener.finished.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS).succeeded());

            takeRequest();
            assertTrue(takeRequest().getBody().readUtf8().contains("second"), "the queued call was never sent");
            assertEquals(2, server.getRequestCount(), "no retry");
        }
    }

    // ---- queueing ------------------------------------------------------------------------------------------------

    @Test
    void callsBeyondTheBoundQueueInOrderUntilTheQueueIsFull() throws Exception {
        try (Connect8x8Client client = Fixtures.client(server).asyncScheduler(holding).maxAsyncInFlight(1)
                .maxAsyncQueued(2).build()) {
            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
            assertNotNull(holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS), "the first call holds the place");
            CompletableFuture<SmsResult> second = client.sms().sendAsync(sms("second"));
            CompletableFuture<?> third = client.chatApps().sendAsync(ChatMessage.builder().to("+6512345678")
                    .text("third").build());
            CompletableFuture<SmsResult> fourth = client.sms().sendAsync(sms("fourth"));

            assertFalse(second.isDone());
            assertFalse(third.isDone());
            InFlightLimitException full = failure(InFlightLimitException.class, fourth);
            assertEquals(1, full.limit());
            assertEquals(2, full.queueCapacity());
            assertEquals(SendState.NOT_SENT, full.sendState());
            assertEquals(0, full.attempts());
            assertEquals(1, server.getRequestCount());

            first.cancel(true);
            assertEquals("u-1", await(second).umid());
            await(third);
            takeRequest();
            assertTrue(takeRequest().getBody().readUtf8().contains("second"));
            assertTrue(takeRequest().getBody().readUtf8().contains("third"));
        }
    }

    @Test
    void aQueuedCallCancelledOrClosedIsNeverSent() throws Exception {
        Connect8x8Client client = Fixtures.client(server).asyncScheduler(holding).maxAsyncInFlight(1)
                .maxAsyncQueued(5).build();
        server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
        CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
        assertNotNull(holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS));
        CompletableFuture<SmsResult> cancelled = client.sms().sendAsync(sms("cancelled"));
        CompletableFuture<SmsResult> closed = client.sms().sendAsync(sms("closed"));

        assertTrue(cancelled.cancel(true));
        SendCancelledException why = cancellation(cancelled);
        assertEquals(SendState.NOT_SENT, why.sendState());
        assertEquals(0, why.attempts());

        client.close();
        ClientClosedException e = failure(ClientClosedException.class, closed);
        assertEquals(SendState.NOT_SENT, e.sendState());
        assertEquals(503, failure(ServerErrorException.class, first).httpStatus());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aBlockingSendWaitingToRetryWhenItsClientClosesSendsNothingMore() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Sleeper untilClosed = wait -> {
            waiting.countDown();
            assertTrue(closed.await(EVENT_TIMEOUT_S, TimeUnit.SECONDS));
        };
        Connect8x8Client client = Fixtures.client(server).sleeper(untilClosed).build();
        server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        CompletableFuture<SmsResult> send = CompletableFuture.supplyAsync(() -> client.sms().send(sms("blocking")));
        assertTrue(waiting.await(EVENT_TIMEOUT_S, TimeUnit.SECONDS), "the send waits to retry");

        client.close();
        closed.countDown();
        ServerErrorException e = failure(ServerErrorException.class, send);
        assertEquals(503, e.httpStatus());
        assertEquals(SendState.NOT_SENT, e.sendState());
        assertEquals(1, e.attempts());
        assertEquals(1, server.getRequestCount(), "no attempt after close");
    }

    @Test
    void aClientClosedBeforeItsFirstRequestStartsNoDispatcherThreadAfterwards() throws Exception {
        Connect8x8Client client = Fixtures.client(server).build();
        Connect8x8Client derived = client.newBuilder().build();
        client.close();
        derived.close();
        // The escape hatch builds the OkHttpClient only now. OkHttp's dispatcher threads are not daemons: one started
        // by an async call here would keep the JVM from exiting for a minute.
        for (Connect8x8Client closed : List.of(client, derived)) {
            assertTrue(dispatcherOf(closed).isShutdown());
            CompletableFuture<Throwable> failed = new CompletableFuture<>();
            closed.generated().sms().sendSmsSingleAsync(Fixtures.SUB_ACCOUNT,
                    new SmsRequest().destination("+6512345678").text("x"),
                    new ApiCallback<>() {
                        @Override
                        public void onFailure(ApiException e, int status, Map<String, List<String>> headers) {
                            failed.complete(e);
                        }

                        @Override
                        public void onSuccess(SmsResponse result, int status, Map<String, List<String>> headers) {
                            failed.complete(null);
                        }

                        @Override
                        public void onUploadProgress(long written, long total, boolean done) {
                        }

                        @Override
                        public void onDownloadProgress(long read, long total, boolean done) {
                        }
                    });
            assertInstanceOf(ApiException.class, await(failed));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void queuedCallsWhoseDeadlinePassedFailWithoutSending() throws Exception {
        MutableClock clock = new MutableClock();
        int queued = 5_000;
        try (Connect8x8Client client = Fixtures.client(server).clock(clock).asyncScheduler(holding)
                .maxAsyncInFlight(1).maxAsyncQueued(queued).callTimeout(Duration.ofSeconds(10)).build()) {
            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "unavailable")));
            CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
            assertNotNull(holding.scheduled.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS));
            List<CompletableFuture<SmsResult>> late = new ArrayList<>();
            for (int i = 0; i < queued; i++) {
                late.add(client.sms().sendAsync(sms("late")));
            }

            clock.advance(Duration.ofSeconds(11));
            // Each late call hands its place to the next as it fails: thousands of them, on one stack.
            first.cancel(true);
            for (CompletableFuture<SmsResult> future : late) {
                CallTimeoutException e = failure(CallTimeoutException.class, future);
                assertEquals(SendState.NOT_SENT, e.sendState());
                assertEquals(0, e.attempts());
            }
            assertEquals(1, server.getRequestCount());
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            assertEquals("u-1", await(client.sms().sendAsync(sms("on time"))).umid(), "the place was handed back");
        }
    }

    @Test
    void theQueueBoundIsValidated() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Connect8x8Client.builder().maxAsyncQueued(-1));
        assertEquals("maxAsyncQueued", e.field());
    }

    /** A clock a test moves forward. */
    private static final class MutableClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Fixtures.NOW.toEpochMilli());

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
