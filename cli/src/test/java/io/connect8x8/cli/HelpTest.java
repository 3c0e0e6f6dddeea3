package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command has --help with an example and the exit codes. */
class HelpTest {

    static List<String> commands() {
        return List.of("", "sms", "sms send", "sms batch", "sms info", "sms status", "sms cancel", "chat",
                "chat send", "whatsapp", "whatsapp otp", "whatsapp template", "whatsapp batch", "whatsapp templates",
                "sandbox", "demo", "api", "verify", "verify send", "verify check");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpShowsAnExampleAndTheExitCodes(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = new String[words.length + 1];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--help";
        Cli.Run run = Cli.plain().run(args);
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Example"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("  3   rejected by the API"), run.out());
        assertTrue(run.out().contains("  5   not sent, safe to retry"), run.out());
    }

    /**
     * {@code sandbox} reads only {@code --api-key}, as the key the simulator accepts, never the variable (it may hold a
     * live key); {@code sms info} is offline, so its {@code --json} prints no API response.
     */
    @Test
    void globalOptionsAreDescribedAsTheCommandReadsThem() {
        String sandbox = Cli.plain().run("sandbox", "--help").out();
        assertTrue(sandbox.contains("--api-key=KEY       The key the simulator accepts instead of its test key"),
                sandbox);
        assertFalse(sandbox.contains("(env CONNECT8X8_API_KEY)"), sandbox);
        assertFalse(sandbox.contains("--api-key-file"), sandbox);
        String info = Cli.plain().run("sms", "info", "--help").out();
        assertTrue(info.contains("--json        Print the figures as one JSON object on stdout."), info);
        assertFalse(info.contains("API's response"), info);
        // The global option still works in the command it is reworded in.
        Cli.Run json = Cli.plain().run("sms", "info", "--json", "--text", "hi");
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.out().startsWith("{"), json.out());
    }

    /** The account id of the templates example is one the document accepts (a UUID), so the example runs. */
    @Test
    void theTemplatesExampleRuns() {
        String help = Cli.plain().run("whatsapp", "templates", "--help").out();
        assertTrue(help.contains("connect8x8 --account 0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b whatsapp templates"),
                help);
        Cli.Run run = Cli.plain().run("--dry-run", "--account", "0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b", "whatsapp",
                "templates", "--channel", "ec36a867-3dd4-e911-814a-02d85f55fce8");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("/api/v1/accounts/0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b/"), run.out());
    }

    /** --account is read by account-level operations only; the other commands' help leaves it out but accepts it. */
    @Test
    void onlyAccountLevelCommandsListTheAccountOption() {
        for (String command : commands()) {
            String[] words = command.isEmpty() ? new String[0] : command.split(" ");
            String[] args = Arrays.copyOf(words, words.length + 1);
            args[words.length] = "--help";
            String help = Cli.plain().run(args).out();
            boolean accountLevel = command.isEmpty() || command.equals("api") || command.equals("whatsapp templates");
            assertEquals(accountLevel, help.contains("--account=ID"), command + "\n" + help);
        }
        Cli.Run send = Cli.plain().run("--dry-run", "--subaccount", "acme", "sms", "send", "--to", "+6512345678",
                "--text", "hi", "--account", "0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b");
        assertEquals(0, send.exitCode(), send.all());
    }
}
