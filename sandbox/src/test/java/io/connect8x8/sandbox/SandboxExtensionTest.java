package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(sandbox -> sandbox.apiKey("extension-key"))
            .build();

    private static Sandbox first;

    @Test
    @Order(1)
    void injectsARunningSandboxOnAFreePort(Sandbox sandbox) {
        first = sandbox;
        Http.Reply reply = Http.post(sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme/messages", "extension-key",
                json("{'destination':'6591234567','text':'x'}"));

        assertEquals(200, reply.status());
        assertTrue(sandbox.port() > 0);
        sandbox.faults().serverErrors(1.0);
    }

    @Test
    @Order(2)
    void sharesTheSandboxAcrossTheClassAndResetsBeforeEachTest(Sandbox sandbox) {
        assertSame(first, sandbox);
        assertSame(sandbox, SANDBOX.sandbox());
        assertTrue(sandbox.messages().isEmpty());
        assertEquals(0, sandbox.requestCount());
        assertEquals(200, Http.post(sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme/messages", "extension-key",
                json("{'destination':'6591234567','text':'x'}")).status());
    }
}
