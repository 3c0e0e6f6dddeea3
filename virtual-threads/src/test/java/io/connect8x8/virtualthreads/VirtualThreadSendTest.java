package io.connect8x8.virtualthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The blocking API from Java 21 virtual threads, as a Spring Boot 4 application with virtual threads enabled calls
 * it: 10,000 virtual threads, one send each, through one client, against the simulator. Every message is accepted
 * once, and JFR records no {@code jdk.VirtualThreadPinned} event (a virtual thread that blocked while holding its
 * carrier thread, at any duration), so no send stalls a carrier.
 *
 * <p>All 10,000 threads start at once and each waits on a {@link Semaphore} of {@value #IN_FLIGHT} permits before it
 * sends, as an application bounds its calls to 8x8 (rate limits): without it 10,000 connections open at once and the
 * simulator's JDK HTTP server (at most 1,024 threads, a backlog of 256) drops some. Waiting on the semaphore parks a
 * virtual thread too, so the pinning check covers it.
 *
 * <p>A first round of {@value #WARM_UP} sends, before the recording starts, loads the classes of the send path: the
 * JDK's class loader holds its carrier while it loads a class (a JDK limitation that ends once the classes are
 * loaded, not a lock of the library's), and the check is about every send after that.
 */
class VirtualThreadSendTest {

    private static final int MESSAGES = 10_000;
    private static final int IN_FLIGHT = 64;
    private static final int WARM_UP = 100;

    /** Singapore mobile numbers, one per message: +6591000000 to +6591009999. */
    private static String recipient(int i) {
        return "+659" + (1_000_000 + i);
    }

    @Test
    void tenThousandVirtualThreadsSendThroughOneClient() throws Exception {
        List<String> pinned = new CopyOnWriteArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().recordWindow(MESSAGES + WARM_UP).build().start();
             Connect8x8Client client = Connect8x8Client.builder().apiKey(sandbox.apiKey())
                     .smsBaseUrl(sandbox.smsBaseUrl()).chatAppsBaseUrl(sandbox.chatAppsBaseUrl())
                     .subAccountId("vthreads").build();
             RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.onEvent("jdk.VirtualThreadPinned", event -> pinned.add(describe(event)));
            sendAll(client, MESSAGES, MESSAGES + WARM_UP);
            recording.startAsync();
            List<Future<SmsResult>> sends = sendAll(client, 0, MESSAGES);
            recording.stop();

            Set<String> umids = new HashSet<>();
            for (Future<SmsResult> send : sends) {
                SmsResult result = send.get();
                assertTrue(result.accepted(), result::toString);
                umids.add(result.umid());
            }
            assertEquals(MESSAGES, umids.size(), "one distinct umid per message");
            assertEquals(MESSAGES + WARM_UP, sandbox.acceptedMessages());
            assertEquals(MESSAGES + WARM_UP, sandbox.messages().stream().map(m -> m.request()).distinct().count());
            assertEquals(1, sandbox.messagesTo(recipient(MESSAGES - 1)).size());
            assertEquals(List.of(), pinned, "virtual threads pinned to their carrier");
        }
    }

    /** Sends to recipients {@code from} (inclusive) to {@code to} (exclusive), one virtual thread each, all ended. */
    private static List<Future<SmsResult>> sendAll(Connect8x8Client client, int from, int to) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Future<SmsResult>> sends = new ArrayList<>(to - from);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = from; i < to; i++) {
                String recipient = recipient(i);
                sends.add(threads.submit(() -> {
                    inFlight.acquire();
                    try {
                        return client.sms().send(Sms.builder().to(recipient).from("8x8").text("Message to " + recipient)
                                .build());
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        return sends;
    }

    private static String describe(RecordedEvent event) {
        return event.getDuration() + " " + (event.getStackTrace() == null ? "" : event.getStackTrace().getFrames()
                .stream().limit(40).map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                .toList());
    }
}
