package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.webhooks.DeliveryReceipt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Spring Boot application with the starter, in sandbox mode: the client bean sends a WhatsApp OTP to the simulator,
 * and the simulator posts its receipts over HTTP to the application's webhook endpoint, which publishes them as events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = SandboxEndToEndTest.App.class)
@AutoConfigureConnect8x8Sandbox
class SandboxEndToEndTest {

    @Autowired
    Connect8x8Client client;
    @Autowired
    SandboxServer sandbox;
    @Autowired
    Receipts receipts;
    @LocalServerPort
    int port;

    @Test
    void sendsAnOtpAndReceivesEachReceiptOnceAsAnEvent() throws Exception {
        ChatResult result = client.chatApps().send(ChatMessage.builder().to("+6591234567")
                .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
                .clientMessageId("otp-spring-1").build());

        assertTrue(sandbox.sandbox().awaitReceipts(4, Duration.ofSeconds(30)), "4 receipts delivered");
        List<DeliveryReceipt> received = receipts.of(result.umid());
        assertEquals(List.of("queued", "delivered", "delivered", "read"),
                received.stream().map(DeliveryReceipt::state).toList());
        assertTrue(received.stream().allMatch(r -> "otp-spring-1".equals(r.clientMessageId())));

        String replay = """
                {"namespace": "ChatApps", "eventType": "outbound_message_status_changed", "version": 9,
                 "payload": {"umid": "%s", "status": {"state": "read", "detail": "read_by_recipient",
                  "timestamp": "2026-01-01T00:00:00Z"}}}""".formatted(result.umid());
        try (Response response = new OkHttpClient().newCall(new Request.Builder()
                .url("http://127.0.0.1:" + port + "/connect8x8/webhook")
                .post(RequestBody.create(replay, MediaType.get("application/json"))).build()).execute()) {
            assertEquals(200, response.code());
            assertEquals("duplicate", response.body().string());
        }
        assertEquals(4, receipts.of(result.umid()).size(), "a duplicate is not published again");
    }

    @Test
    void sendsAndChecksAOneTimeCodeOnTheSimulator() {
        // Checked on a preview first, so that a client pointed elsewhere sends nothing there.
        String url = client.api().preview(OperationCall.of("verification:verify-request-v2")
                .body(Map.of("destination", "+6591234567"))).url();
        assertTrue(url.startsWith(sandbox.verifyBaseUrl() + "/"), url);

        String id = client.api().verify().send("+6591234567").raw().string("sessionId").orElseThrow();
        ApiResult checked = client.api().verify().check(id, sandbox.sandbox().verificationCode(id));

        assertEquals("VERIFIED", checked.raw().string("status").orElseThrow());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Receipts.class)
    static class App {
    }

    @Component
    static class Receipts {
        private final List<DeliveryReceipt> all = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DeliveryReceiptEvent event) {
            all.add(event.receipt());
        }

        List<DeliveryReceipt> of(String umid) {
            return all.stream().filter(r -> r.umid().equals(umid)).toList();
        }
    }
}
