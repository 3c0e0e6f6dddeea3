package io.connect8x8;

import static io.connect8x8.WireAssert.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.generated.messaging.model.ButtonSubType;
import io.connect8x8.generated.messaging.model.ChannelType;
import io.connect8x8.generated.messaging.model.ContentType;
import io.connect8x8.internal.SpecEnums;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enum-valued request fields are open: a value given by name is sent when the generated enum of the spec set in use
 * has it, whatever the facade's own enums list, with the spec's spelling and in any casing of the caller's. This is
 * what makes an additive spec update (8x8 adds a channel or a content type) reachable with a rebuild and no facade
 * release. Every value is read from the generated enums by reflection, so the values the facade's own enums lack are
 * sent too: with 8x8's complete documents ({@code -Dspecs=published}) the content types {@code carousel} and
 * {@code richCard} and the button sub-types {@code Flow} and {@code VoiceCall}; the guides' documents have none
 * until a document adds one (a {@code Telegram} channel added to the guides' document is sent by the first test).
 */
class OpenEnumValuesTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void everyValueOfTheSpecInUseIsSentByNameWithTheSpecsSpelling() throws Exception {
        List<String> sent = new ArrayList<>();
        for (String channel : SpecEnums.allowed(ChannelType.class)) {
            JsonObject body = sendChat(ChatMessage.builder().to("+6512345678").text("Hi")
                    .addChannel(ChannelFallback.of(otherCasing(channel))));
            assertJson("[{\"channel\":\"" + channel + "\"}]", body.get("channels"));
            sent.add(channel);
        }
        for (String status : SpecEnums.allowed(io.connect8x8.generated.messaging.model.SuccessStatus.class)) {
            JsonObject body = sendChat(ChatMessage.builder().to("+6512345678").text("Hi")
                    .addChannel(ChannelFallback.of("WhatsApp").withSuccessStatus(otherCasing(status))));
            assertJson("[{\"channel\":\"@ChannelType.WHATSAPP@\",\"successStatus\":\"" + status + "\"}]",
                    body.get("channels"));
            sent.add(status);
        }
        for (String encoding : SpecEnums.allowed(io.connect8x8.generated.sms.model.SmsEncoding.class)) {
            JsonObject body = sendSms(Sms.builder().to("+6512345678").text("Hi").encoding(otherCasing(encoding)));
            assertJson("\"" + encoding + "\"", body.get("encoding"));
            sent.add(encoding);
        }
        // Content types and button sub-types the facade has a factory for are sent by those (ContractTest).
        List<String> lackedTypes = lackedByFacade(ContentType.class, name -> refused(() -> ChatContent.ofType(name,
                new JsonObject())));
        for (String type : lackedTypes) {
            JsonObject fields = JsonParser.parseString("{\"" + type + "\":{\"title\":\"New\"}}").getAsJsonObject();
            JsonObject body = sendChat(ChatMessage.builder().to("+6512345678")
                    .content(ChatContent.ofType(otherCasing(type), fields)));
            assertJson("\"" + type + "\"", body.get("type"));
            assertJson(fields.toString(), body.get("content"));
            sent.add(type);
        }
        List<String> lackedSubTypes = lackedByFacade(ButtonSubType.class, name -> refused(() -> new TemplateButton(
                name, 0, JsonParser.parseString("{\"type\":\"text\"}").getAsJsonObject())));
        for (String subType : lackedSubTypes) {
            String text = WireAssert.spelling("ParameterType", "TEXT");
            JsonObject body = sendChat(ChatMessage.builder().to("+6512345678").template(Template.builder("t", "en")
                    .addButton(new TemplateButton(otherCasing(subType), 2, JsonParser.parseString(
                            "{\"type\":\"" + otherCasing(text) + "\",\"text\":\"x\"}").getAsJsonObject())).build()));
            assertJson("[{\"type\":\"@ComponentType.BUTTON@\",\"subType\":\"" + subType + "\",\"index\":2,"
                    + "\"parameters\":[{\"type\":\"" + text + "\",\"text\":\"x\"}]}]",
                    body.getAsJsonObject("content").getAsJsonObject("template").get("components"));
            sent.add(subType);
        }
        // The values the facade has no factory for are exactly what 8x8's complete documents add: the loops above
        // run over them there, and over none with the guides' documents.
        boolean published = specSet().equals("published");
        assertEquals(published ? List.of("carousel", "richCard") : List.of(), lackedTypes);
        assertEquals(published ? List.of("Flow", "VoiceCall") : List.of(), lackedSubTypes);
        assertTrue(sent.size() >= 8 + (published ? 4 : 0), "sent " + sent + " with spec set " + specSet());
        assertEquals(sent.size(), server.getRequestCount(), "one request per value");
    }

    @Test
    void everyCasingOfAValueIsSentWithTheSpecsSpelling() throws Exception {
        for (List<String> given : List.of(List.of("whatsapp", "delivered", "sms"),
                List.of("WHATSAPP", "DELIVERED", "SMS"), List.of("WhatsApp", "Delivered", "Sms"))) {
            JsonObject body = sendChat(ChatMessage.builder().to("+6512345678").text("Hi")
                    .addChannel(ChannelFallback.of(given.get(0)).withSuccessStatus(given.get(1)))
                    .addChannel(ChannelFallback.of(given.get(2)))
                    .fallbackText("Hi"));
            assertJson("[{\"channel\":\"@ChannelType.WHATSAPP@\",\"successStatus\":\"@SuccessStatus.DELIVERED@\"},"
                    + "{\"channel\":\"@ChannelType.SMS@\"}]", body.get("channels"));
        }
        for (String given : List.of("ucs2", "UCS2", "Ucs2")) {
            assertJson("\"@SmsEncoding.UCS2@\"",
                    sendSms(Sms.builder().to("+6512345678").text("Hi").encoding(given)).get("encoding"));
        }
    }

    @Test
    void everySpellingOfANameSendsTheSameRequest() throws Exception {
        JsonObject byConstant = sendChat(ChatMessage.builder().to("+6512345678").text("Hi").clientMessageId("m-1")
                .addChannel(ChannelFallback.of("GOOGLE_RCS").withSuccessStatus("READ"))
                .addChannel(ChannelFallback.of("SMS")).smsFallback("GSM7", "Shop"));
        // "rcs" is Google RCS in both sets (GoogleRCS in the guides' document, RCS in the complete one).
        JsonObject byName = sendChat(ChatMessage.builder().to("+6512345678").text("Hi").clientMessageId("m-1")
                .addChannel(ChannelFallback.of("rcs").withSuccessStatus("read"))
                .addChannel(ChannelFallback.of("sms")).smsFallback("gsm7", "Shop"));

        assertEquals(byConstant, byName);
        String rcs = SpecEnums.allowed(ChannelType.class).stream().filter(v -> v.contains("RCS")).findFirst()
                .orElseThrow();
        assertJson("[{\"channel\":\"" + rcs + "\",\"successStatus\":\"@SuccessStatus.READ@\"},"
                + "{\"channel\":\"@ChannelType.SMS@\"}]", byName.get("channels"));
        assertJson("{\"text\":\"Hi\",\"sms\":{\"encoding\":\"@SmsEncoding.GSM7@\",\"source\":\"Shop\"}}",
                byName.get("content"));
    }

    @Test
    void aValueTheSpecInUseLacksIsRefusedBeforeAnyIo() {
        ValidationException channel = assertThrows(ValidationException.class, () -> client.chatApps().send(
                ChatMessage.builder().to("+6512345678").text("Hi").addChannel(ChannelFallback.of("WhatsApp"))
                        .addChannel(ChannelFallback.of("NoSuchChannel")).build()));
        assertEquals("channels[1].channel", channel.field());
        assertTrue(channel.problem().contains("'NoSuchChannel' is not a value the API document in use allows")
                && channel.problem().contains(WireAssert.spelling("ChannelType", "WHATSAPP")), channel.problem());

        ValidationException status = assertThrows(ValidationException.class, () -> client.chatApps().send(
                ChatMessage.builder().to("+6512345678").text("Hi")
                        .addChannel(ChannelFallback.of("viber").withSuccessStatus("NoSuchStatus")).build()));
        assertEquals("channels[0].successStatus", status.field());

        ValidationException type = assertThrows(ValidationException.class, () -> client.chatApps().send(
                ChatMessage.builder().to("+6512345678").content(ChatContent.ofType("noSuchType", new JsonObject()))
                        .build()));
        assertEquals("type", type.field());
        assertTrue(type.problem().contains(WireAssert.spelling("ContentType", "TEXT")), type.problem());

        ValidationException subType = assertThrows(ValidationException.class, () -> client.chatApps().send(
                ChatMessage.builder().to("+6512345678").template(Template.builder("t", "en").addButton(
                        new TemplateButton("NoSuchSubType", 0, JsonParser.parseString("{\"type\":\"text\"}")
                                .getAsJsonObject())).build()).build()));
        assertEquals("content.template.components.subType", subType.field());

        ValidationException encoding = assertThrows(ValidationException.class, () -> client.sms().send(
                Sms.builder().to("+6512345678").text("Hi").encoding("NoSuchEncoding").build()));
        assertEquals("encoding", encoding.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void accessorsGiveTheNameAsGiven() {
        ChannelFallback telegram = ChannelFallback.of("Telegram").withSuccessStatus("Seen");
        assertEquals("Telegram", telegram.channel());
        assertEquals("Seen", telegram.successStatus());
        assertEquals("google-rcs", ChannelFallback.of(" google-rcs ").channel());

        Sms sms = Sms.builder().text("Hi").encoding("ucs2").build();
        assertEquals(Optional.of(SmsEncoding.UCS2), sms.encoding());
        assertEquals(Optional.of("ucs2"), sms.encodingAsString());
        assertEquals(Optional.of(SmsEncoding.UNKNOWN), Sms.builder().text("Hi").encoding("Binary").build().encoding());

        assertEquals("richCard", ChatContent.ofType("richCard", new JsonObject()).type());
        assertEquals("TEXT", ChatMessage.builder().to("+6512345678").text("Hi").build().content().type());

        assertEquals("Flow", new TemplateButton("Flow", 0, JsonParser.parseString("{\"type\":\"action\"}")
                .getAsJsonObject()).subType());
        assertEquals("QUICK_REPLY", TemplateButton.quickReply(0, "p").subType());
    }

    @Test
    void theCheckedFieldsCannotBeLeftOut() {
        assertEquals("channels.channel",
                assertThrows(ValidationException.class, () -> ChannelFallback.of(null)).field());
        assertEquals("channels.successStatus", assertThrows(ValidationException.class,
                () -> ChannelFallback.of("SMS").withSuccessStatus(" ")).field());
        assertEquals("encoding", assertThrows(ValidationException.class,
                () -> Sms.builder().encoding(SmsEncoding.UNKNOWN)).field());
        assertEquals("channels.channel",
                assertThrows(ValidationException.class, () -> ChannelFallback.of(" ")).field());
        // A type with its own factory is refused by name: its fields are checked there.
        ValidationException text = assertThrows(ValidationException.class,
                () -> ChatContent.ofType("text", JsonParser.parseString("{\"text\":\"\"}").getAsJsonObject()));
        assertEquals("type", text.field());
        // A sub-type with its own factory is checked however it is made: its value is required.
        assertEquals("content.template.components.parameters.text", assertThrows(ValidationException.class,
                () -> new TemplateButton("url", 0, JsonParser.parseString("{\"type\":\"text\"}").getAsJsonObject()))
                .field());
        assertEquals("content.template.components.parameters.type", assertThrows(ValidationException.class,
                () -> new TemplateButton("Flow", 0, new JsonObject())).field());
        assertEquals("content.template.components.subType", assertThrows(ValidationException.class,
                () -> new TemplateButton(null, 0, JsonParser.parseString("{\"type\":\"text\"}").getAsJsonObject()))
                .field());
        assertEquals("content.template.components.subType", assertThrows(ValidationException.class,
                () -> Template.authentication("otp", "en", "123456", "Flow")).field());
        assertEquals("content.fallbackText", assertThrows(ValidationException.class, () -> ChatContent.ofType(
                "richCard", JsonParser.parseString("{\"fallbackText\":\"x\"}").getAsJsonObject())).field());
        // One channel named twice, in two casings.
        assertEquals("channels[1].channel", assertThrows(ValidationException.class, () -> ChatMessage.builder()
                .to("+6512345678").text("Hi").addChannel(ChannelFallback.of("VIBER"))
                .addChannel(ChannelFallback.of("viber")).build()).field());
        // Google RCS by either of its names.
        assertEquals("channels[1].channel", assertThrows(ValidationException.class, () -> ChatMessage.builder()
                .to("+6512345678").text("Hi").addChannel(ChannelFallback.of("GoogleRCS"))
                .addChannel(ChannelFallback.of("rcs")).build()).field());
    }

    /** Whether making the value is refused: the facade has a factory of its own for that name. */
    private static boolean refused(Runnable make) {
        try {
            make.run();
            return false;
        } catch (ValidationException e) {
            return true;
        }
    }

    /** The spellings of a generated enum's values whose names the facade has no constant for. */
    private static List<String> lackedByFacade(Class<? extends Enum<?>> generated, Predicate<String> facadeKnows) {
        List<String> lacked = new ArrayList<>();
        for (String value : SpecEnums.allowed(generated)) {
            if (!facadeKnows.test(value)) {
                lacked.add(value);
            }
        }
        return lacked;
    }

    /** The value in a casing other than the spec's, so that the test also proves casing does not matter. */
    private static String otherCasing(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals(value) ? value.toUpperCase(Locale.ROOT) : lower;
    }

    private JsonObject sendChat(ChatMessage.Builder message) throws InterruptedException {
        return send(m -> client.chatApps().send(m), message.build(), Fixtures.CHAT_OK);
    }

    private JsonObject sendSms(Sms.Builder sms) throws InterruptedException {
        return send(m -> client.sms().send(m), sms.build(), Fixtures.SMS_OK);
    }

    private <M> JsonObject send(Function<M, ?> send, M message, String answer) throws InterruptedException {
        server.enqueue(Fixtures.ok(answer));
        send.apply(message);
        return JsonParser.parseString(server.takeRequest().getBody().readUtf8()).getAsJsonObject();
    }

    /** The name of the spec set the build used, from the generated client's jar. */
    private static String specSet() throws IOException {
        // Through the class loader: Class.getResourceAsStream from the facade's named module finds no resource of
        // the generated module's package, and the set read as "unknown" made the assertions above vacuous.
        Properties properties = new Properties();
        try (InputStream in = OpenEnumValuesTest.class.getClassLoader()
                .getResourceAsStream("io/connect8x8/specs/spec-set.properties")) {
            properties.load(java.util.Objects.requireNonNull(in, "the generated client's spec-set.properties"));
        }
        return properties.getProperty("set");
    }
}
