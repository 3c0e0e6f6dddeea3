package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each outcome has its exit code and a one-line message on stderr, without a stack trace. */
class ExitCodeTest {

    private static void assertOneLine(Cli.Run run) {
        assertEquals("", run.out());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.err().contains(Cli.KEY));
    }

    @Test
    void malformedNumberIsRejectedBeforeSendingAndNamesTheField() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("sms", "send", "--to", "12ab", "--text", "hi");
            assertEquals(2, run.exitCode());
            assertTrue(run.err().startsWith("connect8x8: invalid destination: "), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertOneLine(run);
            assertEquals(0, api.requests().size());
        }
    }

    @Test
    void unknownOptionIsBadUsage() {
        Cli.Run run = Cli.plain().run("sms", "send", "--to", "+6512345678", "--text", "hi", "--bogus");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("connect8x8: Unknown option: '--bogus'"), run.err());
        assertOneLine(run);
    }

    @Test
    void missingKeyIsBadUsage() {
        Cli.Run run = Cli.plain().run("--subaccount", "acme", "sms", "send", "--to", "+6512345678", "--text", "hi");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("connect8x8: invalid apiKey: no API key"), run.err());
    }

    /**
     * An --api-key-file that cannot be read is bad input (exit 2) named by the option, its path and the reason in
     * words (it was the JDK's class name, "NoSuchFileException"), before anything is sent; a malformed key in it is
     * described, never shown.
     */
    @Test
    void unreadableKeyFileNamesTheOptionThePathAndTheReason(@TempDir Path temp) throws IOException {
        Path missing = temp.resolve("no-such-key");
        Path badKey = Files.writeString(temp.resolve("bad-key"), "SeCrEt KeY\n");
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("--api-key-file", missing.toString(), "sms", "send", "--to",
                    "+6512345678", "--text", "hi");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("connect8x8: invalid --api-key-file: cannot read " + missing + ": no such file\n",
                    run.err());
            assertOneLine(run);

            Cli.Run directory = Cli.withEnv(api.env()).run("--api-key-file", temp.toString(), "sms", "send", "--to",
                    "+6512345678", "--text", "hi");
            assertEquals(ExitCodes.USAGE, directory.exitCode(), directory.all());
            assertEquals("connect8x8: invalid --api-key-file: cannot read " + temp + ": is a directory\n",
                    directory.err());
            assertOneLine(directory);

            Cli.Run malformed = Cli.withEnv(api.env()).run("--api-key-file", badKey.toString(), "sms", "send",
                    "--to", "+6512345678", "--text", "hi");
            assertEquals(ExitCodes.USAGE, malformed.exitCode(), malformed.all());
            assertEquals("connect8x8: invalid apiKey: the API key contains whitespace at position 7 of 10\n",
                    malformed.err());
            assertFalse(malformed.all().contains("SeCrEt"), malformed.all());
            assertEquals(0, api.requests().size());
        }
    }

    /** A missing sub-account or account id names the option and the variable that give it, before any I/O. */
    @Test
    void missingSubAccountOrAccountNamesTheOptionThatGivesIt() {
        Cli.Run send = Cli.plain().run("--dry-run", "sms", "send", "--to", "+6512345678", "--text", "hi");
        assertEquals(2, send.exitCode());
        assertEquals("connect8x8: invalid subAccountId: is required: give --subaccount or set "
                + "CONNECT8X8_SUBACCOUNT_ID\n", send.err());
        assertOneLine(send);
        Cli.Run status = Cli.plain().run("--dry-run", "sms", "status", "0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b");
        assertEquals(2, status.exitCode());
        assertEquals("connect8x8: invalid subAccountId: is required by get-sms-message-details: give --subaccount "
                + "or set CONNECT8X8_SUBACCOUNT_ID\n", status.err());
        assertOneLine(status);
        Cli.Run templates = Cli.plain().run("--dry-run", "whatsapp", "templates", "--channel", "c");
        assertEquals(2, templates.exitCode());
        assertEquals("connect8x8: invalid accountId: is required by get-whatsapp-templates: give --account or set "
                + "CONNECT8X8_ACCOUNT_ID\n", templates.err());
        assertOneLine(templates);
    }

    /**
     * The SMS and Messaging Apps URLs on a loopback test server without a Verification URL: a verification call names
     * the option and the variable to set, not the builder's setting, and nothing is sent.
     */
    @Test
    void aVerifyCallBesideLoopbackUrlsNamesTheVerifyUrlOption() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("verify", "send", "--to", "+6587654321");
            assertEquals(2, run.exitCode());
            assertEquals("connect8x8: invalid --verify-url: is not set, so calls would go to the live host "
                    + "https://verify.8x8.com while another API's base URL is a loopback test server; nothing was "
                    + "sent: give --verify-url too, or set CONNECT8X8_VERIFY_URL\n", run.err());
            assertOneLine(run);
            assertEquals(0, api.requests().size());
        }
    }

    @Test
    void apiBadRequestGivesStatusCodeAndMessage() throws IOException {
        try (FakeApi api = new FakeApi()) {
            api.failWith(400, 1002, "Invalid MSISDN");
            Cli.Run run = Cli.withEnv(api.env()).run("sms", "send", "--to", "+6512345678", "--text", "hi");
            assertEquals(3, run.exitCode());
            assertTrue(run.err().startsWith("connect8x8: API error: HTTP 400, 8x8 code 1002: Invalid MSISDN"),
                    run.err());
            assertOneLine(run);
        }
    }

    @Test
    void wrongRegionNamesTheRegionToUse() throws IOException {
        try (FakeApi api = new FakeApi()) {
            api.failWith(403, 1201, "Account was not found in SG. Please use the ID endpoint!");
            Cli.Run run = Cli.withEnv(api.env()).run("chat", "send", "--to", "+6512345678", "--text", "hi");
            assertEquals(3, run.exitCode());
            assertTrue(run.err().contains("HTTP 403, 8x8 code 1201"), run.err());
            assertTrue(run.err().endsWith("; the account is in Indonesia: use --region id\n"), run.err());
            assertTrue(!run.err().contains("use region"), "the hint once, in the CLI's words: " + run.err());
            assertOneLine(run);
        }
    }

    @Test
    void closedPortIsNotSent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Cli.Run run = Cli.plain().run("--api-key", Cli.KEY, "--subaccount", "acme", "--timeout", "5",
                "--sms-url", "http://127.0.0.1:" + port, "sms", "send", "--to", "+6512345678", "--text", "hi");
        assertEquals(5, run.exitCode(), "never reached the API: not sent");
        // Said once: it read "...; the request was not sent (nothing was sent)".
        assertTrue(run.err().matches("connect8x8: transport failure: [^;()]+ on attempt \\d+ \\(nothing was sent\\)\n"),
                run.err());
        assertOneLine(run);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run run = Cli.plain().run("-v", "--api-key", Cli.KEY, "--subaccount", "acme", "sms", "send", "--to",
                "12ab", "--text", "hi");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
        assertFalse(run.all().contains(Cli.KEY));
    }
}
