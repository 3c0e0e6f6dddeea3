package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try")
class FaultsAndAdminTest {

    private static final String VALID = json("{'destination':'6591234567','text':'x'}");

    private static Http.Reply send(Sandbox sandbox) {
        return Http.post(sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme/messages", sandbox.apiKey(), VALID);
    }

    @Test
    void serverErrorAndUnavailableShares() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            sandbox.faults().serverErrors(1.0);
            Http.Reply error = send(sandbox);
            sandbox.faults().clear().unavailable(1.0);
            Http.Reply unavailable = send(sandbox);

            assertEquals(500, error.status());
            assertEquals(2000, error.code());
            assertEquals(503, unavailable.status());
            assertTrue(sandbox.messages().isEmpty());
        }
    }

    @Test
    void sharesAreRepeatableForTheSameSeed() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            List<Integer> first = statuses(sandbox, 42);
            List<Integer> second = statuses(sandbox, 42);

            assertEquals(first, second);
            assertTrue(first.contains(200) && first.contains(500), first.toString());
        }
    }

    private static List<Integer> statuses(Sandbox sandbox, long seed) {
        sandbox.faults().clear().seed(seed).serverErrors(0.5);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(send(sandbox).status());
        }
        return statuses;
    }

    @Test
    void burstOf429CarriesRetryAfterThenPasses() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            sandbox.faults().tooManyRequests(2, 7);

            Http.Reply first = send(sandbox);
            Http.Reply second = send(sandbox);
            Http.Reply third = send(sandbox);

            assertEquals(429, first.status());
            assertEquals("7", first.retryAfter());
            assertEquals("Quota exceeded. Please try again in 7 second(s).", first.json().get("message").asText());
            assertEquals(429, second.status());
            assertEquals(200, third.status());
        }
    }

    @Test
    void connectionResetGivesTheClientNoResponse() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            sandbox.faults().connectionResets(1.0);

            assertThrows(UncheckedIOException.class, () -> send(sandbox));
        }
    }

    @Test
    void malformedBodyIs200WithTruncatedJsonAndTheMessageIsRecorded() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            sandbox.faults().malformedBodies(1.0);

            Http.Reply reply = send(sandbox);

            assertEquals(200, reply.status());
            assertThrows(UncheckedIOException.class, reply::json);
            assertEquals(1, sandbox.messages().size());
        }
    }

    @Test
    void latencyDelaysTheResponse() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            sandbox.faults().latency(Duration.ofMillis(150));
            long start = System.nanoTime();

            assertEquals(200, send(sandbox).status());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos());
        }
    }

    /**
     * A test that times a call out leaves its request waiting in the simulator; the reset before the next test must
     * end that wait and keep the request out of the next test's record (cli's SimulatorCommandsTest once saw it).
     */
    @Test
    void aResetEndsTheLatencyOfARequestInFlightAndKeepsItOutOfTheRecord() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            CompletableFuture<Http.Reply> inFlight = sendIntoALongLatency(sandbox);

            sandbox.reset();

            Http.Reply reply = inFlight.get(1, TimeUnit.MINUTES);
            assertEquals(503, reply.status());
            assertEquals(2000, reply.json().get("code").asInt());
            assertEquals(List.of(), sandbox.messages());
            assertEquals(0, sandbox.requestCount());
        }
    }

    /**
     * Closing the simulator interrupts a request waiting in a latency fault; its thread answers on an event loop that
     * is shutting down, and must end quietly (an uncaught exception printed its stack trace into the caller's test
     * output). A few rounds: whether the loop has already ended when the thread answers is a race.
     */
    @Test
    void closingWithARequestWaitingInLatencyEndsItsThreadWithoutAnUncaughtException() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            for (int round = 0; round < 5; round++) {
                Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
                Sandbox sandbox = Sandbox.builder().build().start();
                CompletableFuture<Http.Reply> inFlight = sendIntoALongLatency(sandbox);
                List<Thread> requestThreads = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> !before.contains(thread) && thread.getName().startsWith("sandbox-request-"))
                        .toList();

                sandbox.close();
                for (Thread thread : requestThreads) {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                    assertFalse(thread.isAlive(), thread.getName());
                }
                inFlight.handle((reply, failure) -> null).get(1, TimeUnit.MINUTES);
            }
            assertEquals(List.of(), uncaught);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void adminEndpointsListMessagesSetFaultsAndReset() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            send(sandbox);
            JsonNode listed = Http.get(sandbox.rootUrl() + "/__admin/messages?to=%2B6591234567").json();
            assertEquals(1, listed.get("requestCount").asInt());
            assertEquals("SMS", listed.at("/messages/0/api").asText());
            assertEquals("6591234567", listed.at("/messages/0/request/destination").asText());
            assertTrue(listed.at("/messages/0/accepted").asBoolean());
            assertEquals(0, Http.get(sandbox.rootUrl() + "/__admin/messages?to=%2B6591234568").json()
                    .get("messages").size());
            Http.Reply broken = Http.get(sandbox.rootUrl() + "/__admin/messages?to=%2B65912%");
            assertEquals(400, broken.status(), broken.text());
            assertEquals("Invalid query string: a broken percent escape", broken.json().get("message").asText());

            Http.Reply faults = Http.send(new Request.Builder().url(sandbox.rootUrl() + "/__admin/faults")
                    .post(RequestBody.create(json("{'serverErrorRate':1.0,'tooManyRequests':{'count':1,"
                            + "'retryAfterSeconds':3}}"), MediaType.get("application/json"))), null);
            assertEquals(1.0, faults.json().get("serverErrorRate").asDouble());
            assertEquals("3", send(sandbox).retryAfter());
            assertEquals(500, send(sandbox).status());

            Http.Reply reset = Http.send(new Request.Builder().url(sandbox.rootUrl() + "/__admin/reset")
                    .post(RequestBody.create("", null)), null);
            assertEquals(200, reset.status());
            assertEquals(200, send(sandbox).status());
            assertEquals(1, sandbox.requestCount());
            assertEquals(1, sandbox.messages().size());
        }
    }

    @Test
    void adminRejectsBadFaultsWith400() {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            Http.Reply reply = Http.send(new Request.Builder().url(sandbox.rootUrl() + "/__admin/faults")
                    .post(RequestBody.create(json("{'serverErrorRate':2}"), MediaType.get("application/json"))), null);

            assertEquals(400, reply.status());
        }
    }

    /** Sends one request into a five-minute latency fault and returns once the simulator holds it. */
    private static CompletableFuture<Http.Reply> sendIntoALongLatency(Sandbox sandbox) {
        sandbox.faults().latency(Duration.ofMinutes(5));
        CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() -> send(sandbox));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sandbox.requestCount() == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertEquals(1, sandbox.requestCount());
        return inFlight;
    }
}
