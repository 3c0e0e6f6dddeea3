package io.connect8x8.spring;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The usual application: {@code connect8x8.webhook.authorization} in its properties for production, and a test in
 * sandbox mode. The simulator posts its receipts without an {@code Authorization} header, so the README promises
 * that in sandbox mode the endpoint accepts them; with the production header configured they were answered 401 and
 * no receipt ever reached the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = SandboxEndToEndTest.App.class,
        properties = "connect8x8.webhook.authorization=Bearer production-webhook-secret")
@AutoConfigureConnect8x8Sandbox
class SandboxWithWebhookAuthorizationTest extends SandboxReceiptsRoundTrip {
}
