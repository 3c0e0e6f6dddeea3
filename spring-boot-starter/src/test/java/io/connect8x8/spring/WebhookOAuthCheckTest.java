package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connect8x8.webhooks.DeliveryReceipt;
import java.io.IOException;
import java.util.List;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An application whose 8x8 webhook is configured with {@code oauth}: 8x8 sends an access token it obtained from the
 * application's token endpoint, so there is no fixed {@code connect8x8.webhook.authorization} to set. A
 * {@link WebhookAuthorizationCheck} bean registers the endpoint and decides; before, the only way to receive was
 * {@code authorization-disabled=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = WebhookOAuthCheckTest.App.class,
        properties = "connect8x8.api-key=sk-test-oauth-webhook-1")
class WebhookOAuthCheckTest {

    private static final String RECEIPT = """
            {"namespace": "SMS", "eventType": "outbound_message_status_changed",
             "payload": {"umid": "oauth-umid-1", "status": {"state": "delivered", "detail": "delivered_to_recipient",
              "timestamp": "2026-01-01T00:00:00Z"}}}""";

    @LocalServerPort
    int port;
    @Autowired
    SandboxEndToEndTest.Receipts receipts;

    private Answer post(String authorization) throws IOException {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + "/connect8x8/webhook")
                .post(RequestBody.create(RECEIPT, MediaType.get("application/json")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = new OkHttpClient().newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int code, String body) {
    }

    @Test
    void theApplicationsCheckDecidesOnTheAccessToken() throws IOException {
        assertEquals(new Answer(401, "unauthorized"), post("Bearer forged-token"));
        assertEquals(new Answer(401, "unauthorized"), post(null));
        assertEquals(new Answer(503, "authorization unavailable, retry later"), post("Bearer while-idp-down"));
        assertEquals(List.of(), receipts.of("oauth-umid-1"));

        assertEquals(new Answer(200, "accepted"), post("Bearer issued-token"));
        assertEquals(List.of("delivered"), receipts.of("oauth-umid-1").stream().map(DeliveryReceipt::state).toList());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SandboxEndToEndTest.Receipts.class)
    static class App {

        @Bean
        WebhookAuthorizationCheck tokenCheck() {
            return header -> {
                if (header.equals("Bearer while-idp-down")) {
                    throw new IllegalStateException("introspection endpoint unreachable");
                }
                return header.equals("Bearer issued-token");
            };
        }
    }
}
