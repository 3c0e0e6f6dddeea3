package io.connect8x8.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.BadRequestException;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.ServerErrorException;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.WebhookEvent;
import io.connect8x8.webhooks.WebhookParser;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 2: what a client with {@link Connect8x8Observability} as its listener records, against
 * MockWebServer on loopback. Meters are read from a {@link SimpleMeterRegistry} on a {@link MockClock}; waits run
 * on a scheduler that never sleeps.
 */
class Connect8x8ObservabilityTest {

    private static final String KEY = "sk-test-Secret-7f3a9c";
    private static final String PHONE = "+6512345678";
    private static final String TEXT = "Your code is 481516";
    private static final String SMS_OK = "{\"umid\":\"u-1\",\"clientMessageId\":null,\"destination\":\"6512345678\","
            + "\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"queued\"}}";
    private static final String CHAT_OK = "{\"umid\":\"c-1\",\"user\":{\"msisdn\":\"+6512345678\"},"
            + "\"clientMessageId\":null,\"status\":{\"state\":\"queued\",\"timestamp\":\"2026-03-01T10:00:00Z\"}}";
    private static final String SMS_BATCH = "{\"batchId\":\"b-1\",\"clientBatchId\":null,\"acceptedCount\":2,"
            + "\"rejectedCount\":1}";

