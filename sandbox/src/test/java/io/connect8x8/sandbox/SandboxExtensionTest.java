package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.sms.Sms;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(sandbox -> sandbox.apiKey("extension-key"))
            .build();

    private static Sandbox first;
    private static Connect8x8Client firstClient;

    private static Sms sms() {
        return Sms.builder().to("+6591234567").from("8x8").text("x").build();
    }

    @Test
    @Order(1)
    void injectsARunningSandboxAndAClientPointedAtIt(Sandbox sandbox, Connect8x8Client client) {
        first = sandbox;
        firstClient = client;

        assertTrue(client.sms().send(sms()).accepted());
        assertEquals(200, Http.post(sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme/messages", "extension-key",
                json("{'destination':'6591234567','text':'x'}")).status());
        assertEquals(SandboxExtension.DEFAULT_SUB_ACCOUNT_ID, sandbox.messages().get(0).subAccountId());
        assertTrue(sandbox.port() > 0);
        sandbox.faults().serverErrors(1.0);
    }

    @Test
    @Order(2)
    void sharesSandboxAndClientAcrossTheClassAndResetsBeforeEachTest(Sandbox sandbox, Connect8x8Client client) {
        assertSame(first, sandbox);
        assertSame(firstClient, client);
        assertSame(sandbox, SANDBOX.sandbox());
        assertSame(client, SANDBOX.client());
        assertTrue(sandbox.messages().isEmpty());
        assertEquals(0, sandbox.requestCount());
        assertTrue(client.chatApps().send(io.connect8x8.chatapps.ChatMessage.builder().to("+6591234567")
                .text("x").build()).accepted());
    }

    @Test
    void theClientsOneTimeCodesGoToTheSimulator(Sandbox sandbox, Connect8x8Client client) {
        // Checked on a preview first, so that a client pointed elsewhere sends nothing there.
        String url = client.api().preview(OperationCall.of("verification:verify-request-v2")
                .body(Map.of("destination", "+6591234567"))).url();
        assertTrue(url.startsWith(sandbox.verifyBaseUrl() + "/"), url);

        ApiResult session = client.api().verify().send("+6591234567");
        String id = session.raw().string("sessionId").orElseThrow();
        ApiResult checked = client.api().verify().check(id, sandbox.verificationCode(id));

        assertEquals("VERIFIED", checked.raw().string("status").orElseThrow());
    }

    @Test
    void staticRegistrationClosesSandboxAndClientAfterTheClass() throws Exception {
        PerClass.SEEN_SANDBOXES.clear();
        PerClass.SEEN_CLIENTS.clear();

        TestExecutionSummary summary = run(PerClass.class);

        assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
        assertSame(PerClass.SEEN_SANDBOXES.get(0), PerClass.SEEN_SANDBOXES.get(1));
        assertSame(PerClass.SEEN_CLIENTS.get(0), PerClass.SEEN_CLIENTS.get(1));
        assertTrue(PerClass.SEEN_CLIENTS.get(0).isClosed());
        assertRefusesConnections(PerClass.SEEN_SANDBOXES.get(0));
    }

    @Test
    void instanceRegistrationGivesEachTestItsOwnSandboxAndClosesIt() throws Exception {
        PerTest.SEEN_SANDBOXES.clear();
        PerTest.SEEN_CLIENTS.clear();

        TestExecutionSummary summary = run(PerTest.class);

        assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
        assertNotSame(PerTest.SEEN_SANDBOXES.get(0), PerTest.SEEN_SANDBOXES.get(1));
        assertNotSame(PerTest.SEEN_CLIENTS.get(0), PerTest.SEEN_CLIENTS.get(1));
        for (int i = 0; i < 2; i++) {
            assertTrue(PerTest.SEEN_CLIENTS.get(i).isClosed());
            assertRefusesConnections(PerTest.SEEN_SANDBOXES.get(i));
        }
    }

    @Test
    void accessorsFailOutsideTheExtensionsLifetime() {
        SandboxExtension unused = SandboxExtension.builder().build();

        assertThrows(IllegalStateException.class, unused::sandbox);
        assertThrows(IllegalStateException.class, unused::client);
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameter(Fixture.ENABLED, "true")
                .build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(f -> text.append(f.getTestIdentifier().getDisplayName()).append(": ")
                .append(f.getException()).append('\n'));
        return text.toString();
    }

    private static void assertRefusesConnections(Sandbox sandbox) {
        int port = Integer.parseInt(sandbox.rootUrl().substring(sandbox.rootUrl().lastIndexOf(':') + 1));
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            } catch (ConnectException expected) {
                throw expected;
            } catch (IOException other) {
                throw new AssertionError("expected a refused connection", other);
            }
        });
    }

    /** Marks fixture classes, which run only when launched by the tests above (never by the build's own run). */
    static final class Fixture {
        static final String ENABLED = "connect8x8.sandbox.fixtures";

        private Fixture() {
        }
    }

    @org.junit.jupiter.api.condition.EnabledIf("enabled")
    static class PerClass {
        static final List<Sandbox> SEEN_SANDBOXES = new CopyOnWriteArrayList<>();
        static final List<Connect8x8Client> SEEN_CLIENTS = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static final SandboxExtension SANDBOX = SandboxExtension.builder().subAccountId("per-class").build();

        static boolean enabled(org.junit.jupiter.api.extension.ExtensionContext context) {
            return context.getConfigurationParameter(Fixture.ENABLED).isPresent();
        }

        @Test
        void one(Sandbox sandbox, Connect8x8Client client) {
            record(sandbox, client);
        }

        @Test
        void two(Sandbox sandbox, Connect8x8Client client) {
            record(sandbox, client);
        }

        private static void record(Sandbox sandbox, Connect8x8Client client) {
            assertTrue(sandbox.messages().isEmpty());
            client.sms().send(sms());
            assertEquals("per-class", sandbox.messages().get(0).subAccountId());
            SEEN_SANDBOXES.add(sandbox);
            SEEN_CLIENTS.add(client);
        }
    }

    @org.junit.jupiter.api.condition.EnabledIf("enabled")
    static class PerTest {
        static final List<Sandbox> SEEN_SANDBOXES = new CopyOnWriteArrayList<>();
        static final List<Connect8x8Client> SEEN_CLIENTS = new CopyOnWriteArrayList<>();

        @RegisterExtension
        final SandboxExtension sandbox = SandboxExtension.builder().build();

        static boolean enabled(org.junit.jupiter.api.extension.ExtensionContext context) {
            return context.getConfigurationParameter(Fixture.ENABLED).isPresent();
        }

        @Test
        void one(Sandbox sandbox, Connect8x8Client client) {
            record(sandbox, client);
        }

        @Test
        void two(Sandbox sandbox, Connect8x8Client client) {
            record(sandbox, client);
        }

        private void record(Sandbox running, Connect8x8Client client) {
            assertSame(running, sandbox.sandbox());
            client.sms().send(sms());
            assertEquals(1, running.messages().size());
            SEEN_SANDBOXES.add(running);
            SEEN_CLIENTS.add(client);
        }
    }
}
