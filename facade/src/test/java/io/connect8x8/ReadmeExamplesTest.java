package io.connect8x8;

import com.google.gson.JsonParser;
import com.google.gson.JsonObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The root README copies the lines between the {@code README:BEGIN} and {@code README:END} markers verbatim (with
 * the base URLs left out, as the region picks them): change them here first, and keep the README in step.
 */
class ReadmeExamplesTest {

    private MockWebServer server;
    private String baseUrl;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        baseUrl = server.url("/").toString();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void otpTemplateFlow() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));

        // README:BEGIN otp
        try (Connect8x8Client client = Connect8x8Client.builder()
                .apiKey(ApiKey.of("your-api-key"))
                .subAccountId("your-subaccount")
                .smsBaseUrl(baseUrl)
                .chatAppsBaseUrl(baseUrl)
                .build()) {
            ChatResult result = client.chatApps().send(ChatMessage.builder()
                    .to("+6512345678")
                    .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
                    .build());
            System.out.println(result.umid() + " " + result.state());
        }
        // README:END otp

        String body = server.takeRequest().getBody().readUtf8();
        JsonObject sent = JsonParser.parseString(body).getAsJsonObject();
        assertTrue(sent.remove("clientMessageId").getAsString().length() > 0, body);
        WireAssert.assertJson("{\"user\":{\"msisdn\":\"+6512345678\"},\"type\":\"@ContentType.TEMPLATE@\",\"content\":{\"template\":"
                        + "{\"name\":\"your_authentication_template_name\",\"language\":\"en_US\",\"components\":["
                        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]},"
                        + "{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}],\"index\":0,"
                        + "\"subType\":\"Url\"}]}}}", sent);
    }

    @Test
    void smsFlow() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        // README:BEGIN sms
        try (Connect8x8Client client = Connect8x8Client.builder()
                .apiKey(ApiKey.of("your-api-key"))
                .subAccountId("your-subaccount")
                .smsBaseUrl(baseUrl)
                .chatAppsBaseUrl(baseUrl)
                .build()) {
            SmsResult result = client.sms().send(Sms.builder()
                    .to("+6512345678")
                    .from("8x8")
                    .text("This is an SMS message.")
                    .build());
            System.out.println(result.umid() + " " + result.status());
        }
        // README:END sms

        var request = server.takeRequest();
        assertEquals("/api/v1/subaccounts/your-subaccount/messages", request.getPath());
        assertEquals("Bearer your-api-key", request.getHeader("Authorization"));
        String body = request.getBody().readUtf8();
        JsonObject sent = JsonParser.parseString(body).getAsJsonObject();
        assertTrue(sent.remove("clientMessageId").getAsString().length() > 0, body);
        WireAssert.assertJson("{\"destination\":\"+6512345678\",\"text\":\"This is an SMS message.\","
                + "\"source\":\"8x8\"}", sent);
    }
}
