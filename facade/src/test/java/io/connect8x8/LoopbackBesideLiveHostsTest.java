package io.connect8x8;

import static io.connect8x8.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connect8x8.api.OperationCall;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client whose base URLs point some APIs at a loopback test server (the simulator, MockWebServer) and leave another
 * on the region's live default must not send that API's calls to 8x8 with the key: a test of a one-time code would
 * text a real phone. Such a call fails typed, naming the setting to set, before any I/O; a proxy (an override that is
 * not loopback) and a live host set on purpose still go out. No test here reaches a live host: every request to one
 * is recorded and failed by the caller's OkHttpClient before it connects or resolves anything.
 */
class LoopbackBesideLiveHostsTest {

    private static final String VERIFY_LIVE = "verifyBaseUrl: is not set, so calls would go to the live host "
            + "https://verify.8x8.com while another API's base URL is a loopback test server; nothing was sent: set it "
            + "too, to the test server (or to https://verify.8x8.com to call 8x8 on purpose)";

    private MockWebServer server;
    private String local;
    /** Every request the caller's OkHttpClient was asked for that was not to the test server. */
    private final List<String> leaving = new CopyOnWriteArrayList<>();
    private OkHttpClient recording;

    @BeforeEach
    void start() throws IOException {
        server = Fixtures.startServer();
        local = server.url("/").toString();
        // An application interceptor runs before OkHttp resolves or connects: failing here leaves nothing sent.
        recording = new OkHttpClient.Builder().addInterceptor(chain -> {
            if (!chain.request().url().host().equals(server.url("/").host())) {
                leaving.add(chain.request().url().toString());
                throw new IOException("the test lets nothing leave loopback");
            }
            return chain.proceed(chain.request());
        }).build();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Connect8x8Client.Builder client() {
        return Connect8x8Client.builder().apiKey(Fixtures.KEY).subAccountId(Fixtures.SUB_ACCOUNT)
                .httpClient(recording).retryPolicy(RetryPolicy.NONE);
    }

    @Test
    void verificationIsRefusedWhenTheOtherApisPointAtALoopbackServer() {
        try (Connect8x8Client client = client().smsBaseUrl(local).chatAppsBaseUrl(local).build()) {
            ValidationException send = assertThrows(ValidationException.class,
                    () -> client.api().verify().send("+6512345678"));
            assertEquals(VERIFY_LIVE, send.getMessage());
            assertEquals("verifyBaseUrl", send.field());
            ValidationException call = assertThrows(ValidationException.class, () -> client.api().call(
                    OperationCall.of("verification:verify-request-v2").body("{\"destination\":\"+6512345678\"}")));
            assertEquals(VERIFY_LIVE, call.getMessage());
            ValidationException async = failure(ValidationException.class, client.api().callAsync(
                    OperationCall.of("verification:code-validation-v2").param("sessionId", "s-1")
                            .param("code", "123456")));
            assertEquals(VERIFY_LIVE, async.getMessage());

            // The APIs on the test server work as before.
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            assertEquals("u-1", client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()).umid());
        }
        assertEquals(List.of(), leaving);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void smsAndChatAppsAreRefusedWhenVerificationPointsAtALoopbackServer() {
        try (Connect8x8Client client = client().verifyBaseUrl(local).build()) {
            Sms sms = Sms.builder().to("+6512345678").text("Hi").build();
            ChatMessage chat = ChatMessage.builder().to("+6512345678").text("Hi").build();
            assertEquals("smsBaseUrl", assertThrows(ValidationException.class, () -> client.sms().send(sms)).field());
            assertEquals("smsBaseUrl", failure(ValidationException.class, client.sms().sendAsync(sms)).field());
            assertEquals("chatAppsBaseUrl: is not set, so calls would go to the live host https://chatapps.8x8.com "
                            + "while another API's base URL is a loopback test server; nothing was sent: set it too, "
                            + "to the test server (or to https://chatapps.8x8.com to call 8x8 on purpose)",
                    assertThrows(ValidationException.class, () -> client.chatApps().send(chat)).getMessage());
            OperationCall single = OperationCall.of("sms:Send-Sms-Single")
                    .body("{\"destination\":\"+6512345678\",\"text\":\"Hi\"}");
            assertEquals("smsBaseUrl",
                    assertThrows(ValidationException.class, () -> client.api().call(single)).field());
            // The escape hatch reports a failure without an answer as its generated code does: an IOException.
            var request = new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678").text("Hi");
            var e = assertThrows(io.connect8x8.generated.sms.ApiException.class,
                    () -> client.generated().sms().sendSmsSingle(Fixtures.SUB_ACCOUNT, request));
            assertEquals("smsBaseUrl", assertInstanceOf(ValidationException.class, e.getCause().getCause()).field());
        }
        assertEquals(List.of(), leaving);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aProxyForOneApiOrALiveHostSetOnPurposeStillSends() {
        // Not loopback: a proxy in front of the SMS API, the other APIs on their live hosts, as before.
        try (Connect8x8Client proxied = client().smsBaseUrl("https://sms-proxy.example.com").build()) {
            assertThrows(TransportException.class, () -> proxied.api().verify().send("+6512345678"));
        }
        // Loopback for SMS and chat apps, the live Verification host given explicitly.
        try (Connect8x8Client explicit = client().smsBaseUrl(local).chatAppsBaseUrl(local)
                .verifyBaseUrl("https://verify.8x8.com").build()) {
            assertThrows(TransportException.class, () -> explicit.api().verify().send("+6512345678"));
        }
        assertEquals(List.of("https://verify.8x8.com/api/v2/subaccounts/acme.sub_1/sessions",
                "https://verify.8x8.com/api/v2/subaccounts/acme.sub_1/sessions"), leaving);
    }
}
