package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Masking;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookParserTest {

    private static DeliveryReceipt receipt(String body) {
        return assertInstanceOf(WebhookEvent.Receipt.class, WebhookParser.parse(body)).receipt();
    }

    private static InboundMessage inbound(String body) {
        return assertInstanceOf(WebhookEvent.Inbound.class, WebhookParser.parse(body)).message();
    }

    @Test
    void parsesDocumentedSmsReceipt() {
        WebhookEvent.Receipt event =
                assertInstanceOf(WebhookEvent.Receipt.class, WebhookParser.parse(WebhookSamples.SMS_RECEIPT));
        assertEquals(new WebhookEnvelope("SMS", "outbound_message_status_changed",
                "SMS outbound message delivery receipt", null), event.envelope());
        SmsDeliveryReceipt receipt = assertInstanceOf(SmsDeliveryReceipt.class, event.receipt());
        assertEquals(new SmsDeliveryReceipt(
                "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a",
                "3e09ac86-bd74-5465-851d-1eb5a5fdbb9b",
                "1e09ac86-bd74-5465-851d-1eb5a5fdbb9b",
                "2e09ac86-bd74-5465-851d-1eb5a5fdbb9b",
                "SubAccount-1",
                "8x8",
                "+12025550293",
                new ReceiptStatus("undelivered", "rejected_by_operator", Instant.parse("2016-01-01T00:00:00Z"), 15,
                        "Invalid destination"),
                new Price(new BigDecimal("0.0375"), new BigDecimal("0.0125"), "USD"),
                3), receipt);
        assertEquals("SMS", receipt.namespace());
        assertEquals(DeliveryState.UNDELIVERED, receipt.knownState());
    }

    @Test
    void parsesVersion9ChatAppsReceiptWithWhatsAppFacts() {
        WebhookEvent.Receipt event =
                assertInstanceOf(WebhookEvent.Receipt.class, WebhookParser.parse(WebhookSamples.CHAT_APPS_RECEIPT_V9));
        assertEquals(9, event.envelope().version());
        assertEquals(new ChatAppsDeliveryReceipt(
                "0b1e2f36-8c3a-4f6e-9d6b-6a2d3c1e0f01",
                "5c2d6e1a-0b7f-4e55-8a8e-1f2d3c4b5a60",
                "order-42",
                "campaign-7",
                "Acme_WA",
                "whatsapp",
                new ChatAppsUser("+6512345678", "6512345678", null, null),
                new ReceiptStatus("undelivered", "rejected_by_operator",
                        Instant.parse("2025-05-05T09:15:57.1234567Z"), 15, "Invalid destination"),
                new WhatsAppInfo("131026", "utility")), event.receipt());
        assertEquals("ChatApps", event.receipt().namespace());
    }

    @Test
    void parsesOlderChatAppsReceiptWithoutVersion() {
        WebhookEvent.Receipt event =
                assertInstanceOf(WebhookEvent.Receipt.class, WebhookParser.parse(WebhookSamples.CHAT_APPS_RECEIPT_V8));
        assertNull(event.envelope().version());
        ChatAppsDeliveryReceipt receipt = assertInstanceOf(ChatAppsDeliveryReceipt.class, event.receipt());
        assertEquals("order-43", receipt.clientMessageId());
        assertEquals(DeliveryState.DELIVERED, receipt.knownState());
        assertEquals("delivered_to_recipient", receipt.status().detail());
        assertEquals(Instant.parse("2025-05-05T09:15:57Z"), receipt.timestamp());
        assertNull(receipt.whatsapp());
    }

    @Test
    void readsFlatStatusFieldsOfVersion8Receipts() {
        DeliveryReceipt receipt = receipt("""
                {"namespace": "ChatApps", "eventType": "outbound_message_status_changed", "version": 8,
                 "payload": {"umid": "u-flat", "channel": "whatsapp", "state": "undelivered",
                  "detail": "rejected_by_operator", "timestamp": "2025-01-02T03:04:05Z",
                  "errorCode": "15", "errorMessage": "Invalid destination"}}
                """);
        assertEquals(new ReceiptStatus("undelivered", "rejected_by_operator", Instant.parse("2025-01-02T03:04:05Z"),
                15, "Invalid destination"), receipt.status());
    }

    @Test
    void readsStatusGivenAsPlainString() {
        DeliveryReceipt receipt = receipt("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-1", "status": "delivered", "timestamp": "2025-01-02T03:04:05Z"}}
                """);
        assertEquals("delivered", receipt.state());
        assertEquals(Instant.parse("2025-01-02T03:04:05Z"), receipt.timestamp());
    }

    @Test
    void parsesDocumentedInboundSms() {
        SmsInboundMessage message = assertInstanceOf(SmsInboundMessage.class, inbound(WebhookSamples.SMS_INBOUND));
        assertEquals(new SmsInboundMessage(
                "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a",
                "SubAccount-1",
                Instant.parse("2016-01-01T14:34:56.017Z"),
                "+6581968289",
                "+4534735477",
                "Test MO message",
                "GSM7",
                2,
                new Price(new BigDecimal("0.0446592"), new BigDecimal("0.0446592"), "EUR")), message);
        assertEquals("+6581968289", message.senderNumber());
    }

    @Test
    void parsesDocumentedInboundChatAppsText() {
        ChatAppsInboundMessage message =
                assertInstanceOf(ChatAppsInboundMessage.class, inbound(WebhookSamples.CHAT_APPS_INBOUND_TEXT));
        assertEquals(new ChatAppsInboundMessage(
                "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a",
                "SubAccount-1",
                Instant.parse("2016-01-01T14:34:56.017Z"),
                new ChatAppsUser("+12025550023", "12025550023", null, null),
                "whatsapp",
                "269a57f4-3522-eb11-8278-00155d9f27ac",
                new InboundContent("Text", "Test message", null, null, null, null, null, null, null),
                "777a57f4-bd74-eb11-851d-00155d9fer55"), message);
        assertEquals("+12025550023", message.senderNumber());
    }

    @Test
    void readsContentTypeInsideContentAndLocation() {
        ChatAppsInboundMessage message = assertInstanceOf(ChatAppsInboundMessage.class, inbound("""
                {"namespace": "Messaging Apps", "eventType": "inbound_message_received", "version": 3,
                 "payload": {"umid": "u-loc", "user": {"msisdn": "+6512345678", "name": "Ann"},
                  "content": {"type": "Location", "location": {"latitude": 1.2834, "longitude": 103.8607}}}}
                """));
        assertEquals(new InboundContent("Location", null, null, null, new BigDecimal("1.2834"),
                new BigDecimal("103.8607"), null, null, null), message.content());
        assertEquals("Ann", message.user().name());
    }

    @Test
    void ignoresUnknownFieldsEverywhere() {
        DeliveryReceipt receipt = receipt("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed", "traceId": {"a": [1, 2]},
                 "payload": {"umid": "u-1", "futureField": [true], "price": {"total": 1, "tax": {"x": 1}},
                  "status": {"state": "delivered", "timestamp": "2025-01-02T03:04:05Z", "reason": {"n": 1}},
                  "smsCount": {"unexpected": "object"}}}
                """);
        assertEquals("delivered", receipt.state());
        assertNull(((SmsDeliveryReceipt) receipt).smsCount());
    }

    @Test
    void keepsUnknownStateAsRawString() {
        DeliveryReceipt receipt = receipt(WebhookSamples.chatAppsReceipt("u-1", "teleported", null,
                "2025-01-02T03:04:05Z"));
        assertEquals("teleported", receipt.state());
        assertEquals(DeliveryState.UNKNOWN, receipt.knownState());
    }

    @Test
    void toleratesMissingOptionalFields() {
        SmsDeliveryReceipt receipt = assertInstanceOf(SmsDeliveryReceipt.class, receipt("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-1", "status": {"state": "queued"}}}
                """));
        assertEquals(new SmsDeliveryReceipt("u-1", null, null, null, null, null, null,
                new ReceiptStatus("queued", null, null, null, null), null, null), receipt);
    }

    @ParameterizedTest
    @CsvSource({
        "2025-05-05T09:15:57Z,          2025-05-05T09:15:57Z",
        "2025-05-05T09:15:57+00:00,     2025-05-05T09:15:57Z",
        "2025-05-05T09:15:57.123Z,      2025-05-05T09:15:57.123Z",
        "2025-05-05T09:15:57.123+00:00, 2025-05-05T09:15:57.123Z",
        "2025-05-05T09:15:57.1234567Z,  2025-05-05T09:15:57.1234567Z",
        "2025-05-05T09:15:57.1234567+00:00, 2025-05-05T09:15:57.1234567Z",
        "2025-05-05T17:15:57.5+08:00,   2025-05-05T09:15:57.5Z",
        "2025-05-05T09:15:57.12,        2025-05-05T09:15:57.12Z",
    })
    void readsTimestampsWithAnyPrecisionAndOffset(String sent, String expected) {
        DeliveryReceipt receipt = receipt(WebhookSamples.chatAppsReceipt("u-1", "read", null, sent));
        assertEquals(Instant.parse(expected), receipt.timestamp());
    }

    @Test
    void readsEveryTimestampThatIsNotIso8601AsAbsentLikeAnyOptionalField() {
        SmsInboundMessage sms = (SmsInboundMessage) assertInstanceOf(WebhookEvent.Inbound.class, WebhookParser.parse(
                WebhookSamples.SMS_INBOUND.replace("2016-01-01T14:34:56.017Z", "yesterday"))).message();
        ChatAppsInboundMessage call = (ChatAppsInboundMessage) assertInstanceOf(WebhookEvent.Inbound.class,
                WebhookParser.parse("""
                        {"namespace": "ChatApps", "eventType": "inbound_message_received", "version": 3,
                         "payload": {"umid": "u-2", "timestamp": 1746436557, "type": "Interactive",
                          "content": {"interactive": {"type": "call_permission_reply",
                           "callPermissionReply": {"response": "accept", "expirationTimestamp": "soon"}}}}}
                        """)).message();

        assertEquals("9e09ac86-bd74-5465-851d-1eb5a5fdbb9a", sms.umid());
        assertNull(sms.timestamp());
        assertEquals("Test MO message", sms.body());
        assertNull(call.timestamp());
        assertEquals(new InboundInteractive.CallPermission("accept", null, null, null),
                call.content().interactive().callPermission());
    }

    @Test
    void readsBytesAsUtf8() {
        byte[] body = WebhookSamples.SMS_INBOUND.replace("Test MO message", "caf\u00e9 \ud83d\ude00")
                .getBytes(StandardCharsets.UTF_8);
        SmsInboundMessage message = (SmsInboundMessage) assertInstanceOf(WebhookEvent.Inbound.class,
                WebhookParser.parse(body)).message();
        assertEquals("caf\u00e9 \ud83d\ude00", message.body());
    }

    @Test
    void givesOtherForUnknownEventTypeOrNamespace() {
        WebhookEvent external = WebhookParser.parse("""
                {"namespace": "ChatApps", "eventType": "external_app_message", "payload": {"umid": "u"}}
                """);
        assertEquals("external_app_message", assertInstanceOf(WebhookEvent.Other.class, external).envelope()
                .eventType());
        assertInstanceOf(WebhookEvent.Other.class, WebhookParser.parse("""
                {"namespace": "Voice", "eventType": "call_action", "payload": {}}
                """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                                          | body is empty",
        "not json at all {                                           | body is not JSON",
        "{\"namespace\": \"SMS\",                                    | body is not JSON",
        "[1, 2]                                                      | body must be a JSON object, not an array",
        "\"text\"                                                    | body must be a JSON object, not a string",
        "{\"namespace\": \"SMS\", \"payload\": {}}                   | eventType is missing",
        "{namespace: \"SMS\", \"eventType\": \"x\"}                    | body is not JSON",
        "{\"namespace\": \"SMS\", \"eventType\": \"x\"} // comment       | body is not JSON",
        "{\"namespace\": \"SMS\", \"eventType\": \"x\"} {}             | body is not JSON",
        "{\"eventType\": \"inboundMessage\", \"channel\": \"line\"}      | umid is missing",
        "{\"namespace\": \"SMS\", \"eventType\": \"inbound_message_received\"} | payload is missing",
        "{\"namespace\": \"SMS\", \"eventType\": \"inbound_message_received\", \"payload\": [1]} "
                + "| payload must be an object, not an array",
        "{\"namespace\": \"SMS\", \"eventType\": \"inbound_message_received\", \"payload\": {}} | payload.umid is missing",
        "{\"namespace\": \"SMS\", \"eventType\": \"outbound_message_status_changed\", \"payload\": {\"umid\": {}}} "
                + "| payload.umid must be a string, not an object",
        "{\"namespace\": \"SMS\", \"eventType\": \"outbound_message_status_changed\", \"payload\": {\"umid\": \"u\"}} "
                + "| payload.status is missing",
        "{\"namespace\": \"SMS\", \"eventType\": \"outbound_message_status_changed\", "
                + "\"payload\": {\"umid\": \"u\", \"status\": {\"detail\": \"x\"}}} | payload.status.state is missing",
    })
    void rejectsBadBodyNamingTheProblem(String body, String expectedMessage) {
        WebhookParseException e = assertThrows(WebhookParseException.class, () -> WebhookParser.parse(body));
        assertTrue(e.getMessage().startsWith(expectedMessage), e.getMessage());
    }

    @Test
    void readsAbsurdlyLongOrScaledNumbersAsAbsent() {
        // Numbers may come as strings, which Gson does not bound: a million digits took new BigDecimal 20 s of CPU
        // per request, and 1e999999999 is a heap bomb for toPlainString().
        SmsDeliveryReceipt receipt = (SmsDeliveryReceipt) receipt("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u", "status": {"state": "delivered", "errorCode": "%s"},
                             "price": {"total": "%s", "perSms": 1e999999999, "currency": "USD"}, "smsCount": 2}}
                """.formatted("1".repeat(1_000), "1".repeat(1_000)));

        assertEquals(new Price(null, null, "USD"), receipt.price());
        assertNull(receipt.status().errorCode());
        assertEquals(2, receipt.smsCount());
        assertEquals(new BigDecimal("-12.5e-3"), ((SmsDeliveryReceipt) receipt("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u", "status": {"state": "delivered"}, "price": {"total": "-12.5e-3"}}}
                """)).price().total(), "an ordinary number still reads");
    }

    @Test
    void masksNumbersAndTextInToString() {
        String receipt = WebhookParser.parse(WebhookSamples.CHAT_APPS_RECEIPT_V9).toString();
        String sms = WebhookParser.parse(WebhookSamples.SMS_INBOUND).toString();
        String chat = WebhookParser.parse(WebhookSamples.CHAT_APPS_INBOUND_TEXT).toString();
        assertFalse(receipt.contains("12345678"), receipt);
        assertTrue(receipt.contains("msisdn=" + Masking.maskPhone("+6512345678")), receipt);
        assertFalse(sms.contains("81968289") || sms.contains("Test MO message"), sms);
        assertTrue(sms.contains("<15 chars>"), sms);
        assertFalse(chat.contains("2025550023") || chat.contains("Test message"), chat);
    }

    @Test
    void mapsKnownStatesIgnoringCaseAndToleratesNull() {
        assertEquals(DeliveryState.DELIVERED, DeliveryState.of(" Delivered "));
        assertEquals(DeliveryState.UNKNOWN, DeliveryState.of(null));
        assertEquals(DeliveryState.UNKNOWN, DeliveryState.of("unknown"));
        assertTrue(DeliveryState.READ.isFinal());
        assertFalse(DeliveryState.DELIVERED.isFinal());
    }

    @Test
    void anSmsEndsAtDeliveredWhileAChatMessageMayStillBeRead() {
        DeliveryReceipt sms = receipt("""
                {"namespace": "SMS", "eventType": "outbound_message_status_changed",
                 "payload": {"umid": "u-s", "status": {"state": "delivered"}}}""");
        DeliveryReceipt chat = receipt("""
                {"namespace": "ChatApps", "eventType": "outbound_message_status_changed", "version": 9,
                 "payload": {"umid": "u-c", "status": {"state": "delivered"}}}""");
        DeliveryReceipt read = receipt("""
                {"namespace": "ChatApps", "eventType": "outbound_message_status_changed", "version": 9,
                 "payload": {"umid": "u-c", "status": {"state": "read"}}}""");

        assertTrue(sms.isFinal());
        assertFalse(chat.isFinal());
        assertTrue(read.isFinal());
    }
}