    private MockWebServer server;
    private MockClock clock;
    private SimpleMeterRegistry meters;
    private ObservationRegistry observations;
    private ScheduledThreadPoolExecutor scheduler;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        clock = new MockClock();
        meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        scheduler = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                return super.schedule(command, 0, unit);
            }
        };
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        server.shutdown();
    }

    private Connect8x8Client client(Connect8x8Observability listener) {
        String url = server.url("/").toString();
        return Connect8x8Client.builder().apiKey(KEY).subAccountId("acme").smsBaseUrl(url).chatAppsBaseUrl(url)
                .listener(listener).sleeper(duration -> { }).jitter(() -> 0.5).asyncScheduler(scheduler).build();
    }

    private Connect8x8Observability observability() {
        return Connect8x8Observability.builder().observationRegistry(observations).meterRegistry(meters).build();
    }

    private static Sms sms() {
        return Sms.builder().to(PHONE).text(TEXT).build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    private static MockResponse error(int status) {
        return json(status, "{\"code\":" + (status == 429 ? 429 : 2000) + ",\"message\":\"failure\",\"errorId\":"
                + "\"8b7e2a10-3c4d-4e5f-9a0b-1c2d3e4f5a6b\",\"timestamp\":\"2026-03-01T10:00:00Z\"}");
    }

    private Timer callTimer(String api, String operation, String outcome, String status, String error) {
        return meters.get(Connect8x8Observability.CALLS).tags("api", api, "operation", operation, "outcome", outcome,
                "http.status", status, "error", error).timer();
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void aSyncSendAfterA429IsOneTimedCallWithItsRetryAndWaitCounted() {
        server.enqueue(error(429).setHeader("Retry-After", "1"));
        server.enqueue(json(200, SMS_OK));

        try (Connect8x8Client client = client(observability())) {
            client.sms().send(sms());
        }

        assertEquals(1, callTimer("sms", "send", "success", "200", "none").count());
        assertEquals(1, counter(Connect8x8Observability.RETRIES, "api", "sms", "operation", "send",
                "reason", "rate_limited"));
        assertEquals(1, counter(Connect8x8Observability.RATE_LIMIT_WAITS, "api", "sms", "operation", "send"));
        Timer waits = meters.get(Connect8x8Observability.RETRY_WAITS).tags("reason", "rate_limited").timer();
        assertEquals(1, waits.count());
        assertEquals(1000, waits.totalTime(TimeUnit.MILLISECONDS));
    }

    @Test
    void asyncFailuresAreTaggedWithTheirOutcomeStatusAndError() throws Exception {
        server.enqueue(error(400));
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(503));
        }

        try (Connect8x8Client client = client(observability())) {
            ExecutionException rejected = assertThrows(ExecutionException.class,
                    () -> client.sms().sendAsync(sms()).get(30, TimeUnit.SECONDS));
            assertInstanceOf(BadRequestException.class, rejected.getCause());
            ExecutionException unavailable = assertThrows(ExecutionException.class,
                    () -> client.chatApps().sendAsync(ChatMessage.builder().to(PHONE).text(TEXT).build())
                            .get(30, TimeUnit.SECONDS));
            assertInstanceOf(ServerErrorException.class, unavailable.getCause());
        }

        assertEquals(1, callTimer("sms", "send", "rejected", "400", "BadRequestException").count());
        assertEquals(1, callTimer("chatapps", "send", "not_sent", "503", "ServerErrorException").count());
        assertEquals(2, counter(Connect8x8Observability.RETRIES, "api", "chatapps", "reason", "unavailable"));
        assertNull(meters.find(Connect8x8Observability.RATE_LIMIT_WAITS).counter());
    }

    @Test
    void aCancelledAsyncCallIsTimedWithItsErrorTagAsTheMeterHandlerWritesIt() {
        // No answer is queued: the call waits until the caller cancels it.
        try (Connect8x8Client client = client(observability())) {
            CompletableFuture<?> call = client.sms().sendAsync(sms());
            assertTrue(call.cancel(true));
        }

        // DefaultMeterObservationHandler writes the tag error itself, from the observation's error, over the
        // observation's own: a cancel recorded no error, so the timer said error=none, not the documented value.
        Timer cancelled = meters.get(Connect8x8Observability.CALLS).tags("api", "sms", "operation", "send",
                "error", "SendCancelledException").timer();
        assertEquals(1, cancelled.count());
        assertEquals(1, meters.get(Connect8x8Observability.CALLS).timers().size());
    }

    @Test
    void batchesCountTheirAcceptedAndRejectedMessages() {
        server.enqueue(json(200, SMS_BATCH));

        try (Connect8x8Client client = client(observability())) {
            client.sms().sendBatch(SmsBatch.builder().template(Sms.builder().text(TEXT).build())
                    .addDestination(PHONE).addDestination("+6587654321").addDestination("+6599999999").build());
        }

        assertEquals(1, callTimer("sms", "sendBatch", "success", "200", "none").count());
        assertEquals(2, counter(Connect8x8Observability.BATCH_MESSAGES, "api", "sms", "result", "accepted"));
        assertEquals(1, counter(Connect8x8Observability.BATCH_MESSAGES, "api", "sms", "result", "rejected"));
    }

    @Test
    void noTagHoldsAPhoneNumberATextAnIdOrTheKey() {
        server.enqueue(error(429).setHeader("Retry-After", "1"));
        server.enqueue(json(200, SMS_OK));
        server.enqueue(json(200, SMS_BATCH));
        server.enqueue(error(400));
        Connect8x8Observability observability = observability();

        try (Connect8x8Client client = client(observability)) {
            client.sms().send(sms());
            client.sms().sendBatch(SmsBatch.builder().template(Sms.builder().text(TEXT).build())
                    .addDestination(PHONE).build());
            assertThrows(BadRequestException.class, () -> client.sms().send(sms()));
        }
        observability.receiptReceived(receipt("u-1", "delivered"));

        assertFalse(meters.getMeters().isEmpty());
        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                String value = tag.getValue();
                for (String secret : new String[] {"6512345678", "481516", KEY, "u-1", "b-1"}) {
                    assertFalse(value.contains(secret), meter.getId() + " has " + tag);
                }
            }
        }
    }

    @Test
    void receiptsAreCountedByStateAndTimedFromTheirSend() {
        server.enqueue(json(200, SMS_OK));
        server.enqueue(json(200, SMS_BATCH));
        Connect8x8Observability observability = observability();
        try (Connect8x8Client client = client(observability)) {
            client.sms().send(sms());
            clock.add(Duration.ofSeconds(2));
            client.sms().sendBatch(SmsBatch.builder().template(Sms.builder().text(TEXT).build())
                    .addDestination(PHONE).build());
        }
        clock.add(Duration.ofSeconds(5));

        observability.receiptListener().accept(receipt("u-1", "delivered"));
        observability.receiptReceived(receiptInBatch("u-9", "b-1", "delivered"));
        observability.receiptReceived(receipt("not-sent-here", "delivered"));

        assertEquals(3, counter(Connect8x8Observability.RECEIPTS, "namespace", "SMS", "state", "delivered"));
        Timer lag = meters.get(Connect8x8Observability.RECEIPT_LAG).tags("namespace", "SMS", "state", "delivered")
                .timer();
        assertEquals(2, lag.count(), "a receipt of a message not sent here has no lag");
        assertEquals(7000 + 5000, lag.totalTime(TimeUnit.MILLISECONDS));
        assertEquals(7000, lag.max(TimeUnit.MILLISECONDS));
    }

    @Test
    void theObservationCarriesTheCallsContextToOtherHandlers() throws Exception {
        TestObservationRegistry registry = TestObservationRegistry.create();
        server.enqueue(json(200, CHAT_OK));

        try (Connect8x8Client client = client(Connect8x8Observability.builder().observationRegistry(registry)
                .build())) {
            client.chatApps().sendAsync(ChatMessage.builder().to(PHONE).text(TEXT).build()).get(30, TimeUnit.SECONDS);
        }

        assertThat(registry).hasObservationWithNameEqualTo(Connect8x8Observability.CALLS).that()
                .hasContextualNameEqualTo("connect8x8 chatapps send")
                .hasLowCardinalityKeyValue("api", "chatapps")
                .hasLowCardinalityKeyValue("operation", "send")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasLowCardinalityKeyValue("http.status", "200")
                .hasHighCardinalityKeyValue("connect8x8.attempts", "1")
                .hasBeenStarted().hasBeenStopped()
                .satisfies(context -> {
                    Connect8x8Observability.CallContext call = (Connect8x8Observability.CallContext) context;
                    assertEquals("c-1", call.outcome().messageId());
                    assertEquals(true, call.call().async());
                });
    }

    @Test
    void withATracingBridgeEachCallIsASpanInTheCallersTrace() {
        SimpleTracer tracer = new SimpleTracer();
        ObservationRegistry traced = ObservationRegistry.create();
        traced.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        server.enqueue(error(400));

        try (Connect8x8Client client = client(Connect8x8Observability.builder().observationRegistry(traced)
                .build())) {
            Observation checkout = Observation.start("checkout", traced);
            try (Observation.Scope scope = checkout.openScope()) {
                assertThrows(BadRequestException.class, () -> client.sms().send(sms()));
            } finally {
                checkout.stop();
            }
        }

        SimpleSpan parent = tracer.getSpans().stream().filter(s -> s.getName().equals("checkout")).findFirst()
                .orElseThrow();
        SimpleSpan send = tracer.getSpans().stream().filter(s -> s.getName().equals("connect8x8 sms send"))
                .findFirst().orElseThrow();
        assertEquals(parent.getTraceId(), send.getTraceId());
        assertEquals(parent.getSpanId(), send.getParentId());
        assertEquals("rejected", send.getTags().get("outcome"));
        assertEquals("400", send.getTags().get("http.status"));
        assertNotNull(send.getError(), "the span records the failure");
        assertNotNull(send.getEndTimestamp());
    }

    @Test
    void aRegistryIsRequired() {
        assertThrows(IllegalStateException.class, () -> Connect8x8Observability.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Connect8x8Observability.builder().maxTrackedSends(0));
    }

    private static DeliveryReceipt receipt(String umid, String state) {
        return receiptInBatch(umid, null, state);
    }

    private static DeliveryReceipt receiptInBatch(String umid, String batchId, String state) {
        String body = "{\"namespace\":\"SMS\",\"eventType\":\"outbound_message_status_changed\","
                + "\"description\":\"SMS outbound message delivery receipt\",\"payload\":{\"umid\":\"" + umid + "\","
                + (batchId == null ? "" : "\"batchId\":\"" + batchId + "\",")
                + "\"subAccountId\":\"acme\",\"source\":\"8x8\",\"destination\":\"" + PHONE + "\","
                + "\"status\":{\"state\":\"" + state + "\",\"timestamp\":\"2026-03-01T10:00:05Z\"}}}";
        return ((WebhookEvent.Receipt) WebhookParser.parse(body)).receipt();
    }
}
