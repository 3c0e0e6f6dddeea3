package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.LocationAwareLogger;

/** The receiver mounted in the JDK's HttpServer on loopback, driven by OkHttp as 8x8 would drive it. */
class ReceiptReceiverHttpTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    private LoopbackReceiver loopback;

    private ReceiptReceiver.Builder recording() {
        return ReceiptReceiver.builder().withoutAuthorization().onReceipt(receipts::add).onInbound(inbound::add);
    }

    private LoopbackReceiver serve(ReceiptReceiver receiver) {
        loopback = LoopbackReceiver.start(receiver);
        return loopback;
    }

    @AfterEach
    void stopServer() {
        if (loopback != null) {
            loopback.close();
        }
    }

    private Answer post(RequestBody body, String authorization) throws IOException {
        Request.Builder request = new Request.Builder().url(loopback.url()).post(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string(), response.header("Allow"));
        }
    }

    private Answer post(String json) throws IOException {
        return post(RequestBody.create(json, JSON), null);
    }

    private record Answer(int code, String body, String allow) {
    }

    /** A body of unknown length, so OkHttp sends it chunked without Content-Length. */
    private static RequestBody chunked(String json) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(json);
            }
        };
    }

    @Test
    void acceptsReceiptOnceAndDropsItsDuplicate() throws IOException {
        ReceiptReceiver receiver = recording().build();
        serve(receiver);

        assertEquals(new Answer(200, "accepted", null), post(WebhookSamples.SMS_RECEIPT));
        assertEquals(new Answer(200, "duplicate", null), post(WebhookSamples.SMS_RECEIPT));

        assertEquals(1, receipts.size());
        assertEquals("9e09ac86-bd74-5465-851d-1eb5a5fdbb9a", receipts.get(0).umid());
        assertEquals("undelivered", receiver.latestState("9e09ac86-bd74-5465-851d-1eb5a5fdbb9a").orElseThrow()
                .state());
    }

    @Test
    void keepsNewestStateWhenOlderReceiptArrivesLate() throws IOException {
        ReceiptReceiver receiver = recording().build();
        serve(receiver);

        post(WebhookSamples.chatAppsReceipt("u-1", "read", null, "2025-05-05T09:16:00Z"));
        Answer late = post(WebhookSamples.chatAppsReceipt("u-1", "delivered", "delivered_to_recipient",
                "2025-05-05T09:15:57.5Z"));

        assertEquals(200, late.code());
        assertEquals(List.of("read", "delivered"), receipts.stream().map(DeliveryReceipt::state).toList(),
                "a late receipt is still news to the listener");
        assertEquals("read", receiver.latestState("u-1").orElseThrow().state());
        assertEquals(List.of("read"), receiver.receipts().stream().map(DeliveryReceipt::state).toList());
    }

    @Test
    void treatsSameStateWithNewDetailAsNews() throws IOException {
        ReceiptReceiver receiver = recording().build();
        serve(receiver);

        post(WebhookSamples.chatAppsReceipt("u-1", "delivered", "delivered_to_operator", "2025-05-05T09:15:00Z"));
        post(WebhookSamples.chatAppsReceipt("u-1", "delivered", "delivered_to_recipient", "2025-05-05T09:15:30Z"));

        assertEquals(2, receipts.size());
        assertEquals("delivered_to_recipient", receiver.latestState("u-1").orElseThrow().status().detail());
    }

    @Test
    void passesInboundMessagesOnceEach() throws IOException {
        serve(recording().build());

        assertEquals(200, post(WebhookSamples.SMS_INBOUND).code());
        assertEquals(200, post(WebhookSamples.CHAT_APPS_INBOUND_TEXT.replace("9e09ac86", "1f09ac86")).code());
        assertEquals("duplicate", post(WebhookSamples.SMS_INBOUND).body());

        assertEquals(2, inbound.size());
        assertTrue(inbound.get(0) instanceof SmsInboundMessage);
        assertTrue(inbound.get(1) instanceof ChatAppsInboundMessage);
        assertTrue(receipts.isEmpty());
    }

    @Test
    // Over real HTTP the outcome is the same whether the declared length or the capped read catches it;
    // ReceiptReceiverTest.rejectsDeclaredOversizeBeforeReading proves the declared length is checked first.
    void rejectsABodyOverTheLimitThatDeclaresItsLength() throws IOException {
        serve(recording().maxBodyBytes(1024).build());

        Answer answer = post(WebhookSamples.SMS_RECEIPT + " ".repeat(4096));

        assertEquals(new Answer(413, "body too large", null), answer);
        assertEquals(String.valueOf(WebhookSamples.SMS_RECEIPT.length() + 4096),
                loopback.lastRequestHeaders().getFirst("Content-Length"));
        assertTrue(receipts.isEmpty());
    }

    @Test
    void rejectsChunkedBodyOverLimitWithoutContentLength() throws IOException {
        serve(recording().maxBodyBytes(1024).build());

        Answer answer = post(chunked(WebhookSamples.SMS_RECEIPT + " ".repeat(4096)), null);

        assertEquals(413, answer.code());
        assertNull(loopback.lastRequestHeaders().getFirst("Content-Length"));
        assertEquals("chunked", loopback.lastRequestHeaders().getFirst("Transfer-Encoding"));
        assertTrue(receipts.isEmpty());
    }

    @Test
    void acceptsChunkedBodyOfExactlyTheLimit() throws IOException {
        String body = WebhookSamples.SMS_RECEIPT;
        serve(recording().maxBodyBytes(body.length()).build());

        assertEquals(200, post(chunked(body), null).code());
        assertEquals(1, receipts.size());
    }

    @Test
    void rejectsWrongOrMissingAuthorization() throws IOException {
        serve(recording().expectedAuthorization("Bearer right-secret").build());
        RequestBody body = RequestBody.create(WebhookSamples.SMS_RECEIPT, JSON);

        assertEquals(new Answer(401, "unauthorized", null), post(body, "Bearer wrong-secret"));
        assertEquals(401, post(body, "Bearer right-secret-and-more").code());
        assertEquals(401, post(body, null).code());
        assertTrue(receipts.isEmpty());
        assertEquals(200, post(body, "Bearer right-secret").code());
        assertEquals(1, receipts.size());
    }

    @Test
    void acceptsTheRightHeaderWhenTheConfiguredValueEndsInANewline() throws IOException {
        // A secret read with Files.readString, or from a Kubernetes secret, ends in a newline. HTTP strips a field
        // value's surrounding whitespace, so no request could ever match it: every receipt was answered 401, and
        // 8x8 gave up on it after its retries.
        String secretFromFile = "right-secret\n";
        serve(recording().expectedAuthorization("Bearer " + secretFromFile).build());
        RequestBody body = RequestBody.create(WebhookSamples.SMS_RECEIPT, JSON);

        assertEquals(new Answer(401, "unauthorized", null), post(body, "Bearer wrong-secret"));
        assertEquals(401, post(body, "Bearer right-secret-and-more").code());
        assertTrue(receipts.isEmpty());
        assertEquals(new Answer(200, "accepted", null), post(body, "Bearer right-secret"));
        assertEquals(1, receipts.size());
    }

    @Test
    void checksAnOAuthAccessTokenWithTheApplicationsCheck() throws IOException {
        // A webhook configured with oauth carries a token 8x8 obtained from the application's token endpoint: no
        // fixed value to expect, so the application's authorization server decides.
        Set<String> issued = ConcurrentHashMap.newKeySet();
        issued.add("token-1");
        List<String> checked = new CopyOnWriteArrayList<>();
        serve(recording().authorization(header -> {
            checked.add(header);
            if (header.equals("Bearer introspection-down")) {
                throw new IllegalStateException("token endpoint unreachable");
            }
            return header.startsWith("Bearer ") && issued.contains(header.substring("Bearer ".length()));
        }).build());
        RequestBody body = RequestBody.create(WebhookSamples.SMS_RECEIPT, JSON);

        assertEquals(new Answer(401, "unauthorized", null), post(body, "Bearer forged"));
        assertEquals(new Answer(401, "unauthorized", null), post(body, null));
        assertEquals(new Answer(503, "authorization unavailable, retry later", null),
                post(body, "Bearer introspection-down"));
        assertTrue(receipts.isEmpty());
        assertEquals(new Answer(200, "accepted", null), post(body, "Bearer token-1"));
        issued.add("token-2");
        assertEquals(new Answer(200, "duplicate", null), post(body, "Bearer token-2"));
        assertEquals(1, receipts.size());
        assertEquals(List.of("Bearer forged", "Bearer introspection-down", "Bearer token-1", "Bearer token-2"),
                checked);
    }

    @Test
    void answers400ForJunk() throws IOException {
        serve(recording().build());

        Answer answer = post("this is { not json");

        assertEquals(400, answer.code());
        assertTrue(answer.body().startsWith("bad webhook: body is not JSON"), answer.body());
        assertEquals("bad webhook: payload.umid is missing", post("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed", "payload": {}}
                """).body());
    }

    @Test
    void keepsAReceiptWhoseTimestampIsNotIso8601OrderedByItsArrival() throws IOException {
        // 8x8 drops a webhook after its fourth retry: a 400 for one odd timestamp lost the receipt for good.
        Instant arrival = Instant.parse("2025-05-05T09:00:00Z");
        List<Instant> statusTimes = new CopyOnWriteArrayList<>();
        ReceiptLedger memory = ReceiptLedger.inMemory(10, 1 << 20);
        ReceiptLedger ledger = new ReceiptLedger() {
            @Override
            public Outcome record(DeliveryReceipt receipt, Instant statusTime) {
                statusTimes.add(statusTime);
                return memory.record(receipt, statusTime);
            }

            @Override
            public boolean recordInbound(String umid) {
                return memory.recordInbound(umid);
            }

            @Override
            public Optional<DeliveryReceipt> latest(String umid) {
                return memory.latest(umid);
            }

            @Override
            public List<DeliveryReceipt> latestAll() {
                return memory.latestAll();
            }
        };
        ReceiptReceiver receiver = recording().ledger(ledger).clock(Clock.fixed(arrival, ZoneOffset.UTC)).build();
        serve(receiver);
        String odd = "05/05/2025 09:00 +6512345678";

        Answer delivered = post(WebhookSamples.chatAppsReceipt("u-1", "delivered", null, "2025-05-05T08:59:59Z"));
        Answer read;
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            read = post(WebhookSamples.chatAppsReceipt("u-1", "read", null, odd));
        } finally {
            System.setErr(stderr);
        }

        assertEquals(new Answer(200, "accepted", null), delivered);
        assertEquals(new Answer(200, "accepted", null), read);
        assertEquals(List.of("delivered", "read"), receipts.stream().map(DeliveryReceipt::state).toList());
        assertNull(receipts.get(1).timestamp());
        assertEquals(List.of(Instant.parse("2025-05-05T08:59:59Z"), arrival), statusTimes);
        assertEquals("read", receiver.latestState("u-1").orElseThrow().state());
        String warning = log.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains("WARN io.connect8x8.webhooks.WebhookParser - Webhook field "
                + "payload.status.timestamp of message u-1 is not an ISO 8601 timestamp; read as absent"), warning);
        assertFalse(warning.contains("05/05/2025") || warning.contains("12345678"), warning);
        // A malformed required field is still refused: without the umid there is no receipt to keep.
        assertEquals(new Answer(400, "bad webhook: payload.umid must be a string, not an object", null),
                post(WebhookSamples.chatAppsReceipt("u-1", "read", null, odd).replace("\"u-1\"", "{}")));
        assertEquals(2, receipts.size());
    }

    @Test
    void logsABodysUmidAndEventOnOneBoundedLineEach() throws Exception {
        // Whoever holds the webhook secret chooses the umid: a line break in it forged a second log entry, and a
        // umid of a megabyte wrote a megabyte of log per request.
        List<DeliveryReceipt> thrownFor = new CopyOnWriteArrayList<>();
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization().onReceipt(receipt -> {
            thrownFor.add(receipt);
            throw new IllegalStateException("listener bug");
        }).build();
        serve(receiver);
        String jsonUmid = "u-1\\r\\n[main] WARN forged entry\\u2028" + "a".repeat(5000);
        // What the log shows of the umid: its line breaks escaped, its first 1000 characters (30 + 970).
        String escapedHead = "u-1\\r\\n[main] WARN forged entry\\u2028";

        Answer answer;
        String log;
        org.slf4j.Logger receiverLog = org.slf4j.LoggerFactory.getLogger(ReceiptReceiver.class);
        Field level = receiverLog.getClass().getDeclaredField("currentLogLevel");
        level.setAccessible(true);
        int quiet = level.getInt(receiverLog);
        // simplelogger.properties keeps the receiver at ERROR for the tests whose listener fails on purpose.
        level.setInt(receiverLog, LocationAwareLogger.WARN_INT);
        PrintStream stderr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            answer = post(WebhookSamples.chatAppsReceipt(jsonUmid, "read", null, "not a time"));
        } finally {
            System.setErr(stderr);
            level.setInt(receiverLog, quiet);
            log = bytes.toString(StandardCharsets.UTF_8);
        }

        assertEquals(new Answer(200, "accepted", null), answer);
        assertEquals(1, thrownFor.size());
        assertEquals("u-1\r\n[main] WARN forged entry\u2028" + "a".repeat(5000), thrownFor.get(0).umid());
        String described = thrownFor.get(0).toString();
        List<String> lines = log.lines().filter(line -> !line.startsWith("\tat "))
                .map(line -> line.replaceFirst("^\\[[^\\]]*\\] ", "")).toList();
        assertEquals(List.of(
                "WARN io.connect8x8.webhooks.WebhookParser - Webhook field payload.status.timestamp of message "
                        + escapedHead + "a".repeat(970) + "...(4030 more chars)"
                        + " is not an ISO 8601 timestamp; read as absent",
                // The event's description: "ChatAppsDeliveryReceipt[umid=" (29), the umid's 30, then 941 of its a's.
                "WARN io.connect8x8.webhooks.ReceiptReceiver - Webhook listener threw for "
                        + "ChatAppsDeliveryReceipt[umid=" + escapedHead + "a".repeat(941) + "...(" + (described.length() - 1000)
                        + " more chars); answered 200 all the same",
                "java.lang.IllegalStateException: listener bug"), lines, log);
    }

    @Test
    void answers405ForGet() throws IOException {
        serve(recording().build());

        try (Response response = HTTP.newCall(new Request.Builder().url(loopback.url()).build()).execute()) {
            assertEquals(405, response.code());
            assertEquals("POST", response.header("Allow"));
        }
    }

    @Test
    void answers405ForHeadWithoutTheJdkServerLoggingAWarning() throws IOException {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jdkServer = Logger.getLogger("com.sun.net.httpserver");
        jdkServer.addHandler(handler);
        try {
            serve(recording().build());

            try (Response response = HTTP.newCall(new Request.Builder().url(loopback.url()).head().build())
                    .execute()) {
                assertEquals(405, response.code());
                assertEquals("POST", response.header("Allow"));
            }
            assertEquals(List.of(), logged.stream().filter(line -> line.startsWith("WARNING")).toList());
        } finally {
            jdkServer.removeHandler(handler);
        }
    }

    @Test
    void answers200WhenListenerThrows() throws IOException {
        ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization()
                .onReceipt(receipt -> {
                    receipts.add(receipt);
                    throw new IllegalStateException("database down");
                })
                .build();
        serve(receiver);

        assertEquals(new Answer(200, "accepted", null), post(WebhookSamples.SMS_RECEIPT));
        assertEquals(new Answer(200, "duplicate", null), post(WebhookSamples.SMS_RECEIPT));
        assertEquals(1, receipts.size());
        assertTrue(receiver.latestState("9e09ac86-bd74-5465-851d-1eb5a5fdbb9a").isPresent());
    }

    @Test
    void answers200WithoutListenerForUnmodelledEvent() throws IOException {
        serve(recording().build());

        Answer answer = post("""
                {"namespace": "ChatApps", "eventType": "external_app_message", "payload": {"umid": "u"}}
                """);

        assertEquals(200, answer.code());
        assertTrue(receipts.isEmpty() && inbound.isEmpty());
    }
}
