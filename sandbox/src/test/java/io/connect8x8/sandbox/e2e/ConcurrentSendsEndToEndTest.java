package io.connect8x8.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.ApiErrorException;
import io.connect8x8.BatchResult;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.RateLimitException;
import io.connect8x8.RetryPolicy;
import io.connect8x8.ServerErrorException;
import io.connect8x8.TransportException;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One client shared by 32 threads sends 5,000 messages (SMS and chat singles, SMS and chat batches of 50) to the
 * simulator with seeded random faults. What is asserted does not depend on timing: every message ends in exactly one
 * outcome, and the simulator's record shows that none was sent twice and none the client saw as not processed was.
 * The volume is what keeps 32 threads busy on one client at once (over 1,000 calls, about 35 a thread, each with
 * retries and faults), not a load test: 20,000 messages proved nothing more and took four times as long.
 */
class ConcurrentSendsEndToEndTest {

    private static final int THREADS = 32;
    private static final int MESSAGES = 5_000;
    private static final int BATCH = 50;
    private static final int SINGLES_PER_API = 500;
    private static final int BATCHES_PER_API = (MESSAGES - 2 * SINGLES_PER_API) / (2 * BATCH);

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            // Every message is checked against the record, so the window holds them all.
            .configure(sandbox -> sandbox.recordWindow(2 * MESSAGES))
            .configureClient(client -> client.sleeper(duration -> { })
                    .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1)).build()))
            .build();

    /** How one message ended, as the client saw it. */
    enum Kind { ACCEPTED, REJECTED, FAILED }

    /**
     * @param kind the outcome
     * @param umid the umid of an accepted or batch-rejected message
     * @param failure the exception of a rejected (4xx) or failed call
     */
    record Outcome(Kind kind, String umid, Connect8x8Exception failure) {

        /** Whether the client knows the simulator did not process it: 429, 503, or never sent. */
        boolean provablyNotProcessed() {
            return failure instanceof RateLimitException
                    || failure instanceof ServerErrorException e && !e.mayHaveBeenProcessed()
                    || failure instanceof TransportException t && !t.mayHaveReachedServer();
        }
    }

    /** One call: a single send or a batch of consecutive message indexes. */
    record Unit(String api, boolean batch, int first, int count) {
    }

    private final AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(MESSAGES);

    private static String clientId(int index) {
        return "m-" + index;
    }

    /** Mostly ordinary numbers; every 97th the invalid test number, every 499th single the server-error one. */
    private static String number(int index, boolean batch) {
        if (index % 97 == 13) {
            return TestNumbers.INVALID;
        }
        if (!batch && index % 499 == 7) {
            return TestNumbers.SERVER_ERROR;
        }
        return "+6591" + String.format("%06d", index);
    }

    private static List<Unit> plan() {
        List<Unit> units = new ArrayList<>();
        int next = 0;
        for (String api : List.of("sms", "chat")) {
            for (int i = 0; i < SINGLES_PER_API; i++) {
                units.add(new Unit(api, false, next++, 1));
            }
            for (int i = 0; i < BATCHES_PER_API; i++) {
                units.add(new Unit(api, true, next, BATCH));
                next += BATCH;
            }
        }
        assertEquals(MESSAGES, next);
        Collections.shuffle(units, new Random(5_000));
        return units;
    }

    @Test
    void everyMessageEndsInOneOutcomeAndNoneIsSentTwice(Connect8x8Client client, Sandbox sandbox) throws Exception {
        sandbox.faults().seed(88).serverErrors(0.02).unavailable(0.03).connectionResets(0.02).malformedBodies(0.005);
        List<Unit> units = plan();
        AtomicInteger nextUnit = new AtomicInteger();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int sender = 0; sender < THREADS; sender++) {
            pool.execute(() -> {
                try {
                    for (int u = nextUnit.getAndIncrement(); u < units.size(); u = nextUnit.getAndIncrement()) {
                        if (u % 400 == 399) {
                            sandbox.faults().tooManyRequests(4, 1);
                        }
                        send(client, units.get(u));
                    }
                } catch (Throwable t) {
                    broken.compareAndSet(null, t);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(3, TimeUnit.MINUTES), "the senders finished");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (broken.get() != null) {
            throw new AssertionError("a sender thread failed", broken.get());
        }

        List<Outcome> all = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            assertNotNull(outcomes.get(i), () -> "no outcome for a message");
            all.add(outcomes.get(i));
        }
        List<SandboxMessage> record = sandbox.messages();
        System.out.println(summary(all, units.size(), sandbox.requestCount(), millis));
        assertAgainstTheRecord(all, record);
        // The seeded draw's first thousand values hold 500s and resets, whichever request each one meets.
        assertTrue(all.stream().anyMatch(o -> o.failure() instanceof ServerErrorException), "faults were on");
    }

    private void send(Connect8x8Client client, Unit unit) {
        try {
            if (unit.api().equals("sms") && !unit.batch()) {
                SmsResult result = client.sms().send(sms(unit.first(), false));
                settle(unit.first(), result.accepted() ? Kind.ACCEPTED : Kind.REJECTED, result.umid());
            } else if (unit.api().equals("chat") && !unit.batch()) {
                ChatResult result = client.chatApps().send(chat(unit.first(), false));
                settle(unit.first(), result.accepted() ? Kind.ACCEPTED : Kind.REJECTED, result.umid());
            } else if (unit.api().equals("sms")) {
                SmsBatch.Builder batch = SmsBatch.builder().includeMessagesInResponse(true)
                        .clientBatchId("b-" + unit.first());
                range(unit).forEach(i -> batch.addMessage(sms(i, true)));
                BatchResult<SmsResult> result = client.sms().sendBatch(batch.build());
                settleBatch(unit, result.messages().stream()
                        .map(m -> new Item(m.clientMessageId(), m.accepted(), m.umid())).toList());
            } else {
                ChatBatch.Builder batch = ChatBatch.builder().includeMessagesInResponse(true)
                        .clientBatchId("b-" + unit.first());
                range(unit).forEach(i -> batch.addMessage(chat(i, true)));
                BatchResult<ChatResult> result = client.chatApps().sendBatch(batch.build());
                settleBatch(unit, result.messages().stream()
                        .map(m -> new Item(m.clientMessageId(), m.accepted(), m.umid())).toList());
            }
        } catch (ApiErrorException e) {
            boolean rejected = e.httpStatus() >= 400 && e.httpStatus() < 500 && !(e instanceof RateLimitException);
            range(unit).forEach(i -> settle(i, new Outcome(rejected ? Kind.REJECTED : Kind.FAILED, null, e)));
        } catch (Connect8x8Exception e) {
            range(unit).forEach(i -> settle(i, new Outcome(Kind.FAILED, null, e)));
        }
    }

    private record Item(String clientMessageId, boolean accepted, String umid) {
    }

    private void settleBatch(Unit unit, List<Item> items) {
        assertEquals(unit.count(), items.size(), "one result per message of the batch");
        for (Item item : items) {
            int index = Integer.parseInt(item.clientMessageId().substring(2));
            assertTrue(index >= unit.first() && index < unit.first() + unit.count(), item::toString);
            settle(index, item.accepted() ? Kind.ACCEPTED : Kind.REJECTED, item.umid());
        }
    }

    private void settle(int index, Kind kind, String umid) {
        settle(index, new Outcome(kind, umid, null));
    }

    private void settle(int index, Outcome outcome) {
        if (!outcomes.compareAndSet(index, null, outcome)) {
            throw new AssertionError("message " + index + " settled twice: " + outcomes.get(index) + ", " + outcome);
        }
    }

    private static List<Integer> range(Unit unit) {
        List<Integer> indexes = new ArrayList<>(unit.count());
        for (int i = unit.first(); i < unit.first() + unit.count(); i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private static Sms sms(int index, boolean inBatch) {
        return Sms.builder().to(number(index, inBatch)).from("8x8").text("Message " + index)
                .clientMessageId(clientId(index)).build();
    }

    private static ChatMessage chat(int index, boolean inBatch) {
        return ChatMessage.builder().to(number(index, inBatch)).text("Message " + index)
                .clientMessageId(clientId(index)).build();
    }

    private static void assertAgainstTheRecord(List<Outcome> all, List<SandboxMessage> record) {
        Map<String, List<SandboxMessage>> acceptedById = record.stream().filter(SandboxMessage::accepted)
                .collect(Collectors.groupingBy(SandboxMessage::clientMessageId));
        Map<String, SandboxMessage> byUmid = new HashMap<>();
        record.forEach(message -> byUmid.put(message.umid(), message));

        acceptedById.forEach((id, copies) -> assertEquals(1, copies.size(), () -> id + " accepted twice"));
        for (int i = 0; i < all.size(); i++) {
            Outcome outcome = all.get(i);
            String id = clientId(i);
            int inRecord = acceptedById.getOrDefault(id, List.of()).size();
            if (outcome.kind() == Kind.ACCEPTED) {
                SandboxMessage recorded = byUmid.get(outcome.umid());
                assertNotNull(recorded, () -> id + ": accepted umid not in the record");
                assertEquals(id, recorded.clientMessageId());
                assertTrue(recorded.accepted());
            } else if (outcome.failure() != null && outcome.provablyNotProcessed()) {
                assertEquals(0, inRecord, () -> id + " failed as not processed (" + outcome.failure()
                        + ") but the simulator accepted it");
            } else if (outcome.kind() == Kind.REJECTED) {
                assertEquals(0, inRecord, () -> id + " rejected but the simulator accepted it");
            }
        }
    }

    private static String summary(List<Outcome> all, int calls, long requests, long millis) {
        Map<Kind, Long> kinds = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Outcome::kind,
                Collectors.counting())));
        Map<String, Long> failures = new TreeMap<>(all.stream().filter(o -> o.failure() != null)
                .collect(Collectors.groupingBy(ConcurrentSendsEndToEndTest::failureName, Collectors.counting())));
        return "concurrency: " + all.size() + " messages in " + calls + " calls (" + requests + " requests) on "
                + THREADS + " threads in " + millis + " ms: " + kinds + " by exception " + failures;
    }

    private static String failureName(Outcome outcome) {
        Connect8x8Exception e = outcome.failure();
        String name = e.getClass().getSimpleName();
        if (e instanceof ApiErrorException api) {
            name += " " + api.httpStatus();
        }
        if (e instanceof TransportException t) {
            name += t.mayHaveReachedServer() ? " (may have reached)" : " (not sent)";
        }
        return name;
    }
}
