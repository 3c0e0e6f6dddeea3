package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sms.Sms;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A preview is the exact request, the key redacted, and nothing is sent. */
class PreviewTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).subAccountId("Acme&Co.sg").autoClientIds(false).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void smsPreviewIsTheExactRequestWithTheKeyRedacted() {
        RequestPreview preview = client.sms().preview(
                Sms.builder().to("+6512345678").from("8x8").text("This is an SMS message.").build());

        assertEquals("POST", preview.method());
        assertEquals(server.url("/api/v1/subaccounts/Acme%26Co.sg/messages").toString(), preview.url());
        assertEquals(Map.of("Authorization", "Bearer ****", "Accept", "application/json",
                "Content-Type", "application/json; charset=utf-8",
                "User-Agent", Connect8x8Client.DEFAULT_USER_AGENT), preview.headers());
        WireAssert.assertJson("{\"destination\":\"+6512345678\",\"text\":\"This is an SMS message.\",\"source\":\"8x8\"}",
                preview.body());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void otpPreviewJsonHasTheBodyAsJsonAndNoKey() {
        RequestPreview preview = client.chatApps().preview(ChatMessage.builder().to("+6512345678")
                .template(Template.authentication("your_authentication_template_name", "en_US", "123456")).build());

        String json = preview.toJson(false);
        WireAssert.assertJson("{\"method\":\"POST\",\"url\":\"" + server.url("/api/v1/subaccounts/Acme%26Co.sg/messages")
                + "\",\"headers\":{\"Accept\":\"application/json\",\"Authorization\":\"Bearer ****\","
                + "\"Content-Type\":\"application/json; charset=utf-8\",\"User-Agent\":\""
                + Connect8x8Client.DEFAULT_USER_AGENT + "\"},\"body\":{\"user\":{\"msisdn\":\"+6512345678\"},"
                + "\"type\":\"@ContentType.TEMPLATE@\",\"content\":{\"template\":{\"name\":\"your_authentication_template_name\","
                + "\"language\":\"en_US\",\"components\":["
                + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}],\"index\":0,"
                + "\"subType\":\"Url\"}]}}}}", json);
        assertFalse(json.contains(Fixtures.KEY));
        assertFalse(preview.toJson(true).contains(Fixtures.KEY));
        assertFalse(preview.toString().contains(Fixtures.KEY));
        assertEquals(0, server.getRequestCount());
    }
}
