package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The framework-neutral {@link ReceiptReceiver#handle} without HTTP. */
class ReceiptReceiverTest {

    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ReceiptReceiver.Response post(ReceiptReceiver receiver, String body) {
        return receiver.handle("POST", null, stream(body), -1);
    }

    @Test
    void stopsReadingWhenContentLengthUnderstatesTheBody() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().maxBodyBytes(100).build();
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                assertTrue(served <= 101, "read past maxBodyBytes + 1");
                return ' ';
            }
        };

        assertEquals(413, receiver.handle("POST", null, endless, 10).status());
    }

    @Test
    void anUndeclaredBodyWithinTheLimitIsReadWhenInFlightEqualsTheLimit() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().maxBodyBytes(10_000)
                .maxInFlightBytes(10_000).onReceipt(receipts::add).build();
        String receipt = """
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-9000", "status": {"state": "delivered"}}}""";
        String body = receipt + " ".repeat(9_000 - receipt.length());

        // -1: chunked, read in 8 KiB steps, the second of 808 bytes.
        assertEquals(new ReceiptReceiver.Response(200, "accepted"), receiver.handle("POST", null, stream(body), -1));
        assertEquals(1, receipts.size());
    }

    @Test
    void rejectsDeclaredOversizeBeforeReading() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().maxBodyBytes(100).build();
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("body was read");
            }
        };

        assertEquals(413, receiver.handle("POST", null, untouchable, 101).status());
    }

    @Test
    void checksAuthorizationBeforeReadingBody() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().expectedAuthorization("Basic abc").build();
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("body was read");
            }
        };

        assertEquals(401, receiver.handle("POST", "Basic abd", untouchable, -1).status());
        assertEquals(405, receiver.handle("PUT", "Basic abc", untouchable, -1).status());
    }

    @Test
    void datesReceiptWithoutTimestampByClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-05-05T09:00:00Z"), ZoneOffset.UTC);
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().clock(clock).onReceipt(receipts::add).build();

        post(receiver, """
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-1", "status": {"state": "queued"}}}
                """);
        post(receiver, """
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-1", "status": {"state": "sent", "timestamp": "2025-05-05T08:59:59Z"}}}
                """);

        assertEquals(2, receipts.size());
        assertEquals("queued", receiver.latestState("u-1").orElseThrow().state());
    }

    @Test
    void laterArrivalWinsATimestampTie() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().build();

        post(receiver, WebhookSamples.chatAppsReceipt("u-1", "delivered", null, "2025-05-05T09:00:00Z"));
        post(receiver, WebhookSamples.chatAppsReceipt("u-1", "read", null, "2025-05-05T09:00:00Z"));

        assertEquals("read", receiver.latestState("u-1").orElseThrow().state());
    }

    @Test
    void forgetsLeastRecentlyUpdatedMessagesBeyondTheBound() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().maxTrackedMessages(2).onReceipt(receipts::add).build();

        for (String umid : List.of("u-1", "u-2", "u-3")) {
            post(receiver, WebhookSamples.chatAppsReceipt(umid, "sent", null, "2025-05-05T09:00:00Z"));
        }

        assertTrue(receiver.latestState("u-1").isEmpty());
        assertEquals(List.of("u-2", "u-3"), receiver.receipts().stream().map(DeliveryReceipt::umid).toList());
        assertEquals("accepted",
                post(receiver, WebhookSamples.chatAppsReceipt("u-1", "sent", null, "2025-05-05T09:00:00Z")).body(),
                "a forgotten message's duplicate counts as new");
    }

    @Test
    void receiptsSnapshotDoesNotChangeAfterwards() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().build();
        post(receiver, WebhookSamples.chatAppsReceipt("u-1", "sent", null, "2025-05-05T09:00:00Z"));

        List<DeliveryReceipt> snapshot = receiver.receipts();
        post(receiver, WebhookSamples.chatAppsReceipt("u-2", "sent", null, "2025-05-05T09:00:00Z"));

        assertEquals(1, snapshot.size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(null));
    }

    @Test
    void callsListenerOnceWhenDuplicatesArriveConcurrently() throws Exception {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().onReceipt(receipts::add).build();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ReceiptReceiver.Response>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(receiver, WebhookSamples.SMS_RECEIPT);
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<ReceiptReceiver.Response> answer : answers) {
                bodies.add(answer.get(10, TimeUnit.SECONDS).body());
            }
            assertEquals(1, bodies.stream().filter("accepted"::equals).count(), bodies.toString());
            assertEquals(1, receipts.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builderRejectsNonsense() {
        ReceiptReceiver.Builder builder = ReceiptReceiver.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.maxBodyBytes(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxTrackedMessages(0));
        assertThrows(IllegalArgumentException.class, () -> builder.expectedAuthorization(" "));
        NullPointerException e = assertThrows(NullPointerException.class, () -> builder.onReceipt(null));
        assertEquals("listener", e.getMessage());
    }
}
