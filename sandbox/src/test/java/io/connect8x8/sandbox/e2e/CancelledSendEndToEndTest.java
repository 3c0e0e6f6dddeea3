package io.connect8x8.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.SendCancelledException;
import io.connect8x8.SendState;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 5, against the simulator: a send cancelled after its request was written says it may have been
 * sent, and the simulator indeed records it (its receipt arrives); a send cancelled while queued says it was not
 * sent, and the simulator never sees it. No sleeps: the test waits for the request's last byte to be flushed, for
 * futures and for receipts.
 */
class CancelledSendEndToEndTest {

    private static final long WAIT_S = 30;

    private WebhookServer webhook;
    private Sandbox sandbox;
    /** Counted down when a request's body has been written and flushed to the simulator. */
    private final CountDownLatch written = new CountDownLatch(1);
    private OkHttpClient signalling;

    @BeforeEach
    void start() {
        webhook = new WebhookServer();
        sandbox = Sandbox.builder().receiptTimeFactor(0.001).build().start();
        signalling = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            Request request = chain.request();
            if (request.body() == null) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().method(request.method(), signalled(request.body())).build());
        }).build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        webhook.close();
        signalling.dispatcher().executorService().shutdown();
    }

    private RequestBody signalled(RequestBody body) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return body.contentType();
            }

            @Override
            public long contentLength() throws IOException {
                return body.contentLength();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                body.writeTo(sink);
                sink.flush();
                written.countDown();
            }
        };
    }

    private Connect8x8Client.Builder client() {
        return Connect8x8Client.builder().apiKey(sandbox.apiKey()).subAccountId("acme-cancel")
                .smsBaseUrl(sandbox.smsBaseUrl()).chatAppsBaseUrl(sandbox.chatAppsBaseUrl()).httpClient(signalling);
    }

    private Sms sms(String id) {
        return Sms.builder().to("+6591234567").text("Hi").clientMessageId(id).dlrCallbackUrl(webhook.url()).build();
    }

    private static SendCancelledException cancellation(CompletableFuture<?> future) {
        CancellationException e = assertThrows(CancellationException.class, future::join);
        return assertInstanceOf(SendCancelledException.class, e.getCause());
    }

    @Test
    void aSendCancelledAfterItsRequestWasWrittenMayHaveBeenSentAndTheSimulatorRecordsIt() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(500));
        try (Connect8x8Client client = client().build()) {
            CompletableFuture<SmsResult> future = client.sms().sendAsync(sms("cancelled-written"));
            assertTrue(written.await(WAIT_S, TimeUnit.SECONDS), "the request was not written");
            assertTrue(future.cancel(true));

            assertEquals(SendState.MAY_HAVE_BEEN_SENT, cancellation(future).sendState());
            assertTrue(sandbox.awaitReceipts(1, Duration.ofSeconds(WAIT_S)), "the simulator processed it");
            SandboxMessage recorded = sandbox.messages().get(0);
            assertEquals("cancelled-written", recorded.clientMessageId());
            assertTrue(recorded.accepted());
        }
    }

    @Test
    void aSendCancelledWhileQueuedWasNotSentAndTheSimulatorNeverSeesIt() throws Exception {
        try (Connect8x8Client client = client().maxAsyncInFlight(1).maxAsyncQueued(2).build()) {
            sandbox.faults().latency(Duration.ofMillis(300));
            CompletableFuture<SmsResult> first = client.sms().sendAsync(sms("first"));
            assertTrue(written.await(WAIT_S, TimeUnit.SECONDS));
            CompletableFuture<SmsResult> queued = client.sms().sendAsync(sms("cancelled-queued"));
            CompletableFuture<SmsResult> last = client.sms().sendAsync(sms("last"));
            assertTrue(queued.cancel(true));

            SendCancelledException why = cancellation(queued);
            assertEquals(SendState.NOT_SENT, why.sendState());
            assertEquals(0, why.attempts());
            assertTrue(first.get(WAIT_S, TimeUnit.SECONDS).accepted());
            // One call at a time, in order: "last" completes only after anything queued before it.
            assertTrue(last.get(WAIT_S, TimeUnit.SECONDS).accepted());
            assertEquals(2, sandbox.requestCount());
            assertEquals(List.of("first", "last"),
                    sandbox.messages().stream().map(SandboxMessage::clientMessageId).toList());
        }
    }
}
