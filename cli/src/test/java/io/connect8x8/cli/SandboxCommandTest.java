package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.cli.internal.SimulatorFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A port already taken; and the launcher's training run for the simulator's class-data archive
 * ({@code sandbox --answer-one-and-stop}): the bundled simulator answers one valid SMS sent to itself over HTTP, then
 * the command ends.
 */
class SandboxCommandTest {

    @Test
    void theTrainingRunAnswersOneSmsAndStops() {
        Cli.Run run = Cli.withSimulators(SimulatorFactory.bundled()).run("sandbox", "--answer-one-and-stop");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("POST /sms/api/v1/subaccounts/cds-training/messages 200 +65******67\n"),
                run.out());
    }

    /** A port another process holds is bad usage (exit 2, one line naming --port), not an internal error (exit 1). */
    @Test
    void aPortInUseIsBadUsageNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Cli.Run run = Cli.withSimulators(SimulatorFactory.bundled()).run("sandbox", "--port", "" + port,
                    "--stop-after", "0");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("", run.out());
            assertEquals("connect8x8: --port " + port + ": cannot listen on 127.0.0.1:" + port
                    + " (Address already in use); --port 0 takes a free one\n"
                    + "Try 'connect8x8 sandbox --help' for more information.\n", run.err());
        }
    }

    /** A port that is not 0 to 65535 is refused in the sandbox's own main's words (SandboxMain), before any start. */
    @Test
    void aPortThatIsNotANumberOrOutOfRangeIsRefusedAsTheSandboxMainRefusesIt() {
        for (String port : new String[] {"abc", "70000", "65536", "-1", "99999999999"}) {
            Cli.Run run = Cli.plain().run("sandbox", "--port", port);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("", run.out());
            assertEquals("connect8x8: --port must be a number from 0 to 65535: '" + port + "'\n"
                    + "Try 'connect8x8 sandbox --help' for more information.\n", run.err());
        }
    }
}
