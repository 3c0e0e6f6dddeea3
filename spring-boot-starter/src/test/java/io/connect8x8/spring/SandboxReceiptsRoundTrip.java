package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.webhooks.DeliveryReceipt;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An application in sandbox mode, set up as a subclass says, sends an OTP and receives the simulator's four receipts
 * as events (collected by {@link SandboxEndToEndTest.App}): the round trip a sandbox test relies on, whatever else the
 * application configures. Each subclass is one such application ({@code @SpringBootTest} with its properties,
 * {@code @AutoConfigureConnect8x8Sandbox}).
 */
abstract class SandboxReceiptsRoundTrip {

    @Autowired
    Connect8x8Client client;
    @Autowired
    SandboxServer sandbox;
    @Autowired
    SandboxEndToEndTest.Receipts receipts;

    @Test
    void theSimulatorsReceiptsReachTheApplicationAsEvents() throws Exception {
        ChatResult result = client.chatApps().send(ChatMessage.builder().to("+6591234567")
                .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
                .clientMessageId("otp-round-trip-1").build());

        // Settled: delivered, or given up after the simulator's retries (what a 401 or 404 on every post ends in).
        assertTrue(sandbox.sandbox().awaitReceiptsSettled(4, Duration.ofSeconds(30)), "4 receipts settled");
        assertEquals(List.of("queued", "delivered", "delivered", "read"),
                receipts.of(result.umid()).stream().map(DeliveryReceipt::state).toList());
    }
}
