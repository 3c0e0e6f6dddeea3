package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connect8x8.cli.internal.CliContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code connect8x8} builds only the command its arguments name (the simulator's start should not wait for picocli
 * to build 24 other commands): every run answers exactly as the command line with every command does, and the
 * root's usage, a misspelt command, or an argument that could be read otherwise still get every command.
 */
class NamedCommandTest {

    static List<String> arguments() {
        return List.of("", "--help", "-h", "--version", "sms", "chat", "sms --help", "sms send --help",
                "sms batch --help", "sms info --help", "sms status --help", "sms cancel --help", "chat --help",
                "chat send --help", "whatsapp --help", "whatsapp otp --help", "whatsapp template --help",
                "whatsapp batch --help", "whatsapp templates --help", "sandbox --help", "demo --help", "api --help",
                "verify --help", "verify send --help", "verify check --help", "verify check --help --json",
                "sandbox -h", "sandbox -V", "sandbox --version", "--help sandbox", "-V sandbox",
                "sandbox --prot 1", "sandbox smss", "sandbox sms", "sandbox --port", "sandbox --port x",
                "sandbox --port 70000", "sandbox --port 70000 --api-key", "-v sandbox --port 70000",
                "--verbose --json sandbox --record-window -1", "--api-key=k sandbox --port 70000",
                "--api-key sms sandbox --port 70000", "--api-key sandbox sms info --text hi",
                "--subaccount sandbox", "--sms-url sandbox --port 70000", "--timeout abc sandbox",
                "--timeout=abc sandbox --port 70000", "--json=true sandbox --port 70000", "-- sandbox",
                "-vq sandbox", "sandbx", "sms sendd", "sms info", "sms info --text hi", "--json sms info --text hi",
                "sms info --text hi --json", "--api-key", "whatsapp otp --to 1", "demo --port 70000",
                "--dry-run --api-key k --subaccount s sms send --to +6512345678 --text hi",
                "--dry-run --subaccount s chat send --to +6512345678 --text hi --api-key k",
                "--dry-run --api-key k api sendSms -p subAccountId=s --body {}");
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void answersAsTheCommandLineWithEveryCommand(String arguments) {
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");
        Cli cli = Cli.withEnv(Map.of("CONNECT8X8_API_KEY", Cli.KEY));
        assertEquals(withoutStackFrames(cli.runWithEveryCommand(args)), withoutStackFrames(cli.run(args)));
    }

    /** A run with its stack traces' frames left out (--verbose prints one): the test's own frames differ. */
    private static Cli.Run withoutStackFrames(Cli.Run run) {
        return new Cli.Run(run.exitCode(), run.out(), run.err().replaceAll("(?m)^\\t(at |\\.\\.\\. ).*\\R", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sandbox --port 70000                  | sandbox",
        "-v --api-key=k --subaccount s sandbox | sandbox",
        "--sms-url http://x sandbox            | sandbox",
        "--json sms info --text hi             | sms",
        "whatsapp otp --help                   | whatsapp",
        "''                                    | every",
        "--help sandbox                        | every",
        "-vq sandbox                           | every",
        "-- sandbox                            | every",
        "--api-key sandbox sms info --text hi  | every",
        "sandbx                                | every",
        "--timeout                             | every"})
    void buildsOnlyTheNamedCommand(String arguments, String built) {
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");
        CliContext context = new CliContext(Map.of(), settings -> {
            throw new IllegalStateException("no simulator in this test");
        }, () -> false);
        Set<String> expected = built.equals("every")
                ? Set.of("sms", "chat", "whatsapp", "sandbox", "demo", "api", "verify") : Set.of(built);
        assertEquals(expected, Main.newCommandLine(context, args).getSubcommands().keySet());
    }
}
