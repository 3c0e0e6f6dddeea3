package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String sms(Sandbox sandbox) {
        return sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme/messages";
    }

    private static String chat(Sandbox sandbox) {
        return sandbox.chatAppsBaseUrl() + "/api/v1/subaccounts/acme/messages";
    }

    @Test
    void smsReceiptGoesToDlrCallbackUrlWithDocumentedShape() throws Exception {
        try (ReceiptReceiver receiver = new ReceiptReceiver(0);
             Sandbox sandbox = Sandbox.builder().build().start()) {
            String umid = Http.post(sms(sandbox), sandbox.apiKey(), json("{'destination':'+6591234567','text':'Hi',"
                    + "'source':'ACME','clientMessageId':'c-9','dlrCallbackUrl':'" + receiver.url() + "'}"))
                    .json().get("umid").asText();

            JsonNode receipt = receiver.await(1, WAIT).get(0);

            assertEquals("SMS", receipt.get("namespace").asText());
            assertEquals("outbound_message_status_changed", receipt.get("eventType").asText());
            assertEquals("SMS outbound message delivery receipt", receipt.get("description").asText());
            JsonNode payload = receipt.get("payload");
            assertEquals(umid, payload.get("umid").asText());
            assertTrue(payload.get("batchId").isNull());
            assertEquals("c-9", payload.get("clientMessageId").asText());
            assertEquals("acme", payload.get("subAccountId").asText());
            assertEquals("ACME", payload.get("source").asText());
            assertEquals("+6591234567", payload.get("destination").asText());
            assertEquals("delivered", payload.at("/status/state").asText());
            assertEquals("delivered_to_recipient", payload.at("/status/detail").asText());
            assertEquals(0, payload.at("/status/errorCode").asInt());
            Instant.parse(payload.at("/status/timestamp").asText());
            assertEquals("EUR", payload.at("/price/currency").asText());
            assertEquals(1, payload.get("smsCount").asInt());
            assertTrue(sandbox.awaitReceipts(1, WAIT));
            assertEquals("delivered", sandbox.messages().get(0).state());
        }
    }

    @Test
    void whatsAppReceiptsFollowTheSequenceToTheWebhook() throws Exception {
        try (ReceiptReceiver receiver = new ReceiptReceiver(0);
             Sandbox sandbox = Sandbox.builder().webhookUrl(receiver.url()).build().start()) {
            Http.post(chat(sandbox), sandbox.apiKey(), json("{'user':{'msisdn':'+6591234567'},'type':'Template',"
                    + "'content':{'template':{'name':'your_authentication_template_name','language':'en_US',"
                    + "'components':[{'type':'body','parameters':[{'type':'text','text':'1234'}]},"
                    + "{'type':'button','subType':'url','index':0,'parameters':[{'type':'text','text':'1234'}]}]}}}"));

            List<JsonNode> receipts = receiver.await(4, WAIT);

            assertEquals(List.of("queued/accepted_by_provider", "delivered/delivered_to_operator",
                    "delivered/delivered_to_recipient", "read/read_by_recipient"), states(receipts));
            JsonNode first = receipts.get(0);
            assertEquals("ChatApps", first.get("namespace").asText());
            assertEquals(9, first.get("version").asInt());
            assertEquals("ChatApps outbound message delivery receipt", first.get("description").asText());
            assertEquals("whatsapp", first.at("/payload/channel").asText());
            assertEquals("+6591234567", first.at("/payload/user/msisdn").asText());
            assertEquals("authentication", first.at("/payload/whatsapp/pricingCategory").asText());
            assertTrue(first.at("/payload/status/errorCode").isNull());
            assertTrue(sandbox.awaitReceipts(4, WAIT));
            assertEquals("read", sandbox.messages().get(0).state());
        }
    }

    @Test
    void undeliveredTestNumberEndsRejectedByOperator() throws Exception {
        try (ReceiptReceiver receiver = new ReceiptReceiver(0);
             Sandbox sandbox = Sandbox.builder().webhookUrl(receiver.url()).build().start()) {
            Http.post(chat(sandbox), sandbox.apiKey(), json("{'user':{'msisdn':'" + TestNumbers.UNDELIVERED
                    + "'},'type':'Text','content':{'text':'x'}}"));
            Http.post(sms(sandbox), sandbox.apiKey(), json("{'destination':'" + TestNumbers.UNDELIVERED
                    + "','text':'x'}"));

            List<JsonNode> receipts = receiver.await(3, WAIT);

            JsonNode smsReceipt = receipts.stream().filter(r -> r.get("namespace").asText().equals("SMS"))
                    .findFirst().orElseThrow();
            assertEquals("undelivered", smsReceipt.at("/payload/status/state").asText());
            assertEquals("rejected_by_operator", smsReceipt.at("/payload/status/detail").asText());
            assertEquals(TestNumbers.SMS_UNDELIVERED_CODE, smsReceipt.at("/payload/status/errorCode").asInt());
            assertFalse(smsReceipt.at("/payload/status/errorMessage").isNull());
            JsonNode last = receipts.stream().filter(r -> r.get("namespace").asText().equals("ChatApps"))
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals("undelivered", last.at("/payload/status/state").asText());
            assertEquals(TestNumbers.CHAT_APPS_UNDELIVERED_CODE, last.at("/payload/status/errorCode").asInt());
            // A string in 8x8's documented receipt: a receiver reading it as text (textValue()) must not get null.
            assertEquals(Integer.toString(TestNumbers.WHATSAPP_PROVIDER_CODE),
                    last.at("/payload/whatsapp/providerErrorCode").textValue());
        }
    }

    @Test
    void failedDeliveryIsRetriedOnTheScaledSchedule() throws Exception {
        double factor = 0.01;
        try (ReceiptReceiver receiver = new ReceiptReceiver(2);
             Sandbox sandbox = Sandbox.builder().webhookUrl(receiver.url()).receiptTimeFactor(factor).build()
                     .start()) {
            Http.post(sms(sandbox), sandbox.apiKey(), json("{'destination':'6591234567','text':'x'}"));

            receiver.await(1, WAIT);
            assertTrue(sandbox.awaitReceipts(1, WAIT));

            List<DeliveryAttempt> attempts = sandbox.messages().get(0).receipts().get(0).attempts();
            assertEquals(3, attempts.size());
            assertEquals(List.of(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(100)),
                    attempts.stream().map(DeliveryAttempt::delay).toList());
            assertEquals(List.of(500, 500, 204), attempts.stream().map(DeliveryAttempt::status).toList());
            assertEquals("HTTP 500", attempts.get(0).error());
            assertTrue(attempts.get(2).succeeded());
            List<Long> at = receiver.attemptNanos();
            assertTrue(at.get(1) - at.get(0) >= Duration.ofMillis(10).toNanos());
            assertTrue(at.get(2) - at.get(1) >= Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void deliveryIsGivenUpAfterFourRetries() throws Exception {
        try (ReceiptReceiver receiver = new ReceiptReceiver(Integer.MAX_VALUE);
             Sandbox sandbox = Sandbox.builder().webhookUrl(receiver.url()).receiptTimeFactor(0.0001).build()
                     .start()) {
            Http.post(sms(sandbox), sandbox.apiKey(), json("{'destination':'6591234567','text':'x'}"));

            assertTrue(sandbox.awaitReceiptsSettled(1, WAIT));
            SandboxReceipt receipt = sandbox.messages().get(0).receipts().get(0);

            assertTrue(receipt.givenUp());
            assertEquals(5, receipt.attempts().size());
            assertEquals(Duration.ofNanos(9_000_000), receipt.attempts().get(4).delay());
            assertFalse(receipt.delivered());
        }
    }

    private static List<String> states(List<JsonNode> receipts) {
        return receipts.stream()
                .map(r -> r.at("/payload/status/state").asText() + "/" + r.at("/payload/status/detail").asText())
                .toList();
    }
}
