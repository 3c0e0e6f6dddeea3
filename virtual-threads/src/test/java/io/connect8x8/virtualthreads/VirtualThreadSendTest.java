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
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The blocking API from Java 21 virtual threads, as a Spring Boot 4 application with virtual threads enabled calls
 * it: 10,000 virtual threads, one send each, through one client, against the simulator. Every message is accepted
 * once, and JFR records no {@code jdk.VirtualThreadPinned} event (a virtual thread that blocked while holding its
 * carrier thread, at any duration), so no send stalls a carrier.
 */
class VirtualThreadSendTest {

    private static final int MESSAGES = 10_000;

    /** Singapore mobile numbers, one per message: +6591000000 to +6591009999. */
    private static String recipient(int i) {
        return "+659" + (1_000_000 + i);
    }

    @Test
    void tenThousandVirtualThreadsSendThroughOneClient() throws Exception {
        List<String> pinned = new CopyOnWriteArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().recordWindow(MESSAGES + 1).build().start();
             Connect8x8Client client = Connect8x8Client.builder().apiKey(sandbox.apiKey())
                     .smsBaseUrl(sandbox.smsBaseUrl()).chatAppsBaseUrl(sandbox.chatAppsBaseUrl())
                     .subAccountId("vthreads").build();
             RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.onEvent("jdk.VirtualThreadPinned", event -> pinned.add(describe(event)));
            recording.startAsync();

            List<Future<SmsResult>> sends = new ArrayList<>(MESSAGES);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < MESSAGES; i++) {
                    String to = recipient(i);
                    sends.add(threads.submit(() -> client.sms().send(
                            Sms.builder().to(to).from("8x8").text("Message to " + to).build())));
                }
            }
            recording.stop();

            Set<String> umids = new HashSet<>();
            for (Future<SmsResult> send : sends) {
                SmsResult result = send.get();
                assertTrue(result.accepted(), result::toString);
                umids.add(result.umid());
            }
            assertEquals(MESSAGES, umids.size(), "one distinct umid per message");
            assertEquals(MESSAGES, sandbox.acceptedMessages());
            assertEquals(MESSAGES, sandbox.messages().stream().map(m -> m.request()).distinct().count());
            assertEquals(1, sandbox.messagesTo(recipient(MESSAGES - 1)).size());
            assertEquals(List.of(), pinned, "virtual threads pinned to their carrier");
        }
    }

    private static String describe(RecordedEvent event) {
        return event.getDuration() + " " + (event.getStackTrace() == null ? "" : event.getStackTrace().getFrames()
                .stream().limit(12).map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                .toList());
    }
}
