package io.connect8x8.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.webhooks.ChatAppsDeliveryReceipt;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.InboundMessage;
import io.connect8x8.webhooks.ReceiptReceiver;
import io.connect8x8.webhooks.SmsDeliveryReceipt;
import io.connect8x8.webhooks.WebhookEvent;
import io.connect8x8.webhooks.WebhookParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two receivers, as two instances of a service would be, each with its own {@link PostgresReceiptLedger} over one
 * real PostgreSQL started by the test.
 */
class PostgresReceiptLedgerTest {

    private static DataSource dataSource;

    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    private ReceiptReceiver first;
    private ReceiptReceiver second;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.dataSource(TestDatabases.create());
    }

    @BeforeEach
    void twoInstances() throws Exception {
        PostgresReceiptLedger.create(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE connect8x8_receipt_status, connect8x8_receipt_latest, connect8x8_inbound_seen");
        }
        first = receiver();
        second = receiver();
    }

    private ReceiptReceiver receiver() {
        return ReceiptReceiver.builder().withoutAuthorization().ledger(PostgresReceiptLedger.create(dataSource))
                .onReceipt(receipts::add).onInbound(inbound::add).build();
    }

    private static String receipt(String umid, String state, String detail, String timestamp) {
        return """
                {"namespace": "ChatApps", "eventType": "outbound_message_status_changed", "version": 9,
                 "payload": {"umid": "%s", "clientMessageId": "otp-1", "channel": "whatsapp",
                  "user": {"msisdn": "+6512345678", "channelUserId": "6512345678"},
                  "status": {"state": "%s", "detail": "%s", "timestamp": "%s"},
                  "whatsapp": {"pricingCategory": "authentication"}}}
                """.formatted(umid, state, detail, timestamp);
    }

    private static String post(ReceiptReceiver receiver, String body) {
        ReceiptReceiver.Response response = receiver.handle("POST", null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), -1);
        assertEquals(200, response.status(), response.body());
        return response.body();
    }

    @Test
    void theSameReceiptReachingBothInstancesAtOnceIsHandledOnce() throws Exception {
        String body = receipt("u-race", "delivered", "delivered_to_recipient", "2026-01-01T00:00:01Z");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ReceiptReceiver instance = i % 2 == 0 ? first : second;
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(instance, body);
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<String> answer : answers) {
                bodies.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, bodies.stream().filter("accepted"::equals).count(), bodies.toString());
            assertEquals(threads - 1, bodies.stream().filter("duplicate"::equals).count(), bodies.toString());
            assertEquals(1, receipts.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bothInstancesKnowTheLatestStateWhicheverReceivedIt() {
        String delivered = receipt("u-1", "delivered", "delivered_to_recipient", "2026-01-01T00:00:02Z");
        post(first, delivered);
        post(second, receipt("u-1", "read", "read_by_recipient", "2026-01-01T00:00:03Z"));
        assertEquals("accepted", post(first, receipt("u-1", "delivered", "delivered_to_operator",
                "2026-01-01T00:00:01Z")), "a late receipt is news");

        assertEquals("read", first.latestState("u-1").orElseThrow().state());
        assertEquals("read", second.latestState("u-1").orElseThrow().state(), "the late one did not replace it");
        assertEquals(3, receipts.size());
        assertEquals("duplicate", post(second, delivered));
    }

    @Test
    void keysPostgresCannotStoreAreAcceptedAsInMemoryNot503() {
        // NUL is refused in a text column, and a B-tree entry beyond about 2,700 bytes fails: both answered 503,
        // "retry later", to a body that could never be stored.
        String nul = "u-\\u0000-nul";
        StringBuilder incompressible = new StringBuilder("u");
        while (incompressible.length() < 3_000) {
            incompressible.append(UUID.randomUUID());
        }
        String longUmid = incompressible.toString();
        for (String umid : List.of(nul, longUmid)) {
            assertEquals("accepted", post(first, receipt(umid, "delivered", "to_\\u0000_recipient",
                    "2026-01-01T00:00:02Z")));
            assertEquals("duplicate", post(second, receipt(umid, "delivered", "to_\\u0000_recipient",
                    "2026-01-01T00:00:02Z")));
        }
        assertEquals("to_\u0000_recipient", second.latestState("u-\u0000-nul").orElseThrow().status().detail());
        assertEquals(longUmid, first.latestState(longUmid).orElseThrow().umid());
        assertEquals("accepted", post(first, """
                {"namespace": "SMS", "eventType": "inbound_message_received", "payload": {"umid": "i-\\u0000"}}"""));
        assertEquals(2, receipts.size());
        assertEquals(1, inbound.size());
    }

    @Test
    void readsBackTheReceiptAsParsed() {
        String body = receipt("u-2", "undelivered", "rejected_by_operator", "2026-01-01T00:00:02.1234567Z");
        post(first, body);

        DeliveryReceipt parsed = ((WebhookEvent.Receipt) WebhookParser.parse(body)).receipt();
        assertEquals(parsed, second.latestState("u-2").orElseThrow());
        assertEquals(ChatAppsDeliveryReceipt.class, second.latestState("u-2").orElseThrow().getClass());

        String sms = """
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-3", "source": "8x8", "destination": "+6512345678", "smsCount": 2,
                  "price": {"total": 0.0250, "perSms": 0.0125, "currency": "USD"},
                  "status": {"state": "delivered", "timestamp": "2026-01-01T00:00:02Z"}}}
                """;
        post(first, sms);
        assertEquals(((WebhookEvent.Receipt) WebhookParser.parse(sms)).receipt(),
                second.latestState("u-3").orElseThrow());
        assertEquals(SmsDeliveryReceipt.class, second.receipts().get(1).getClass());
    }

    @Test
    void anInboundMessageIsHandledByOneInstanceOnly() {
        String line = """
                {"eventType": "inboundMessage", "channel": "line", "user": {"channelUserId": "Ua12b3"},
                 "umid": "in-1", "type": "Text", "content": {"text": "hi"}, "version": 1}
                """;
        assertEquals("accepted", post(first, line));
        assertEquals("duplicate", post(second, line));
        assertEquals(1, inbound.size());
    }

    @Test
    void anInventedLongDetailIsStoredAsAHash() {
        String detail = "x".repeat(100_000);
        assertEquals("accepted", post(first, receipt("u-4", "failed", detail, "2026-01-01T00:00:02Z")));
        assertEquals("duplicate", post(second, receipt("u-4", "failed", detail, "2026-01-01T00:00:02Z")));
    }

    @Test
    void purgeForgetsWhatIsOlderThanTheAgeGiven() throws Exception {
        PostgresReceiptLedger ledger = PostgresReceiptLedger.create(dataSource);
        post(first, receipt("u-5", "queued", "accepted_by_provider", "2026-01-01T00:00:02Z"));

        assertEquals(0, ledger.purgeOlderThan(Duration.ofHours(1)));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE connect8x8_receipt_status SET seen_at = now() - interval '2 hours'");
            statement.execute("UPDATE connect8x8_receipt_latest SET updated_at = now() - interval '2 hours'");
        }
        assertEquals(2, ledger.purgeOlderThan(Duration.ofHours(1)));
        assertTrue(first.latestState("u-5").isEmpty());
    }

    @Test
    void aFailingDatabaseAnswers503SoThat8x8Retries() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE connect8x8_receipt_status");
        }

        ReceiptReceiver.Response response = first.handle("POST", null, new ByteArrayInputStream(
                receipt("u-6", "queued", "x", "2026-01-01T00:00:02Z").getBytes(StandardCharsets.UTF_8)), -1);

        assertEquals(503, response.status());
        assertTrue(receipts.isEmpty());
    }

    @Test
    void refusesADatabaseItCannotReach() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {TestDatabases.port()});
        nowhere.setUser("no_such_user_" + UUID.randomUUID().toString().substring(0, 8));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresReceiptLedger.create(nowhere));
        assertTrue(e.getMessage().startsWith("Could not create the receipt ledger's tables in PostgreSQL"),
                e.getMessage());
    }
}
