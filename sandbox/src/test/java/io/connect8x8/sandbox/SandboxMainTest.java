package io.connect8x8.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    private static final String NL = System.lineSeparator();

    /** One run of SandboxMain's main logic in this JVM: its exit code and what it printed. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(SandboxMain.Serve serve, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SandboxMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), serve);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) throws InterruptedException {
        return run(sandbox -> { }, args);
    }

    /** A bad option: exit 2, the line naming it, then the usage line; nothing on stdout, nothing started. */
    private static void assertUsageError(String line, String... args) throws InterruptedException {
        Run run = run(sandbox -> {
            throw new AssertionError("started with " + String.join(" ", args));
        }, args);

        assertEquals("error: " + line + NL + SandboxMain.USAGE + NL, run.err());
        assertEquals(2, run.code());
        assertEquals("", run.out());
    }

    @Test
    void printsBothBaseUrlsAndTheKey() {
        Sandbox.Builder builder = Sandbox.builder();
        SandboxMain.parse(new String[] {"--port", "0", "--api-key", "cli-key"}, builder);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (Sandbox sandbox = builder.build().start()) {
            SandboxMain.print(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);

            assertTrue(printed.contains(sandbox.smsBaseUrl()), printed);
            assertTrue(printed.contains(sandbox.chatAppsBaseUrl()), printed);
            assertTrue(printed.contains("cli-key"), printed);
            assertEquals("cli-key", sandbox.apiKey());
        }
    }

    @Test
    void rejectsUnknownOptions() {
        assertThrows(IllegalArgumentException.class,
                () -> SandboxMain.parse(new String[] {"--colour", "red"}, Sandbox.builder()));
    }

    @Test
    void startsPrintsItsUrlsAndClosesWhenServeReturns() throws InterruptedException {
        AtomicReference<Sandbox> served = new AtomicReference<>();

        Run run = run(served::set, "--port", "0", "--api-key", "cli-key");

        Sandbox sandbox = served.get();
        assertEquals(0, run.code());
        assertEquals("", run.err());
        assertEquals("8x8 sandbox listening" + NL
                + "SMS API:            " + sandbox.smsBaseUrl() + NL
                + "Messaging Apps API: " + sandbox.chatAppsBaseUrl() + NL
                + "Verification API:   " + sandbox.verifyBaseUrl() + NL
                + "API key:            cli-key" + NL
                + "Admin:              " + sandbox.rootUrl() + "/__admin/messages" + NL, run.out());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", sandbox.port()).close(),
                "closed once serve returned");
    }

    @Test
    void aPortInUseIsOneLineAndExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Run run = run(sandbox -> {
                throw new AssertionError("started on a port in use");
            }, "--port", String.valueOf(port));

            assertEquals("error: --port " + port + ": cannot listen on 127.0.0.1:" + port
                    + " (Address already in use); --port 0 takes a free one" + NL, run.err());
            assertEquals(2, run.code());
            assertEquals("", run.out());
        }
    }

    @Test
    void aPortThatIsNoNumberNamesTheOption() throws InterruptedException {
        assertUsageError("--port must be a number from 0 to 65535: 'abc'", "--port", "abc");
        assertUsageError("--port must be a number from 0 to 65535: '65536'", "--port", "65536");
        assertUsageError("--port must be a number from 0 to 65535: '-1'", "--port", "-1");
    }

    @Test
    void aBadRateLimitNamesTheOption() throws InterruptedException {
        assertUsageError("--rate-limit must be a number of requests a second, 0 (no limit) or more: 'fast'",
                "--rate-limit", "fast");
        assertUsageError("--rate-limit must be a number of requests a second, 0 (no limit) or more: '-5'",
                "--rate-limit", "-5");
    }

    @Test
    void aBadWebhookNamesTheOption() throws InterruptedException {
        assertUsageError("--webhook must be an http or https URL: 'ftp://127.0.0.1/receipts'",
                "--webhook", "ftp://127.0.0.1/receipts");
        assertUsageError("--webhook must be an http or https URL: 'http://127.0.0.1/a b'",
                "--webhook", "http://127.0.0.1/a b");
    }

    @Test
    void aBadHostOrBlankKeyNamesTheOption() throws InterruptedException {
        // An IPv6 literal without its closing bracket fails without a DNS lookup.
        assertUsageError("--host must be an IP address or a name this machine resolves: '[::1'", "--host", "[::1");
        assertUsageError("--api-key must not be blank", "--api-key", " ");
    }

    @Test
    void aMissingValueOrUnknownOptionIsNamedWithoutItsValue() throws InterruptedException {
        assertUsageError("missing value for --port", "--port");
        assertUsageError("missing value for --api-key", "--api-key", "--port", "8080");
        Run misspelt = run("--api-kye", "live-key-123");
        assertEquals("error: unknown option --api-kye" + NL + SandboxMain.USAGE + NL, misspelt.err());
        assertEquals(2, misspelt.code());
        assertFalse(misspelt.err().contains("live-key-123"), misspelt.err());
    }

    @Test
    void helpPrintsTheUsageAndExits0() throws InterruptedException {
        Run run = run(sandbox -> {
            throw new AssertionError("started for --help");
        }, "--help");

        assertEquals(SandboxMain.USAGE + NL, run.out());
        assertEquals("", run.err());
        assertEquals(0, run.code());
    }
}
