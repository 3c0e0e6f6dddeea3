package io.connect8x8.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.webhooks.ChatAppsInboundMessage;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.InboundMessage;
import io.connect8x8.webhooks.ReceiptReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The servlet in a real container (Jetty 12, Jakarta EE 10) on loopback, driven over HTTP as 8x8 would drive it. */
class ReceiptReceiverServletTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private static final String SECRET = "Bearer s3cret";
    private static final String SMS_RECEIPT = """
            {"namespace": "SMS", "eventType": "outbound_message_status_changed",
             "payload": {"umid": "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a", "clientMessageId": "order-1",
              "status": {"state": "delivered", "detail": "delivered_to_recipient",
               "timestamp": "2026-01-01T00:00:00Z"}}}
            """;
    private static final String LINE_INBOUND = """
            {"eventType": "inboundMessage", "channel": "line", "user": {"channelUserId": "Ua12b3"},
             "umid": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "subAccountId": "acme",
             "timestamp": "2026-06-18T05:15:30.00Z", "type": "Text", "content": {"text": "Hello from LINE"},
             "version": 1, "recipient": {"recipientId": "7ee31a3f-9ed7-49f6-800f-a697e687553f"}}
            """;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(sandbox -> sandbox.receiptTimeFactor(0.001))
            .build();

    private static final List<DeliveryReceipt> RECEIPTS = new CopyOnWriteArrayList<>();
    private static final List<InboundMessage> INBOUND = new CopyOnWriteArrayList<>();
    private static Server jetty;
    private static String baseUrl;

    @BeforeAll
    static void startJetty() throws Exception {
        ReceiptReceiver authenticated = ReceiptReceiver.builder().expectedAuthorization(SECRET)
                .maxBodyBytes(10_000).onReceipt(RECEIPTS::add).onInbound(INBOUND::add).build();
        // The simulator sends no Authorization header, like an 8x8 webhook configured without one.
        ReceiptReceiver open = ReceiptReceiver.builder().withoutAuthorization().onReceipt(RECEIPTS::add).build();
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ReceiptReceiverServlet(authenticated)), "/8x8/webhook");
        context.addServlet(new ServletHolder(new ReceiptReceiverServlet(open)), "/sandbox/webhook");
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        jetty.setHandler(context);
        jetty.start();
        baseUrl = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        jetty.stop();
    }

    @BeforeEach
    void forget() {
        RECEIPTS.clear();
        INBOUND.clear();
    }

    private record Answer(int code, String body, String allow) {
    }

    private static Answer post(String path, String json, String authorization) throws IOException {
        Request.Builder request = new Request.Builder().url(baseUrl + path).post(RequestBody.create(json, JSON));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return call(request.build());
    }

    private static Answer call(Request request) throws IOException {
        try (Response response = HTTP.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.header("Allow"));
        }
    }

    @Test
    void acceptsAReceiptOnceAndAnswersItsDuplicate200() throws IOException {
        assertEquals(new Answer(200, "accepted", null), post("/8x8/webhook", SMS_RECEIPT, SECRET));
        assertEquals(new Answer(200, "duplicate", null), post("/8x8/webhook", SMS_RECEIPT, SECRET));

        assertEquals(1, RECEIPTS.size());
        assertEquals("order-1", RECEIPTS.get(0).clientMessageId());
    }

    @Test
    void refusesAWrongOrMissingAuthorizationWithoutCallingTheListener() throws IOException {
        assertEquals(new Answer(401, "unauthorized", null), post("/8x8/webhook", SMS_RECEIPT, null));
        assertEquals(new Answer(401, "unauthorized", null), post("/8x8/webhook", SMS_RECEIPT, "Bearer s3cre"));
        assertTrue(RECEIPTS.isEmpty());
    }

    @Test
    void answers405WithAllowForGet() throws IOException {
        Answer answer = call(new Request.Builder().url(baseUrl + "/8x8/webhook").header("Authorization", SECRET)
                .get().build());

        assertEquals(new Answer(405, "method not allowed", "POST"), answer);
    }

    @Test
    void answers413ForABodyOverTheLimit() throws IOException {
        String large = "{\"eventType\": \"x\", \"padding\": \"" + "x".repeat(20_000) + "\"}";

        assertEquals(413, post("/8x8/webhook", large, SECRET).code());
    }

    @Test
    void answers400ForLenientJson() throws IOException {
        Answer answer = post("/8x8/webhook", "{eventType: \"inboundMessage\"}", SECRET);

        assertEquals(400, answer.code());
        assertTrue(answer.body().startsWith("bad webhook: body is not JSON"), answer.body());
    }

    @Test
    void deliversLinesFlatInboundMessage() throws IOException {
        assertEquals(new Answer(200, "accepted", null), post("/8x8/webhook", LINE_INBOUND, SECRET));

        ChatAppsInboundMessage message = (ChatAppsInboundMessage) INBOUND.get(0);
        assertEquals("line", message.channel());
        assertEquals("Hello from LINE", message.content().text());
    }

    @Test
    void receivesEveryReceiptTheSimulatorPostsForAWhatsAppOtp(Connect8x8Client client, Sandbox sandbox)
            throws InterruptedException {
        ChatResult result = client.chatApps().send(ChatMessage.builder().to("+6591234567")
                .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
                .clientMessageId("otp-1").dlrCallbackUrl(baseUrl + "/sandbox/webhook").build());

        assertTrue(sandbox.awaitReceipts(4, Duration.ofSeconds(30)), "4 receipts delivered");
        assertEquals(List.of("queued", "delivered", "delivered", "read"),
                RECEIPTS.stream().map(DeliveryReceipt::state).toList());
        assertTrue(RECEIPTS.stream().allMatch(r -> r.umid().equals(result.umid())
                && "otp-1".equals(r.clientMessageId())));
    }
}
