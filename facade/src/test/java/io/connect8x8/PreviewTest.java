package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.api.OperationCall;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sms.Sms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A multipart upload's body is not JSON: its preview JSON (what {@code connect8x8 --dry-run api Upload-File}
     * prints) holds it as text, where parsing it as JSON failed with Gson's MalformedJsonException; a request without
     * a body has no "body" member, as before.
     */
    @Test
    void uploadAndBodylessPreviewsRenderAsJson(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("note.txt"), "hello upload");
        RequestPreview upload = client.api().preview(OperationCall.of("Upload-File").param("file", file));

        JsonObject json = JsonParser.parseString(upload.toJson(true)).getAsJsonObject();
        assertEquals(server.url("/api/v1/subaccounts/Acme%26Co.sg/files").toString(), json.get("url").getAsString());
        String contentType = json.getAsJsonObject("headers").get("Content-Type").getAsString();
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        assertEquals(upload.body(), json.get("body").getAsString());
        assertTrue(upload.body().contains("Content-Disposition: form-data; name=\"file\"; filename=\"note.txt\""),
                upload.body());
        assertTrue(upload.body().contains("hello upload"), upload.body());
        assertFalse(upload.toJson(false).contains(Fixtures.KEY));

        RequestPreview status = client.api().preview(OperationCall.of("get-sms-message-details")
                .param("umid", "0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b"));
        assertFalse(JsonParser.parseString(status.toJson(false)).getAsJsonObject().has("body"), status.toJson(false));
        assertEquals(0, server.getRequestCount());
    }
}
