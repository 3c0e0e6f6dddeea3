package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonParser;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Request;
import okio.Buffer;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headers every request carries, and the sub-account id's encoding in the path. */
class HeadersAndPathTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void smsCarriesBearerKeyJsonContentTypeAndUserAgent() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        try (Connect8x8Client client = Fixtures.client(server).build()) {
            client.sms().send(Sms.builder().to("+6512345678").text("Hi").build());
        }

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("Bearer " + Fixtures.KEY, request.getHeader("Authorization"));
        assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
        assertEquals("application/json", request.getHeader("Accept"));
        assertEquals(Connect8x8Client.DEFAULT_USER_AGENT, request.getHeader("User-Agent"));
        assertEquals(1, request.getHeaders().values("Authorization").size());
    }

    @Test
    void chatAppsCarriesTheSameHeadersAndACustomUserAgent() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));
        try (Connect8x8Client client = Fixtures.client(server).userAgent("acme-app/2.1").build()) {
            client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").build());
        }

        RecordedRequest request = server.takeRequest();
        assertEquals("Bearer " + Fixtures.KEY, request.getHeader("Authorization"));
        assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
        assertEquals("acme-app/2.1", request.getHeader("User-Agent"));
    }

    @Test
    void subAccountIdWithAmpersandAndDotIsPercentEncodedInThePath() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_BATCH_OK));
        try (Connect8x8Client client = Fixtures.client(server).subAccountId("Acme&Co.sg-1_x").build()) {
            client.sms().send(Sms.builder().to("+6512345678").text("Hi").build());
            client.sms().sendBatch(io.connect8x8.sms.SmsBatch.builder()
                    .addMessage(Sms.builder().to("+6512345678").text("Hi").build()).build());
        }

        String path = server.takeRequest().getPath();
        assertEquals("/api/v1/subaccounts/Acme%26Co.sg-1_x/messages", path);
        assertEquals("Acme&Co.sg-1_x", URLDecoder.decode(path.split("/")[4], StandardCharsets.UTF_8));
        assertEquals("/api/v1/subaccounts/Acme%26Co.sg-1_x/messages/batch", server.takeRequest().getPath());
    }

    @Test
    void perCallSubAccountOverridesTheClients() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));
        try (Connect8x8Client client = Fixtures.client(server).subAccountId("chat_acct").build()) {
            client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").build(),
                    RequestOptions.builder().subAccountId("other&acct").build());
        }

        assertEquals("/api/v1/subaccounts/other%26acct/messages", server.takeRequest().getPath());
    }

    @Test
    void requestsAreTheOnesTheGeneratedClientsBuild() throws Exception {
        // The facade builds JSON requests on a lean path (WireApiClients): the same method, URL, headers and body
        // as the generated code, for each sub-account in turn (the parsed URL is cached per API).
        try (Connect8x8Client client = Fixtures.client("http://127.0.0.1:9/").build()) {
            var sms = client.generated().sms().getApiClient();
            var plainSms = new io.connect8x8.generated.sms.ApiClient(sms.getHttpClient());
            plainSms.setBasePath(sms.getBasePath());
            plainSms.setBearerToken(Fixtures.KEY);
            plainSms.setUserAgent(Connect8x8Client.DEFAULT_USER_AGENT);
            var smsModel = new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678")
                    .text("Grüße, 你好");
            smsModel.putAdditionalProperty("clientMessageId", "c-1");

            var chat = client.generated().messaging().getApiClient();
            var plainChat = new io.connect8x8.generated.messaging.ApiClient(chat.getHttpClient());
            plainChat.setBasePath(chat.getBasePath());
            plainChat.setBearerToken(Fixtures.KEY);
            plainChat.setUserAgent(Connect8x8Client.DEFAULT_USER_AGENT);
            var chatModel = new io.connect8x8.generated.messaging.model.SingleMessageRequest()
                    .user(new io.connect8x8.generated.messaging.model.User().msisdn("+6512345678"));
            chatModel.putAdditionalProperty("clientMessageId", "c-2");

            for (String subAccount : List.of("acme.sub_1", "Acme&Co sg", "acme.sub_1")) {
                assertSameRequest(new io.connect8x8.generated.sms.api.SmsApi(plainSms)
                                .sendSmsSingleCall(subAccount, smsModel, null).request(),
                        client.generated().sms().sendSmsSingleCall(subAccount, smsModel, null).request());
                assertSameRequest(new io.connect8x8.generated.messaging.api.MessagingApi(plainChat)
                                .sendMessageCall(subAccount, chatModel, null).request(),
                        client.generated().messaging().sendMessageCall(subAccount, chatModel, null).request());
            }
        }
    }

    @Test
    void aRequestOffTheLeanPathIsBuiltByTheGeneratedCode() throws Exception {
        // A progress callback is one thing the lean path leaves to the generated buildRequest, which wraps the body.
        @SuppressWarnings("unchecked")
        io.connect8x8.generated.sms.ApiCallback<Object> callback = (io.connect8x8.generated.sms.ApiCallback<Object>)
                Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.connect8x8.generated.sms.ApiCallback.class}, (proxy, method, args) -> null);
        try (Connect8x8Client client = Fixtures.client("http://127.0.0.1:9/").build()) {
            var model = new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678").text("Hi");
            Request lean = client.generated().sms().sendSmsSingleCall("acme.sub_1", model, null).request();
            Request generated = client.generated().sms().sendSmsSingleCall("acme.sub_1", model, callback).request();

            assertInstanceOf(io.connect8x8.generated.sms.ProgressRequestBody.class, generated.body());
            assertSame(callback, generated.tag());
            assertSameRequest(lean, generated);
        }
    }

    private static void assertSameRequest(Request expected, Request actual) throws Exception {
        assertEquals(expected.method(), actual.method());
        assertEquals(expected.url(), actual.url());
        assertEquals(expected.headers(), actual.headers());
        assertEquals(expected.body().contentType(), actual.body().contentType());
        assertEquals(expected.body().contentLength(), actual.body().contentLength());
        assertEquals(JsonParser.parseString(body(expected)), JsonParser.parseString(body(actual)));
    }

    private static String body(Request request) throws Exception {
        try (Buffer buffer = new Buffer()) {
            request.body().writeTo(buffer);
            return buffer.readUtf8();
        }
    }
}
