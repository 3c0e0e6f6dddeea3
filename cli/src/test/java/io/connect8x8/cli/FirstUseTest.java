package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.cli.internal.Simulator;
import io.connect8x8.cli.internal.SimulatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a new user meets first: usage, version, JSON from sms info, focused help, the sandbox's key and log. */
class FirstUseTest {

    @Test
    void noArgumentsPrintTheUsageOnStderrAndExit2() {
        Cli.Run run = Cli.plain().run();
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("Usage: connect8x8 "), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "chat", "whatsapp", "verify"})
    void aGroupWithoutItsSubcommandPrintsItsUsageOnStderrAndExits2(String group) {
        Cli.Run run = Cli.plain().run(group);
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("Usage: connect8x8 " + group + " "), run.err());
    }

    @Test
    void versionIsTheProjectVersion() {
        Cli.Run run = Cli.plain().run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("connect8x8 \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
    }

    @Test
    void smsInfoWithJsonPrintsOneJsonObject() {
        Cli.Run run = Cli.plain().run("sms", "info", "--json", "--text", "Grüße");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(JsonParser.parseString("{\"encoding\":\"GSM7\",\"characters\":5,\"length\":5,"
                + "\"lengthUnit\":\"gsm7-positions\",\"parts\":1,\"perPart\":160,\"remainingInLastPart\":155,"
                + "\"truncated\":false}"), JsonParser.parseString(run.out()));
    }

    @Test
    void eachCommandsHelpShowsOnlyTheGlobalOptionsItUses() {
        String info = Cli.plain().run("sms", "info", "--help").out();
        assertTrue(info.contains("--json"), info);
        assertFalse(info.contains("--api-key"), info);
        assertFalse(info.contains("--sms-url"), info);
        assertFalse(info.contains("[--dry-run]"), info);

        String smsSend = Cli.plain().run("sms", "send", "--help").out();
        assertTrue(smsSend.contains("--api-key=KEY"), smsSend);
        assertTrue(smsSend.contains("--sms-url=URL"), smsSend);
        assertFalse(smsSend.contains("--chatapps-url"), smsSend);

        String chatSend = Cli.plain().run("chat", "send", "--help").out();
        assertTrue(chatSend.contains("--chatapps-url=URL"), chatSend);
        assertFalse(chatSend.contains("--sms-url"), chatSend);

        String sandbox = Cli.plain().run("sandbox", "--help").out();
        assertTrue(sandbox.contains("--api-key=KEY"), sandbox);
        assertTrue(sandbox.contains("--quiet"), sandbox);
        assertFalse(sandbox.contains("[--subaccount"), sandbox);
    }

    @Test
    void aHiddenGlobalOptionIsStillAccepted() {
        Cli.Run run = Cli.plain().run("--json", "sms", "info", "--text", "hi");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{"), run.out());
    }

    /** A simulator that records what the command asked of it and answers one request through the log. */
    private static final class RecordingFactory implements SimulatorFactory {
        final List<String> keys = new ArrayList<>();
        final List<Consumer<String>> logs = new ArrayList<>();
        final List<Integer> recordWindows = new ArrayList<>();

        @Override
        public Simulator start(Settings settings) {
            recordWindows.add(settings.recordWindow());
            Consumer<String> requestLog = settings.requestLog();
            keys.add(settings.apiKey());
            logs.add(requestLog);
            if (requestLog != null) {
                requestLog.accept("POST /sms/api/v1/subaccounts/acme/messages 200 +65******67");
            }
            return new Simulator() {
                @Override
                public String smsBaseUrl() {
                    return "http://127.0.0.1:1/sms";
                }

                @Override
                public String chatAppsBaseUrl() {
                    return "http://127.0.0.1:1/chatapps";
                }

                @Override
                public String verifyBaseUrl() {
                    return "http://127.0.0.1:1/verify";
                }

                @Override
                public String apiKey() {
                    return settings.apiKey() == null ? "sandbox-key" : settings.apiKey();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void sandboxUsesTheGivenKeyWithoutPrintingItAndLogsEachRequest() {
        RecordingFactory factory = new RecordingFactory();
        Cli.Run run = Cli.withSimulators(factory).run("sandbox", "--api-key", Cli.KEY, "--stop-after", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(Cli.KEY), factory.keys);
        assertFalse(run.all().contains(Cli.KEY), run.all());
        assertTrue(run.out().contains("--api-key      (the key you gave)\n"), run.out());
        assertTrue(run.out().contains("POST /sms/api/v1/subaccounts/acme/messages 200 +65******67\n"), run.out());
    }

    @Test
    void sandboxQuietLogsNothing() {
        RecordingFactory factory = new RecordingFactory();
        Cli.Run run = Cli.withSimulators(factory).run("sandbox", "--quiet", "--stop-after", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, factory.logs.size());
        assertEquals(null, factory.logs.get(0));
        assertEquals(null, factory.keys.get(0));
        assertFalse(run.out().contains("POST "), run.out());
    }

    @Test
    void sandboxKeepsTheGivenRecordWindow() {
        RecordingFactory factory = new RecordingFactory();
        assertEquals(0, Cli.withSimulators(factory).run("sandbox", "-q", "--stop-after", "0").exitCode());
        Cli.Run run = Cli.withSimulators(factory).run("sandbox", "-q", "--record-window", "2000000",
                "--stop-after", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(io.connect8x8.sandbox.Sandbox.DEFAULT_RECORD_WINDOW, 2_000_000), factory.recordWindows);

        Cli.Run refused = Cli.withSimulators(factory).run("sandbox", "--record-window", "-1", "--stop-after", "0");
        assertEquals(2, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("--record-window must be 0 or more"), refused.err());
    }
}
