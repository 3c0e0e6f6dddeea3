package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every webhook body 8x8 documents (test resources {@code webhooks/documented/}, see SOURCE.md there) parses to the
 * typed event its {@code eventType} names, or to {@link WebhookEvent.Other}: never an exception.
 */
class DocumentedWebhookShapesTest {

    static List<Path> documentedBodies() throws IOException, URISyntaxException {
        Path dir = Path.of(DocumentedWebhookShapesTest.class.getResource("/webhooks/documented").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> bodies = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(bodies.size() >= 60, "the documented samples are on the test class path: " + bodies.size());
            return bodies;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedBodies")
    void parsesEveryDocumentedBodyToItsType(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        JsonObject json = JsonParser.parseString(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .getAsJsonObject();
        String eventType = json.get("eventType").getAsString();

        WebhookEvent event = WebhookParser.parse(body);

        switch (eventType) {
            case "outbound_message_status_changed" -> {
                DeliveryReceipt receipt = assertInstanceOf(WebhookEvent.Receipt.class, event).receipt();
                JsonObject payload = json.getAsJsonObject("payload");
                assertEquals(payload.get("umid").getAsString(), receipt.umid());
                assertEquals(payload.getAsJsonObject("status").get("state").getAsString(), receipt.state());
            }
            case "inbound_message_received", "inboundMessage" -> {
                InboundMessage message = assertInstanceOf(WebhookEvent.Inbound.class, event).message();
                JsonObject fields = json.has("payload") ? json.getAsJsonObject("payload") : json;
                assertEquals(fields.get("umid").getAsString(), message.umid());
            }
            default -> {
                WebhookEvent.Other other = assertInstanceOf(WebhookEvent.Other.class, event);
                assertEquals(eventType, other.envelope().eventType());
                // An enveloped event's payload object; a flat event's whole body.
                assertEquals(json.has("namespace") ? json.getAsJsonObject("payload") : json,
                        other.payload().asJsonObject());
            }
        }
    }

    @Test
    void readsLinesFlatInboundLocation() {
        ChatAppsInboundMessage message = chatInbound("usage-samples-line-6.json");

        assertEquals("46d27247-ecda-4bdd-8b17-b46d00575299", message.umid());
        assertEquals("line", message.channel());
        assertEquals("7ee31a3f-9ed7-49f6-800f-a697e687553f", message.channelId());
        assertEquals(new ChatAppsUser(null, "Ua12b345678c1de0fg1a1234567891011", null, null), message.user());
        assertEquals(Instant.parse("2026-06-18T05:17:55.35Z"), message.timestamp());
        assertEquals(new InboundContent("Location", null, null, null, new BigDecimal("1.289563"),
                new BigDecimal("103.846375"), "Clarke Quay Riverside", "Clarke Quay, 179019", null),
                message.content());
        assertNull(message.senderNumber());
        assertEquals(WebhookEnvelope.CHAT_APPS, message.namespace());
    }

    @Test
    void readsLinesFlatInboundText() {
        WebhookEvent.Inbound event = assertInstanceOf(WebhookEvent.Inbound.class, parse("usage-samples-line-1.json"));

        assertEquals(new WebhookEnvelope(null, "inboundMessage", null, 1), event.envelope());
        ChatAppsInboundMessage message = (ChatAppsInboundMessage) event.message();
        assertEquals("Hello from LINE", message.content().text());
        assertEquals("Text", message.content().type());
        assertEquals("yourSubAccountId", message.subAccountId());
    }

    @Test
    void readsWhatsAppFlowAndCallPermissionReplies() {
        InboundInteractive flow = chatInbound("inbound-chatapps-message-3.json").content().interactive();
        assertEquals("nfmReply", flow.type());
        assertTrue(flow.flowResponseJson().startsWith("{\"flow_token\""), flow.flowResponseJson());

        InboundInteractive call = chatInbound("inbound-chatapps-message-4.json").content().interactive();
        assertEquals(new InboundInteractive("callPermissionReply", null, null, null, null,
                new InboundInteractive.CallPermission("accept", false, Instant.parse("2026-01-23T06:51:55Z"),
                        "user_action")), call);
    }

    @Test
    void readsVersion3UserFields() {
        ChatAppsUser user = chatInbound("inbound-chatapps-message-1.json").user();

        assertEquals(new ChatAppsUser("user_phone_number", "whatsapp_bsuid", "whatsapp_user_profile_name",
                "whatsapp_username"), user);
    }

    @Test
    void givesOtherForFlatAccountEvents() {
        WebhookEvent.Other other = assertInstanceOf(WebhookEvent.Other.class,
                parse("whatsapp-account-update-webhook-1.json"));

        assertEquals(new WebhookEnvelope(null, "account_update", null, null), other.envelope());
        assertEquals(Optional.of("FAILED"),
                other.payload().string("eventDetails", "businessVerificationInfo", "verificationStatus"));
    }

    @Test
    void givesOtherEventsTheirPayloadWithoutShowingItInToString() {
        WebhookEvent.Other external = assertInstanceOf(WebhookEvent.Other.class,
                parse("delivery-receipts-for-outbound-chatapps-12.json"));
        WebhookEvent.Other click = assertInstanceOf(WebhookEvent.Other.class, parse("short-url-clicks-1.json"));

        assertEquals(new WebhookEnvelope("ChatApps", "external_app_message", "External App Message", null),
                external.envelope());
        assertEquals(JsonParser.parseString("""
                {"umid": "unique_message_id", "subAccountId": "subaccount_id", "timestamp": "2026-01-28T09:16:53.00Z",
                 "channel": "whatsapp", "user": {"msisdn": "user_phone_number", "channelUserId": "user_phone_number"},
                 "type": "Text",
                 "content": {"text": "Here's the info you requested! https://www.meta.com/quest/quest-3/"}}
                """), external.payload().asJsonObject());
        assertEquals(Optional.of("+12025550293"), click.payload().string("destination"));
        assertEquals("Other[envelope=WebhookEnvelope[namespace=SMS, eventType=short_url_clicked, "
                + "description=Short URL from SMS clicked, version=null], payload=<hidden>]", click.toString());
        assertEquals("Other[envelope=WebhookEnvelope[namespace=Voice, eventType=call_action, description=null, "
                + "version=null], payload={}]", WebhookParser.parse("""
                        {"namespace": "Voice", "eventType": "call_action", "payload": [1]}""").toString());
    }

    private static ChatAppsInboundMessage chatInbound(String name) {
        return (ChatAppsInboundMessage) assertInstanceOf(WebhookEvent.Inbound.class, parse(name)).message();
    }

    private static WebhookEvent parse(String name) {
        try (var in = DocumentedWebhookShapesTest.class.getResourceAsStream("/webhooks/documented/" + name)) {
            return WebhookParser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
