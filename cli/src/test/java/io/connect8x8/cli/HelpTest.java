package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command has --help with an example and the exit codes. */
class HelpTest {

    static List<String> commands() {
        return List.of("", "sms", "sms send", "sms batch", "sms info", "chat", "chat send", "whatsapp",
                "whatsapp otp", "whatsapp template", "sandbox", "demo");
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
}
