package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two guides' flows, as Java, and the exact requests they put on the wire. */
class GuideFlowsTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        client = Connect8x8Client.builder()
                .apiKey("test-key")
                .subAccountId("acme.sub_1")
                .smsBaseUrl(server.url("/").toString())
                .chatAppsBaseUrl(server.url("/").toString())
                .autoClientIds(false)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void sendsOtpInBodyAndUrlButton() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                "{\"umid\":\"0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b\",\"user\":{\"msisdn\":\"+6512345678\"},"
                        + "\"clientMessageId\":null,\"status\":{\"state\":\"queued\","
                        + "\"timestamp\":\"2026-11-22T01:02:03.12Z\"}}"));

        ChatResult result = client.chatApps().send(ChatMessage.builder()
                .to("+6512345678")
                .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
                .build());

        assertOtpRequest(server.takeRequest());
        assertEquals("0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b", result.umid());
        assertEquals("queued", result.state());
        assertTrue(result.accepted());
    }

    @Test
    void sendOtpIsTheAuthenticationTemplateInOneCall() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                "{\"umid\":\"u-otp\",\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":null,"
                        + "\"status\":{\"state\":\"queued\",\"timestamp\":\"2026-11-22T01:02:03.12Z\"}}"));

        ChatResult result = client.chatApps().sendOtp("+6512345678", "your_authentication_template_name", "en_US",
                "123456");

        assertOtpRequest(server.takeRequest());
        assertEquals("u-otp", result.umid());
        assertTrue(result.accepted());
    }

    /** The guide's authentication template: the code in the body and in the URL button at index 0. */
    private static void assertOtpRequest(RecordedRequest request) {
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", request.getPath());
        assertEquals("Bearer test-key", request.getHeader("Authorization"));
        WireAssert.assertJson("{\"user\":{\"msisdn\":\"+6512345678\"},\"type\":\"@ContentType.TEMPLATE@\",\"content\":{\"template\":"
                + "{\"name\":\"your_authentication_template_name\",\"language\":\"en_US\",\"components\":["
                + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}],\"index\":0,"
                + "\"subType\":\"Url\"}]}}}", request.getBody().readUtf8());
    }

    @Test
    void sendsSmsWithSpecFieldNames() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                "{\"umid\":\"u-1\",\"clientMessageId\":null,\"destination\":\"6512345678\",\"encoding\":\"GSM7\","
                        + "\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued\"}}"));

        SmsResult result = client.sms().send(
                Sms.builder().to("+6512345678").from("8x8").text("This is an SMS message.").build());

        RecordedRequest request = server.takeRequest();
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", request.getPath());
        WireAssert.assertJson("{\"destination\":\"+6512345678\",\"text\":\"This is an SMS message.\",\"source\":\"8x8\"}",
                request.getBody().readUtf8());
        assertEquals("u-1", result.umid());
        assertEquals("GSM7", result.encoding());
        assertTrue(result.accepted());
    }

    @Test
    void aTextWithEmojiIsSentWhole() throws Exception {
        // An emoji is a surrogate pair: the check that refuses half of one must let the whole pass.
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                "{\"umid\":\"u-3\",\"destination\":\"6512345678\",\"encoding\":\"UCS2\","
                        + "\"status\":{\"code\":\"QUEUED\",\"description\":\"queued\"}}"));

        client.sms().send(Sms.builder().to("+6512345678").text("Hi \ud83d\ude00\ud83d\udc4d").build());

        WireAssert.assertJson("{\"destination\":\"+6512345678\",\"text\":\"Hi \ud83d\ude00\ud83d\udc4d\"}",
                server.takeRequest().getBody().readUtf8());
    }

    @Test
    void escapeHatchGivesTheGeneratedApiConfiguredLikeTheClient() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                "{\"umid\":\"u-2\",\"destination\":\"6512345678\",\"encoding\":\"GSM7\","
                        + "\"status\":{\"code\":\"QUEUED\",\"description\":\"queued\"}}"));

        io.connect8x8.generated.sms.model.SmsResponse response = client.generated().sms().sendSmsSingle("acme.sub_1",
                new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678").text("raw"));

        RecordedRequest request = server.takeRequest();
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", request.getPath());
        assertEquals("Bearer test-key", request.getHeader("Authorization"));
        assertEquals(Connect8x8Client.DEFAULT_USER_AGENT, request.getHeader("User-Agent"));
        // The escape hatch sends the generated model as it is, spec defaults included (8x8's complete SMS document
        // initialises encoding to AUTO).
        var expected = JsonParser.parseString("{\"destination\":\"+6512345678\",\"text\":\"raw\"}").getAsJsonObject();
        var blank = new io.connect8x8.generated.sms.model.SmsRequest();
        if (blank.getEncoding() != null) {
            expected.addProperty("encoding", blank.getEncoding().getValue());
        }
        assertEquals(expected, JsonParser.parseString(request.getBody().readUtf8()));
        assertEquals("u-2", response.getUmid());
    }
}
