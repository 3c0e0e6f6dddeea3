package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API key appears in no output of any command: not with --verbose, --dry-run, --json, nor in errors. */
class KeyRedactionTest {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("sms", "send", "--to", "+6512345678", "--text", "hi"),
            List.of("sms", "batch", "--to", "+6512345678", "--text", "hi"),
            List.of("chat", "send", "--to", "+6512345678", "--text", "hi"),
            List.of("whatsapp", "otp", "--to", "+6512345678", "--template", "t", "--language", "en_US", "--code", "1"),
            List.of("whatsapp", "template", "--to", "+6512345678", "--template", "t", "--language", "en_US",
                    "--body-param", "x"),
            List.of("sms", "send", "--to", "bad", "--text", "hi"));

    @Test
    void noOutputHoldsTheKey() throws IOException {
        try (FakeApi api = new FakeApi()) {
            for (List<String> flags : List.of(List.of("-v"), List.of("-v", "--dry-run"), List.of("-v", "--json"))) {
                for (List<String> command : COMMANDS) {
                    List<String> args = new ArrayList<>(List.of("--api-key", Cli.KEY, "--subaccount", "acme",
                            "--sms-url", api.smsUrl(), "--chatapps-url", api.chatUrl()));
                    args.addAll(flags);
                    args.addAll(command);
                    Cli.Run run = Cli.plain().run(args.toArray(String[]::new));
                    // The command ran (sent, previewed, or refused the bad number), so its output was produced.
                    int expected = command.contains("bad") ? ExitCodes.USAGE : ExitCodes.OK;
                    assertEquals(expected, run.exitCode(), args + "\n" + run.all());
                    assertFalse(run.all().contains(Cli.KEY), args + "\n" + run.all());
                }
            }
            api.failWith(401, 1200, "Request was not authenticated properly");
            Cli.Run run = Cli.withEnv(api.env()).run("-v", "sms", "send", "--to", "+6512345678", "--text", "hi");
            assertEquals(ExitCodes.API_ERROR, run.exitCode(), run.all());
            assertFalse(run.all().contains(Cli.KEY), run.all());
        }
    }

    @Test
    void verboseLogRedactsTheMessageText() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("-v", "sms", "send", "--to", "+6512345678", "--text",
                    "TopSecretText");
            assertFalse(run.err().contains("TopSecretText"), run.err());
            assertFalse(run.err().isEmpty(), "verbose writes a debug log");
        }
    }

    /** A misspelt key option is an unknown option: its value, the key, is not echoed with it. */
    @Test
    void aMisspeltKeyOptionDoesNotEchoTheKey() {
        Cli.Run separate = Cli.plain().run("--subaccount", "acme", "sms", "send", "--api-kye", Cli.KEY, "--to",
                "+6512345678", "--text", "hi");
        assertEquals(ExitCodes.USAGE, separate.exitCode(), separate.all());
        assertEquals("connect8x8: Unknown options: '--api-kye', '****'\n"
                + "Possible solutions: --api-key, --api-key-file\n"
                + "Try 'connect8x8 sms send --help' for more information.\n", separate.err());
        Cli.Run joined = Cli.plain().run("--apikey=" + Cli.KEY, "sms", "send", "--to", "+6512345678", "--text", "hi");
        assertEquals(ExitCodes.USAGE, joined.exitCode(), joined.all());
        assertTrue(joined.err().startsWith("connect8x8: Unknown option: '--apikey=****'\n"), joined.err());
        assertFalse(joined.all().contains(Cli.KEY), joined.all());
        // A word no unknown option precedes is shown as given: it names the mistake.
        Cli.Run extra = Cli.plain().run("sms", "send", "--to", "+6512345678", "--text", "hi", "extra");
        assertEquals(ExitCodes.USAGE, extra.exitCode(), extra.all());
        assertTrue(extra.err().startsWith("connect8x8: Unmatched argument at index 6: 'extra'\n"), extra.err());
    }
}
