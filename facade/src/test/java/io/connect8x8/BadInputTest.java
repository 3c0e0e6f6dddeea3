package io.connect8x8;

import static io.connect8x8.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.api.OperationCall;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Location;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.chatapps.TemplateHeader;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5, item 6: bad input is refused with a {@link ValidationException} naming the field, and nothing reaches the
 * server. The client's clock is fixed, so schedule checks are exact.
 */
class BadInputTest {

    /** What a case does with a client pointed at the server; it must throw. */
    @FunctionalInterface
    interface Action {
        void run(Connect8x8Client client, Connect8x8Client.Builder config) throws Exception;
    }

    /** 8x8's account ids are 32 hex digits. */
    private static final String ACCOUNT = "0f7b8bb17f2d4a5a9a3e1c2d3e4f5a6b";

    @TempDir
    static Path tempDir;

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = config().build();
    }

    private Connect8x8Client.Builder config() {
        return Fixtures.client(server).clock(Fixtures.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void isRefusedBeforeAnythingIsSent(Action action, String field) throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> action.run(client, config()));

        assertEquals(field, e.field(), e.getMessage());
        assertEquals(0, e.attempts());
        assertFalse(e.getMessage().contains(Fixtures.KEY));
        // Nor personal data: every case's numbers are this one.
        assertFalse(e.getMessage().contains("12345678"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    private static Arguments bad(String name, String field, Action action) {
        return arguments(Named.of(name, action), field);
    }

    private static Action sms(Sms.Builder sms) {
        return (c, b) -> c.sms().send(sms.build());
    }

    private static Sms.Builder okSms() {
        return Sms.builder().to("+6512345678").text("Hi");
    }

    private static Action chat(java.util.function.Supplier<ChatMessage.Builder> message) {
        return (c, b) -> c.chatApps().send(message.get().build());
    }

    private static ChatMessage.Builder okChat() {
        return ChatMessage.builder().to("+6512345678").text("Hi");
    }

    private static Action template(java.util.function.Supplier<Template> template) {
        return (c, b) -> c.chatApps().send(ChatMessage.builder().to("+6512345678").template(template.get()).build());
    }

    private static Action smsBatch(java.util.function.Supplier<SmsBatch.Builder> batch) {
        return (c, b) -> c.sms().sendBatch(batch.get().build());
    }

    private static Action config(java.util.function.UnaryOperator<Connect8x8Client.Builder> change) {
        return (c, b) -> change.apply(b).build().close();
    }

    /** A call on the generic path; 8x8's complete documents are on the test class path. */
    private static Action call(OperationCall call) {
        return (c, b) -> c.api().call(call);
    }

    private static List<Sms> smsList(int n) {
        List<Sms> list = new ArrayList<>(n);
        Sms sms = okSms().build();
        for (int i = 0; i < n; i++) {
            list.add(sms);
        }
        return list;
    }

    static Stream<Arguments> cases() {
        String text1531 = "a".repeat(1_531);
        return Stream.of(
                // SMS
                bad("destination too short for E.164", "destination", sms(okSms().to("+12"))),
                bad("destination with letters", "destination", sms(okSms().to("+65abc12345"))),
                bad("destination with country code 0", "destination", sms(okSms().to("+0012345678"))),
                bad("national destination without country", "destination", sms(okSms().to("91234567"))),
                bad("destination missing", "destination", sms(Sms.builder().text("Hi"))),
                bad("empty text", "text", sms(okSms().text(""))),
                bad("blank text", "text", sms(okSms().text("   "))),
                bad("text with a lone surrogate (half an emoji, which UTF-8 sends as ?)", "text",
                        sms(okSms().text("Hi \ud83d"))),
                bad("text missing", "text", sms(Sms.builder().to("+6512345678"))),
                bad("GSM-7 text over 10 parts", "text", sms(okSms().text(text1531))),
                bad("UCS-2 text over 10 parts", "text", sms(okSms().text("\u4e2d".repeat(671)))),
                bad("source of 17 characters", "source", sms(okSms().from("12345678901234567"))),
                bad("empty source", "source", sms(okSms().from(""))),
                bad("clientMessageId of 351", "clientMessageId", sms(okSms().clientMessageId("x".repeat(351)))),
                bad("malformed dlrCallbackUrl", "dlrCallbackUrl", sms(okSms().dlrCallbackUrl("not a url"))),
                bad("ftp dlrCallbackUrl", "dlrCallbackUrl", sms(okSms().dlrCallbackUrl("ftp://example.com/dlr"))),
                bad("dlrCallbackUrl with a NUL", "dlrCallbackUrl",
                        sms(okSms().dlrCallbackUrl("https://example.com/d\u0000"))),
                bad("unknown country", "country", sms(okSms().country("XX"))),
                bad("scheduled in the past", "scheduled", sms(okSms().scheduled(at(Duration.ofMinutes(-1))))),
                bad("scheduled 8 days ahead", "scheduled", sms(okSms().scheduled(at(Duration.ofDays(8))))),
                bad("expiry before scheduled", "expiry", sms(okSms().scheduled(at(Duration.ofHours(2)))
                        .expiry(at(Duration.ofHours(1))))),
                bad("expiry in the past", "expiry", sms(okSms().expiry(at(Duration.ofHours(-1))))),
                bad("expiry after the year 9999 (no RFC 3339 date-time)", "expiry",
                        sms(okSms().expiry(OffsetDateTime.MAX))),
                // SMS batches
                bad("SMS batch of 10,001 messages", "messages",
                        smsBatch(() -> {
                            SmsBatch.Builder batch = SmsBatch.builder();
                            smsList(10_001).forEach(batch::addMessage);
                            return batch;
                        })),
                bad("SMS batch of 10,001 destinations", "destinations", smsBatch(() -> {
                    SmsBatch.Builder batch = SmsBatch.builder().template(Sms.builder().text("Hi").build());
                    IntStream.range(0, 10_001).forEach(i -> batch.addDestination("+6512345678"));
                    return batch;
                })),
                bad("empty SMS batch", "messages", smsBatch(SmsBatch::builder)),
                bad("both messages and destinations", "destinations", smsBatch(() -> SmsBatch.builder()
                        .addMessage(okSms().build()).addDestination("+6587654321")
                        .template(Sms.builder().text("Hi").build()))),
                bad("SMS clientBatchId of 21", "clientBatchId", smsBatch(() -> SmsBatch.builder()
                        .addMessage(okSms().build()).clientBatchId("x".repeat(21)))),
                bad("destinations without template text", "template.text", smsBatch(() -> SmsBatch.builder()
                        .addDestination("+6512345678"))),
                bad("bad number among destinations", "destinations[1]", smsBatch(() -> SmsBatch.builder()
                        .template(Sms.builder().text("Hi").build())
                        .addDestination("+6512345678").addDestination("12"))),
                bad("batch message without text or template text", "messages[0].text", smsBatch(() -> SmsBatch
                        .builder().addMessage(Sms.builder().to("+6512345678").build()))),
                bad("batch message without destination", "messages[0].destination", smsBatch(() -> SmsBatch
                        .builder().addMessage(Sms.builder().text("Hi").build()))),
                bad("empty template text", "text", smsBatch(() -> SmsBatch.builder()
                        .template(Sms.builder().text("").build()).addDestination("+6512345678"))),
                bad("template source of 17", "source", smsBatch(() -> SmsBatch.builder()
                        .template(Sms.builder().text("Hi").from("x".repeat(17)).build())
                        .addDestination("+6512345678"))),
                bad("template with a recipient", "template", smsBatch(() -> SmsBatch.builder()
                        .template(okSms().build()).addDestination("+6512345678"))),
                bad("template expiry before scheduled", "expiry", smsBatch(() -> SmsBatch.builder()
                        .template(Sms.builder().text("Hi").scheduled(at(Duration.ofHours(2)))
                                .expiry(at(Duration.ofHours(1))).build()).addDestination("+6512345678"))),
                bad("template scheduled in the past", "template.scheduled", smsBatch(() -> SmsBatch.builder()
                        .template(Sms.builder().text("Hi").scheduled(at(Duration.ofDays(-1))).build())
                        .addDestination("+6512345678"))),
                bad("batch message scheduled 8 days ahead", "messages[1].scheduled", smsBatch(() -> SmsBatch
                        .builder().addMessage(okSms().build())
                        .addMessage(okSms().scheduled(at(Duration.ofDays(8))).build()))),
                // Templates
                bad("template name with capitals", "content.template.name",
                        template(() -> Template.builder("OrderUpdate", "en_US").build())),
                bad("template name with a space", "content.template.name",
                        template(() -> Template.builder("order update", "en_US").build())),
                bad("empty template name", "content.template.name",
                        template(() -> Template.builder("", "en_US").build())),
                bad("language as a word", "content.template.language",
                        template(() -> Template.builder("order_update", "english").build())),
                bad("language of one letter", "content.template.language",
                        template(() -> Template.builder("order_update", "e").build())),
                bad("language missing", "content.template.language",
                        template(() -> Template.builder("order_update", null).build())),
                bad("button index -1", "content.template.components.index", template(() -> Template.builder("t", "en")
                        .addButton(TemplateButton.url(-1, "x")).build())),
                bad("button index 10", "content.template.components.index", template(() -> Template.builder("t", "en")
                        .addButton(TemplateButton.quickReply(10, "x")).build())),
                bad("duplicate button index", "content.template.components[1].index",
                        template(() -> Template.builder("t", "en").addButton(TemplateButton.url(0, "a"))
                                .addButton(TemplateButton.quickReply(0, "b")).build())),
                bad("empty quick-reply payload", "content.template.components.parameters.payload", template(() -> Template.builder("t", "en")
                        .addButton(TemplateButton.quickReply(0, "")).build())),
                bad("missing coupon code", "content.template.components.parameters.couponCode", template(() -> Template.builder("t", "en")
                        .addButton(TemplateButton.copyCode(0, null)).build())),
                bad("unknown button sub-type", "content.template.components.subType", template(() -> Template.builder("t", "en")
                        .addButton(new TemplateButton("call", 0, JsonParser.parseString("{\"type\":\"text\",\"text\":\"x\"}")
                                .getAsJsonObject())).build())),
                bad("OTP code of 16 characters", "code",
                        template(() -> Template.authentication("otp", "en_US", "1234567890123456"))),
                bad("empty OTP code", "code", template(() -> Template.authentication("otp", "en_US", ""))),
                bad("OTP code with a lone surrogate", "code",
                        template(() -> Template.authentication("otp", "en_US", "12\udc0034"))),
                bad("OTP code in a quick-reply button", "content.template.components.subType",
                        template(() -> Template.authentication("otp", "en_US", "123456",
                                "QuickReply"))),
                bad("empty body parameter", "content.template.components[0].parameters[1].text",
                        template(() -> Template.builder("t", "en").addBodyParameter("a").addBodyParameter(" ")
                                .build())),
                bad("body parameter of 1,025", "content.template.components[0].parameters[0].text",
                        template(() -> Template.builder("t", "en").addBodyParameter("x".repeat(1_025)).build())),
                bad("header text of 61", "content.template.header.text", template(() -> Template.builder("t", "en")
                        .header(TemplateHeader.text("x".repeat(61))).build())),
                bad("malformed header image URL", "content.template.header.url",
                        template(() -> Template.builder("t", "en").header(TemplateHeader.image("example.com/a.png"))
                                .build())),
                // Chat content and messages
                bad("empty chat text", "content.text", chat(() -> okChat().text(""))),
                bad("chat text of 35,001", "content.text", chat(() -> okChat().text("x".repeat(35_001)))),
                bad("malformed media URL", "content.url",
                        chat(() -> okChat().content(ChatContent.image("not a url", null)))),
                bad("media URL with a space", "content.url",
                        chat(() -> okChat().content(ChatContent.video("https://example.com/a b.mp4", null)))),
                bad("javascript media URL", "content.url",
                        chat(() -> okChat().content(ChatContent.file("javascript:alert(1)", null)))),
                bad("latitude 91", "content.location.latitude",
                        chat(() -> okChat().content(ChatContent.location(new Location(91, 0, null, null))))),
                bad("longitude -181", "content.location.longitude",
                        chat(() -> okChat().content(ChatContent.location(new Location(0, -181, null, null))))),
                bad("latitude NaN", "content.location.latitude",
                        chat(() -> okChat().content(ChatContent.location(new Location(Double.NaN, 0, null, null))))),
                bad("interactive without type", "content.interactive.type",
                        chat(() -> okChat().content(ChatContent.interactive(new JsonObject())))),
                bad("no content", "content", chat(() -> ChatMessage.builder().to("+6512345678"))),
                bad("bad msisdn", "user.msisdn", chat(() -> okChat().to("+1"))),
                bad("national msisdn without country", "user.msisdn", chat(() -> okChat().to("91234567"))),
                bad("bad user country", "user.country", chat(() -> okChat().to("91234567").country("ZZ"))),
                bad("chat clientMessageId of 51", "clientMessageId",
                        chat(() -> okChat().clientMessageId("x".repeat(51)))),
                bad("fallbackAfter 9 s", "channels.fallbackAfter", chat(() -> okChat()
                        .addChannel(ChannelFallback.of("WhatsApp").after(Duration.ofSeconds(9))))),
                bad("fallbackAfter 86,401 s", "channels.fallbackAfter", chat(() -> okChat()
                        .addChannel(ChannelFallback.of("WhatsApp").after(Duration.ofSeconds(86_401))))),
                bad("fallbackAfter of a fraction of a second", "channels.fallbackAfter", chat(() -> okChat()
                        .addChannel(ChannelFallback.of("WhatsApp").after(Duration.ofMillis(10_500))))),
                bad("channel listed twice", "channels[1].channel", chat(() -> okChat()
                        .addChannel(ChannelFallback.of("SMS")).addChannel(ChannelFallback.of("SMS")))),
                bad("fallback text without SMS channel", "channels", chat(() -> okChat().fallbackText("Hi")
                        .addChannel(ChannelFallback.of("WhatsApp")))),
                bad("fallback text of 35,001", "content.fallbackText", chat(() -> okChat()
                        .addChannel(ChannelFallback.of("SMS")).fallbackText("x".repeat(35_001)))),
                bad("SMS fallback source of 17", "content.sms.source", chat(() -> okChat()
                        .addChannel(ChannelFallback.of("SMS")).smsFallback("GSM7", "x".repeat(17)))),
                bad("channel the spec lacks", "channels[0].channel",
                        chat(() -> okChat().addChannel(ChannelFallback.of("telegram")))),
                bad("malformed chat dlrCallbackUrl", "dlrCallbackUrl",
                        chat(() -> okChat().dlrCallbackUrl("//example.com/dlr"))),
                bad("chat expiry before scheduled", "expiry", chat(() -> okChat()
                        .scheduled(at(Duration.ofHours(3))).expiry(at(Duration.ofHours(3))))),
                bad("chat expiry in the year 10000", "expiry", chat(() -> okChat()
                        .expiry(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))),
                bad("chat scheduled in the past", "scheduled",
                        chat(() -> okChat().scheduled(at(Duration.ofMinutes(-10))))),
                bad("chat scheduled 8 days ahead", "scheduled",
                        chat(() -> okChat().scheduled(at(Duration.ofDays(8))))),
                // Chat batches
                bad("chat batch of 1,001", "messages", (c, b) -> {
                    ChatBatch.Builder batch = ChatBatch.builder();
                    ChatMessage message = okChat().build();
                    for (int i = 0; i < 1_001; i++) {
                        batch.addMessage(message);
                    }
                    c.chatApps().sendBatch(batch.build());
                }),
                bad("empty chat batch", "messages", (c, b) -> c.chatApps().sendBatch(ChatBatch.builder().build())),
                bad("chat clientBatchId of 101", "clientBatchId", (c, b) -> c.chatApps().sendBatch(ChatBatch.builder()
                        .addMessage(okChat().build()).clientBatchId("x".repeat(101)).build())),
                bad("chat batch message scheduled in the past", "messages[0].scheduled", (c, b) -> c.chatApps()
                        .sendBatch(ChatBatch.builder().addMessage(okChat().scheduled(at(Duration.ofDays(-1))).build())
                                .build())),
                // The generic operation path and its conveniences
                bad("umid of .. (the URL's path would climb to the sub-account)", "umid",
                        (c, b) -> c.api().sms().cancel("..")),
                bad("umid of .", "umid", call(OperationCall.of("get-sms-message-details").param("umid", "."))),
                bad("empty batchId", "batchId",
                        call(OperationCall.of("cancel-many-sms-messages").param("batchId", ""))),
                bad("subAccountId of .. in the path", "subAccountId", call(OperationCall.of("get-sms-message-details")
                        .param("subAccountId", "..").param("umid", "u-1"))),
                bad("a list for a one-value parameter (sent as \"[a, b]\")", "destination", call(OperationCall
                        .of("get-call-permission-status").param("channelId", "c")
                        .param("destination", List.of("+6512345678", "+6512345679")))),
                bad("empty required query parameter", "destination", call(OperationCall
                        .of("get-call-permission-status").param("channelId", "c").param("destination", ""))),
                bad("billingPeriod of month 13 (the document's pattern)", "billingPeriod", call(OperationCall
                        .of("get-message-usage").param("accountId", ACCOUNT).param("billingPeriod", "2026-13"))),
                bad("limit of 0 (the document's minimum is 1)", "limit", call(OperationCall.of("get-whatsapp-flows")
                        .param("accountId", ACCOUNT).param("channelId", "c").param("limit", 0))),
                bad("code of 2 characters (the document's minLength is 3)", "code",
                        call(OperationCall.of("code-validation-v2").param("sessionId", "s").param("code", "12"))),
                bad("accountId that is not 32 hex digits", "accountId",
                        call(OperationCall.of("get-account-balance").param("accountId", "acme"))),
                bad("Authorization as a parameter (the client's key would replace it)", "Authorization",
                        call(OperationCall.of("Survey-Send-Many").param("Authorization", "Bearer another-key"))),
                bad("body of JSON null", "body", call(OperationCall.of("Send-Sms-Single").body("null"))),
                bad("body of empty text", "body", call(OperationCall.of("Send-Sms-Single").body(""))),
                bad("body missing a required field", "body", call(OperationCall.of("Send-Sms-Single")
                        .body("{\"destination\":\"+6512345678\"}"))),
                bad("upload of a missing file", "file",
                        call(OperationCall.of("Upload-File").param("file", tempDir.resolve("missing.png")))),
                bad("upload of a directory", "file",
                        call(OperationCall.of("Upload-File").param("file", tempDir.toFile()))),
                bad("verification destination too short", "destination", (c, b) -> c.api().verify().send("+12")),
                bad("verification destination of letters", "destination",
                        (c, b) -> c.api().verify().send("+65 1234 CALL")),
                bad("verification destination in national form (send(..) gives no country)", "destination",
                        (c, b) -> c.api().verify().send("012345678")),
                bad("template check of no message", "message",
                        (c, b) -> c.api().whatsAppTemplates().check("channel-1", null)),
                bad("template check on no channel", "channelId", (c, b) -> c.api().whatsAppTemplates().check(null,
                        ChatMessage.builder().to("+6512345678").template(Template.authentication("otp", "en_US", "1"))
                                .build())),
                bad("file URL of no upload", "upload", (c, b) -> c.api().files().url(null)),
                // Sub-accounts
                bad("sub-account id of 2 characters", "subAccountId", config(b -> b.subAccountId("ab"))),
                bad("sub-account id with a space", "subAccountId", config(b -> b.subAccountId("acme sub"))),
                bad("sub-account id of 51 characters", "subAccountId", config(b -> b.subAccountId("a".repeat(51)))),
                bad("sub-account id with a slash per call", "subAccountId", (c, b) -> c.sms().send(okSms().build(),
                        RequestOptions.builder().subAccountId("acme/../admin").build())),
                bad("no sub-account anywhere", "subAccountId", (c, b) -> {
                    try (Connect8x8Client none = Connect8x8Client.builder().apiKey(Fixtures.KEY)
                            .smsBaseUrl("http://127.0.0.1:1/").build()) {
                        none.sms().send(okSms().build());
                    }
                }),
                // Client configuration
                bad("http base URL to a remote host", "smsBaseUrl",
                        config(b -> b.smsBaseUrl("http://sms.example.com"))),
                bad("http base URL to a host named like a loopback address", "chatAppsBaseUrl",
                        config(b -> b.chatAppsBaseUrl("http://127.0.0.1.nip.io/"))),
                bad("base URL that is not a URL", "chatAppsBaseUrl", config(b -> b.chatAppsBaseUrl("chatapps"))),
                bad("API key with a space", "apiKey", config(b -> b.apiKey("abc def"))),
                bad("API key with a newline inside", "apiKey", config(b -> b.apiKey("abc\ndef"))),
                bad("empty API key", "apiKey", config(b -> b.apiKey(""))),
                bad("API key with a non-ASCII character", "apiKey", config(b -> b.apiKey("abc\u00e9def"))),
                bad("API key file that does not exist", "apiKeyFile", (c, b) -> Connect8x8Client.builder()
                        .apiKey(ApiKey.fromFile(tempDir.resolve("missing.key"))).subAccountId("acme").build()),
                bad("unknown region name", "region", (c, b) -> Region.of("mars")),
                bad("zero connect timeout", "connectTimeout", config(b -> b.connectTimeout(Duration.ZERO))),
                bad("zero read timeout", "readTimeout", config(b -> b.readTimeout(Duration.ZERO))),
                bad("connect timeout of 1 ns (OkHttp would read 0 ms: no timeout)", "connectTimeout",
                        config(b -> b.connectTimeout(Duration.ofNanos(1)))),
                bad("read timeout beyond OkHttp's int of milliseconds", "readTimeout",
                        config(b -> b.readTimeout(Duration.ofDays(25)))),
                bad("call timeout of Long.MAX_VALUE seconds", "callTimeout",
                        config(b -> b.callTimeout(Duration.ofSeconds(Long.MAX_VALUE)))),
                bad("negative call timeout", "callTimeout", config(b -> b.callTimeout(Duration.ofSeconds(-1)))),
                bad("zero per-call timeout", "timeout", (c, b) -> RequestOptions.builder().timeout(Duration.ZERO)),
                bad("per-call timeout of Long.MAX_VALUE seconds", "timeout",
                        (c, b) -> RequestOptions.builder().timeout(Duration.ofSeconds(Long.MAX_VALUE))),
                bad("retry policy of 0 attempts", "retryPolicy.maxAttempts",
                        (c, b) -> RetryPolicy.builder().maxAttempts(0).build()),
                bad("retry policy of 21 attempts", "retryPolicy.maxAttempts",
                        (c, b) -> RetryPolicy.builder().maxAttempts(21).build()),
                bad("negative initial backoff", "retryPolicy.initialBackoff", (c, b) -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(-1)).build()),
                bad("max backoff below initial backoff", "retryPolicy.maxBackoff", (c, b) -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build()),
                bad("backoffs of Long.MAX_VALUE seconds", "retryPolicy.maxBackoff", (c, b) -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(Long.MAX_VALUE))
                        .maxBackoff(Duration.ofSeconds(Long.MAX_VALUE)).build()),
                bad("id generator returning null", "idGenerator", (c, b) -> {
                    try (Connect8x8Client ids = b.idGenerator(() -> null).build()) {
                        ids.sms().send(okSms().build());
                    }
                }),
                bad("User-Agent with a newline", "userAgent", config(b -> b.userAgent("app\r\nX-Evil: 1"))),
                bad("response limit below 1 KiB", "maxResponseBytes", config(b -> b.maxResponseBytes(10))));
    }
}
