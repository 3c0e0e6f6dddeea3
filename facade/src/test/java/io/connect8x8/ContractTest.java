package io.connect8x8;

import static io.connect8x8.Fixtures.at;
import static io.connect8x8.WireAssert.assertJson;
import static io.connect8x8.WireAssert.spelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Location;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.chatapps.TemplateHeader;
import io.connect8x8.generated.messaging.model.ContentType;
import io.connect8x8.internal.SpecEnums;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsEncoding;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of request the facade builds, captured off the wire, validated with zero findings against the
 * documents of the spec set the build used, and compared as a JSON tree (member order does not matter). Enum
 * spellings in the expected JSON are written {@code @Type.CONSTANT@} and read from the generated enums of the set in
 * use, so the same test passes with either set. Fields the guides' SMS document lacks ({@code clientMessageId},
 * {@code dlrCallbackUrl}, {@code country}) are additional properties, which the documents allow.
 */
class ContractTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).clock(Fixtures.CLOCK).idGenerator(() -> "id-1").build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private String sms(Sms sms) throws InterruptedException {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        client.sms().send(sms);
        return conforming(SpecValidator.SMS, "/api/v1/subaccounts/acme.sub_1/messages");
    }

    private String smsBatch(SmsBatch batch) throws InterruptedException {
        server.enqueue(Fixtures.ok(Fixtures.SMS_BATCH_OK));
        client.sms().sendBatch(batch);
        return conforming(SpecValidator.SMS, "/api/v1/subaccounts/acme.sub_1/messages/batch");
    }

    private String chat(ChatMessage message) throws InterruptedException {
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));
        client.chatApps().send(message);
        return conforming(SpecValidator.CHAT_APPS, "/api/v1/subaccounts/acme.sub_1/messages");
    }

    /** Takes the request, checks its path and that the validator finds no error; returns the body. */
    private String conforming(SpecValidator spec, String path) throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        String body = request.getBody().readUtf8();
        assertEquals(path, request.getPath());
        assertEquals(List.of(), spec.errors(request, body), body);
        return body;
    }

    private static JsonObject parse(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    @Test
    void smsWithEveryFieldConformsAndIsExact() throws Exception {
        String body = sms(Sms.builder().to("91234567").country("sg").text("Your code is 1234").from("8x8")
                .encoding(SmsEncoding.UCS2).clientMessageId("order-42").dlrCallbackUrl("https://example.com/dlr")
                .scheduled(at(Duration.ofHours(1))).expiry(at(Duration.ofHours(2))).build());

        assertJson("{\"destination\":\"+6591234567\",\"text\":\"Your code is 1234\",\"source\":\"8x8\","
                + "\"encoding\":\"@SmsEncoding.UCS2@\",\"scheduled\":\"2026-03-01T11:00:00Z\",\"expiry\":\"2026-03-01T12:00:00Z\","
                + "\"country\":\"SG\",\"clientMessageId\":\"order-42\","
                + "\"dlrCallbackUrl\":\"https://example.com/dlr\"}", body);
    }

    @Test
    void smsWithOnlyRequiredFieldsGetsAGeneratedClientMessageId() throws Exception {
        String body = sms(Sms.builder().to("+6512345678").text("Hi").build());

        assertJson("{\"destination\":\"+6512345678\",\"text\":\"Hi\",\"clientMessageId\":\"id-1\"}", body);
    }

    @Test
    void smsBatchOfMessagesWithTemplateConformsAndIsExact() throws Exception {
        String body = smsBatch(SmsBatch.builder()
                .template(Sms.builder().from("8x8").text("Your parcel is on its way")
                        .encoding(SmsEncoding.GSM7).scheduled(at(Duration.ofMinutes(30)))
                        .expiry(at(Duration.ofHours(5))).build())
                .addMessage(Sms.builder().to("+6512345678").text("Jane, yours is on its way").build())
                .addMessage(Sms.builder().to("+6587654321").text("Yours is delayed").clientMessageId("m-2").build())
                .clientBatchId("batch-7").includeMessagesInResponse(true)
                .build());

        assertJson("{\"clientBatchId\":\"batch-7\",\"messages\":["
                + "{\"destination\":\"+6512345678\",\"text\":\"Jane, yours is on its way\",\"clientMessageId\":\"id-1\"},"
                + "{\"destination\":\"+6587654321\",\"text\":\"Yours is delayed\",\"clientMessageId\":\"m-2\"}],"
                + "\"template\":{\"source\":\"8x8\",\"text\":\"Your parcel is on its way\",\"encoding\":\"GSM7\","
                + "\"scheduled\":\"2026-03-01T10:30:00Z\",\"expiry\":\"2026-03-01T15:00:00Z\"},"
                + "\"includeMessagesInResponse\":true}", body);
    }

    /** A message may leave its text to the template: it is sent with the template's text, as the documents require. */
    @Test
    void smsBatchMessageWithoutTextGetsTheTemplatesTextAndConforms() throws Exception {
        String body = smsBatch(SmsBatch.builder()
                .template(Sms.builder().text("Your parcel is on its way").build())
                .addMessage(Sms.builder().to("+6512345678").build())
                .addMessage(Sms.builder().to("+6587654321").text("Own text").build())
                .build());

        assertJson("{\"clientBatchId\":\"id-1\",\"messages\":["
                + "{\"destination\":\"+6512345678\",\"text\":\"Your parcel is on its way\",\"clientMessageId\":\"id-1\"},"
                + "{\"destination\":\"+6587654321\",\"text\":\"Own text\",\"clientMessageId\":\"id-1\"}],"
                + "\"template\":{\"text\":\"Your parcel is on its way\"}}", body);
    }

    /** One text to many numbers goes out as {@code messages} (both documents require it), each with an id. */
    @Test
    void smsBatchToManyNumbersWithOneTextIsSentAsMessagesAndConforms() throws Exception {
        String body = smsBatch(SmsBatch.builder()
                .template(Sms.builder().text("Sale today").from("Shop").build())
                .addDestination("+6512345678").addDestination("+6587654321")
                .build());

        assertJson("{\"clientBatchId\":\"id-1\",\"messages\":["
                + "{\"destination\":\"+6512345678\",\"text\":\"Sale today\",\"clientMessageId\":\"id-1\"},"
                + "{\"destination\":\"+6587654321\",\"text\":\"Sale today\",\"clientMessageId\":\"id-1\"}],"
                + "\"template\":{\"source\":\"Shop\",\"text\":\"Sale today\"}}", body);
    }

    /** A field the facade does not model goes out through the builder's one documented way, beside the rest. */
    @Test
    void extraFieldsGoOutBesideTheModelledOnes() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        client.sms().send(Sms.builder().to("+6512345678").text("Hi").extra("track", "Outcome").build());

        RecordedRequest request = server.takeRequest();
        String body = request.getBody().readUtf8();
        assertJson("{\"destination\":\"+6512345678\",\"text\":\"Hi\",\"clientMessageId\":\"id-1\","
                + "\"track\":\"Outcome\"}", body);
    }

    @Test
    void chatTextConformsAndSendsNoEmptyLists() throws Exception {
        String body = chat(ChatMessage.builder().to("+6512345678").text("Hello").build());

        assertJson("{\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":\"id-1\",\"type\":\"@ContentType.TEXT@\","
                + "\"content\":{\"text\":\"Hello\"}}", body);
        assertFalse(body.contains("[]"), body);
    }

    @Test
    void chatImageWithCaptionConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .content(ChatContent.image("https://example.com/a.png", "A cat")).build()));

        assertEquals(spelling("ContentType", "IMAGE"), json.get("type").getAsString());
        assertJson("{\"text\":\"A cat\",\"url\":\"https://example.com/a.png\"}", json.get("content").toString());
    }

    @Test
    void chatAudioConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .content(ChatContent.audio("https://example.com/a.ogg")).build()));

        assertEquals(spelling("ContentType", "AUDIO"), json.get("type").getAsString());
        assertJson("{\"url\":\"https://example.com/a.ogg\"}", json.get("content").toString());
    }

    @Test
    void chatVideoConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .content(ChatContent.video("https://example.com/v.mp4", "Clip")).build()));

        assertEquals(spelling("ContentType", "VIDEO"), json.get("type").getAsString());
        assertJson("{\"text\":\"Clip\",\"url\":\"https://example.com/v.mp4\"}", json.get("content").toString());
    }

    @Test
    void chatFileConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .content(ChatContent.file("https://example.com/invoice.pdf", null)).build()));

        assertEquals(spelling("ContentType", "FILE"), json.get("type").getAsString());
        assertJson("{\"url\":\"https://example.com/invoice.pdf\"}", json.get("content").toString());
    }

    @Test
    void chatLocationConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .content(ChatContent.location(new Location(1.2834, 103.8607, "Marina Bay", "10 Bayfront Ave")))
                .build()));

        assertEquals(spelling("ContentType", "LOCATION"), json.get("type").getAsString());
        assertJson("{\"location\":{\"latitude\":1.2834,\"longitude\":103.8607,\"name\":\"Marina Bay\","
                + "\"address\":\"10 Bayfront Ave\"}}", json.get("content").toString());
    }

    @Test
    void templateWithTextHeaderBodyAndEveryButtonKindConformsAndIsExact() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .template(Template.builder("order_update", "en_US")
                        .header(TemplateHeader.text("Order 1042"))
                        .addBodyParameter("Jane").addBodyParameter("#1042")
                        .addButton(TemplateButton.url(0, "track/1042"))
                        .addButton(TemplateButton.quickReply(1, "stop-1042"))
                        .addButton(TemplateButton.copyCode(2, "SAVE10"))
                        .build())
                .build()));

        assertEquals(spelling("ContentType", "TEMPLATE"), json.get("type").getAsString());
        assertJson("{\"template\":{\"name\":\"order_update\",\"language\":\"en_US\",\"components\":["
                + "{\"type\":\"@ComponentType.HEADER@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"Order 1042\"}]},"
                + "{\"type\":\"@ComponentType.BODY@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"Jane\"},"
                + "{\"type\":\"@ParameterType.TEXT@\",\"text\":\"#1042\"}]},"
                + "{\"type\":\"@ComponentType.BUTTON@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"track/1042\"}],\"index\":0,"
                + "\"subType\":\"@ButtonSubType.URL@\"},"
                + "{\"type\":\"@ComponentType.BUTTON@\",\"parameters\":[{\"type\":\"@ParameterType.PAYLOAD@\",\"payload\":\"stop-1042\"}],"
                + "\"index\":1,\"subType\":\"@ButtonSubType.QUICK_REPLY@\"},"
                + "{\"type\":\"@ComponentType.BUTTON@\",\"parameters\":[{\"type\":\"@ParameterType.COUPON_CODE@\",\"couponCode\":\"SAVE10\"}],"
                + "\"index\":2,\"subType\":\"@ButtonSubType.COPY_CODE@\"}]}}", json.get("content").toString());
    }

    @Test
    void templateWithImageHeaderConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .template(Template.builder("promo", "en").header(TemplateHeader.image("https://example.com/i.png"))
                        .build()).build()));

        assertJson("{\"type\":\"@ComponentType.HEADER@\",\"parameters\":[{\"type\":\"@ParameterType.IMAGE@\",\"url\":\"https://example.com/i.png\"}]}",
                json.getAsJsonObject("content").getAsJsonObject("template").getAsJsonArray("components").get(0));
    }

    @Test
    void templateWithVideoHeaderConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .template(Template.builder("promo", "en").header(TemplateHeader.video("https://example.com/v.mp4"))
                        .build()).build()));

        assertJson("{\"type\":\"@ComponentType.HEADER@\",\"parameters\":[{\"type\":\"@ParameterType.VIDEO@\",\"url\":\"https://example.com/v.mp4\"}]}",
                json.getAsJsonObject("content").getAsJsonObject("template").getAsJsonArray("components").get(0));
    }

    @Test
    void templateWithDocumentHeaderConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .template(Template.builder("invoice", "en_GB")
                        .header(TemplateHeader.document("https://example.com/i.pdf")).build()).build()));

        assertJson("{\"type\":\"@ComponentType.HEADER@\",\"parameters\":[{\"type\":\"@ParameterType.DOCUMENT@\","
                + "\"url\":\"https://example.com/i.pdf\"}]}",
                json.getAsJsonObject("content").getAsJsonObject("template").getAsJsonArray("components").get(0));
    }

    @Test
    void templateWithLocationHeaderConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .template(Template.builder("pickup_point", "en")
                        .header(TemplateHeader.location(new Location(-33.8568, 151.2153, null, null))).build()).build()));

        assertJson("{\"type\":\"@ComponentType.HEADER@\",\"parameters\":[{\"type\":\"@ParameterType.LOCATION@\","
                + "\"location\":{\"latitude\":-33.8568,\"longitude\":151.2153}}]}",
                json.getAsJsonObject("content").getAsJsonObject("template").getAsJsonArray("components").get(0));
    }

    @Test
    void authenticationTemplateConformsWithCodeInBodyAndUrlButton() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("+6512345678")
                .template(Template.authentication("otp_login", "en_US", "482913")).build()));

        assertJson("{\"template\":{\"name\":\"otp_login\",\"language\":\"en_US\",\"components\":["
                + "{\"type\":\"@ComponentType.BODY@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"482913\"}]},"
                + "{\"type\":\"@ComponentType.BUTTON@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"482913\"}],\"index\":0,"
                + "\"subType\":\"@ButtonSubType.URL@\"}]}}", json.get("content").toString());
    }

    @Test
    void channelFallbackWithSmsSettingsAndTimesConformsAndIsExact() throws Exception {
        String body = chat(ChatMessage.builder().to("+6512345678").text("Your order shipped")
                .addChannel(ChannelFallback.of("WhatsApp").after(Duration.ofSeconds(60))
                        .withSuccessStatus("Delivered"))
                .addChannel(ChannelFallback.of("SMS"))
                .fallbackText("Your order shipped (SMS)")
                .smsFallback("GSM7", "Shop")
                .scheduled(at(Duration.ofMinutes(10))).expiry(at(Duration.ofHours(1)))
                .dlrCallbackUrl("https://example.com/dlr").clientMessageId("order-42")
                .build());

        assertJson("{\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":\"order-42\",\"type\":\"@ContentType.TEXT@\","
                + "\"content\":{\"text\":\"Your order shipped\",\"fallbackText\":\"Your order shipped (SMS)\","
                + "\"sms\":{\"encoding\":\"GSM7\",\"source\":\"Shop\"}},"
                + "\"scheduled\":\"2026-03-01T10:10:00Z\",\"expiry\":\"2026-03-01T11:00:00Z\","
                + "\"dlrCallbackUrl\":\"https://example.com/dlr\",\"channels\":["
                + "{\"channel\":\"@ChannelType.WHATSAPP@\",\"fallbackAfter\":60,\"successStatus\":\"@SuccessStatus.DELIVERED@\"},"
                + "{\"channel\":\"@ChannelType.SMS@\"}]}", body);
    }

    @Test
    void nationalChatRecipientSendsCountryAndConforms() throws Exception {
        JsonObject json = parse(chat(ChatMessage.builder().to("91234567").country("SG").text("Hi").build()));

        assertJson("{\"msisdn\":\"+6591234567\",\"country\":\"SG\"}", json.get("user"));
    }

    @Test
    void chatBatchConformsAndIsExact() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.CHAT_BATCH_OK));
        client.chatApps().sendBatch(ChatBatch.builder()
                .addMessage(ChatMessage.builder().to("+6512345678").text("One").build())
                .addMessage(ChatMessage.builder().to("+6587654321").template(
                        Template.authentication("otp_login", "en_US", "123456")).clientMessageId("m-2").build())
                .clientBatchId("campaign-2026-03").includeMessagesInResponse(true)
                .build());

        String body = conforming(SpecValidator.CHAT_APPS, "/api/v1/subaccounts/acme.sub_1/messages/batch");
        assertJson("{\"clientBatchId\":\"campaign-2026-03\",\"messages\":["
                + "{\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":\"id-1\",\"type\":\"@ContentType.TEXT@\","
                + "\"content\":{\"text\":\"One\"}},"
                + "{\"user\":{\"msisdn\":\"+6587654321\"},\"clientMessageId\":\"m-2\",\"type\":\"@ContentType.TEMPLATE@\","
                + "\"content\":{\"template\":{\"name\":\"otp_login\",\"language\":\"en_US\",\"components\":["
                + "{\"type\":\"@ComponentType.BODY@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"123456\"}]},"
                + "{\"type\":\"@ComponentType.BUTTON@\",\"parameters\":[{\"type\":\"@ParameterType.TEXT@\",\"text\":\"123456\"}],\"index\":0,"
                + "\"subType\":\"@ButtonSubType.URL@\"}]}}}],\"includeMessagesInResponse\":true}", body);
    }

    /**
     * Interactive content: sent and conforming when the spec in use has the content type (8x8's complete document),
     * refused before any I/O, naming the field, when it has not (the guides' document).
     */
    @Test
    void interactiveContentConformsOrIsRefusedBeforeSending() throws Exception {
        JsonObject interactive = parse("{\"type\":\"button\",\"body\":{\"text\":\"Pick one\"},"
                + "\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"y\",\"title\":\"Yes\"}}]}}");
        ChatMessage message = ChatMessage.builder().to("+6512345678").content(ChatContent.interactive(interactive))
                .build();
        if (SpecEnums.find(ContentType.class, "INTERACTIVE") == null) {
            ValidationException e = assertThrows(ValidationException.class, () -> client.chatApps().send(message));
            assertEquals("type", e.field());
            assertEquals(0, server.getRequestCount());
            return;
        }
        JsonObject json = parse(chat(message));
        assertEquals(spelling("ContentType", "INTERACTIVE"), json.get("type").getAsString());
        assertEquals(interactive, json.getAsJsonObject("content").get("interactive"));
    }
}
