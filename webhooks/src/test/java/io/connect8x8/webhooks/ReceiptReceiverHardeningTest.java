package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** What the receiver does on the open internet: authentication by default, bytes bounded, no exception escaping. */
class ReceiptReceiverHardeningTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String receipt(String umid, String detail, String errorMessage) {
        return "{\"namespace\":\"SMS\",\"eventType\":\"outbound_message_status_changed\",\"payload\":{\"umid\":\""
                + umid + "\",\"status\":{\"state\":\"undelivered\",\"detail\":\"" + detail
                + "\",\"errorMessage\":\"" + errorMessage + "\"}}}";
    }

    @Test
    void refusesToBuildWithoutAnAuthorizationChoice() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReceiptReceiver.builder().build());
        assertTrue(e.getMessage().contains("withoutAuthorization()"), e.getMessage());
    }

    @Test
    void refusesAnInFlightBoundBelowTheBodyLimit() {
        ReceiptReceiver.Builder builder = ReceiptReceiver.builder().withoutAuthorization().maxBodyBytes(2048)
                .maxInFlightBytes(1024);
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("maxInFlightBytes (1024) must be at least maxBodyBytes (2048), or a body of the largest size "
                + "could never be read", e.getMessage());
    }

    @Test
    void checksAuthorizationOnceExpected() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().expectedAuthorization("Bearer s3cret").build();

        assertEquals(401, receiver.handle("POST", null, stream(WebhookSamples.SMS_RECEIPT), -1).status());
        assertEquals(401, receiver.handle("POST", "Bearer s3cre", stream(WebhookSamples.SMS_RECEIPT), -1).status());
        assertEquals(200, receiver.handle("POST", "Bearer s3cret", stream(WebhookSamples.SMS_RECEIPT), -1).status());
    }

    @Test
    void aFailingBodyStreamAnswers400InsteadOfThrowing() {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().build();
        for (RuntimeException failure : List.of(new UncheckedIOException(new IOException("reset")),
                new IllegalStateException("container closed the stream"))) {
            InputStream failing = new InputStream() {
                @Override
                public int read() {
                    throw failure;
                }
            };
            assertEquals(new ReceiptReceiver.Response(400, "unreadable body"),
                    receiver.handle("POST", null, failing, -1));
        }
    }

    @Test
    void aFailingLedgerAnswers503SoThat8x8Retries() {
        ReceiptLedger down = new ReceiptLedger() {
            @Override
            public Outcome record(DeliveryReceipt receipt, Instant statusTime) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public boolean recordInbound(String umid) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public Optional<DeliveryReceipt> latest(String umid) {
                return Optional.empty();
            }

            @Override
            public List<DeliveryReceipt> latestAll() {
                return List.of();
            }
        };
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().ledger(down).build();

        assertEquals(503, receiver.handle("POST", null, stream(WebhookSamples.SMS_RECEIPT), -1).status());
        assertEquals(503, receiver.handle("POST", null, stream(WebhookSamples.SMS_INBOUND), -1).status());
    }

    @Test
    void ledgerMemoryIsBoundedInBytesWhateverTheMessageCount() {
        InMemoryReceiptLedger ledger = new InMemoryReceiptLedger(100_000, 4L << 20);
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().ledger(ledger).build();
        String large = "x".repeat(300 * 1024);

        for (int i = 0; i < 40; i++) {
            String body = receipt("umid-" + i, "rejected_by_operator", large);
            assertEquals(200, receiver.handle("POST", null, stream(body), -1).status());
        }

        assertTrue(ledger.bytes() <= 4L << 20, "bytes " + ledger.bytes());
        List<DeliveryReceipt> kept = receiver.receipts();
        assertTrue(kept.size() >= 5 && kept.size() < 8, "kept " + kept.size());
        assertEquals("umid-39", kept.get(kept.size() - 1).umid(), "the most recent are kept");
    }

    @Test
    void statesSeenPerMessageAreBounded() {
        InMemoryReceiptLedger ledger = new InMemoryReceiptLedger(1, Long.MAX_VALUE);
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().ledger(ledger).build();

        for (int i = 0; i < 100; i++) {
            receiver.handle("POST", null, stream(receipt("umid-0", String.format("detail-%03d", i), "e")), -1);
        }
        long afterHundred = ledger.bytes();
        for (int i = 100; i < 200; i++) {
            receiver.handle("POST", null, stream(receipt("umid-0", String.format("detail-%03d", i), "e")), -1);
        }

        assertEquals(afterHundred, ledger.bytes(), "16 states kept per message, however many arrive");
        assertEquals("accepted", receiver.handle("POST", null, stream(receipt("umid-0", "detail-000", "e")), -1)
                .body(), "a state forgotten beyond the bound counts as new");
        assertEquals("duplicate", receiver.handle("POST", null, stream(receipt("umid-0", "detail-199", "e")), -1)
                .body());
    }

    @Test
    void bytesInFlightAreBoundedAcrossConcurrentRequests() throws Exception {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().maxBodyBytes(15_000)
                .maxInFlightBytes(20_000).build();
        byte[] first = WebhookSamples.SMS_RECEIPT.getBytes(StandardCharsets.UTF_8);
        CountDownLatch halfRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream stalled = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == 10) {
                    halfRead.countDown();
                    await(release);
                }
                return served < first.length ? first[served++] : -1;
            }
        };
        CompletableFuture<ReceiptReceiver.Response> slow = CompletableFuture.supplyAsync(
                () -> receiver.handle("POST", null, stalled, 15_000));
        assertTrue(halfRead.await(30, TimeUnit.SECONDS));

        assertEquals(503, receiver.handle("POST", null, stream(WebhookSamples.SMS_INBOUND), 10_000).status(),
                "15,000 + 10,000 bytes declared exceed the 20,000 in flight");
        release.countDown();
        assertEquals(200, slow.get(30, TimeUnit.SECONDS).status());
        assertEquals(200, receiver.handle("POST", null, stream(WebhookSamples.SMS_INBOUND), 10_000).status(),
                "the budget is given back when a request ends");
    }

    @Test
    void oneSlowSenderDoesNotHoldUpOthersOnTheDefaultExecutor() throws Exception {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().build();
        try (LoopbackReceiver loopback = LoopbackReceiver.start(receiver);
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), loopback.url().port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /8x8/receipts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"namespace\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            try (Response response = HTTP.newCall(new Request.Builder().url(loopback.url())
                    .post(RequestBody.create(WebhookSamples.SMS_RECEIPT, MediaType.get("application/json")))
                    .build()).execute()) {
                assertEquals(200, response.code());
                assertEquals("accepted", response.body().string());
            }
        }
    }

    @Test
    void answers503AtOnceWhenEveryHandlerThreadIsBusy() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
        CountDownLatch firstRunning = new CountDownLatch(1);
        Executor signalling = task -> pool.execute(() -> {
            firstRunning.countDown();
            task.run();
        });
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().handlerExecutor(signalling)
                .build();
        try (LoopbackReceiver loopback = LoopbackReceiver.start(receiver);
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), loopback.url().port())) {
            slow.getOutputStream().write(("POST /8x8/receipts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            assertTrue(firstRunning.await(30, TimeUnit.SECONDS));

            try (Response response = HTTP.newCall(new Request.Builder().url(loopback.url())
                    .post(RequestBody.create(WebhookSamples.SMS_RECEIPT, MediaType.get("application/json")))
                    .build()).execute()) {
                assertEquals(503, response.code());
                assertEquals("1", response.header("Retry-After"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IOException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
