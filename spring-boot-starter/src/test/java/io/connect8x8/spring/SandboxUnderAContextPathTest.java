package io.connect8x8.spring;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application served under {@code server.servlet.context-path}, whose webhook endpoint is therefore at
 * {@code /shop/connect8x8/webhook}. In sandbox mode the simulator posted to {@code /connect8x8/webhook}, without the
 * context path: every receipt was a 404 and none reached the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = SandboxEndToEndTest.App.class,
        properties = "server.servlet.context-path=/shop")
@AutoConfigureConnect8x8Sandbox
class SandboxUnderAContextPathTest extends SandboxReceiptsRoundTrip {
}
