package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.cli.internal.SimulatorFactory;
import org.junit.jupiter.api.Test;

/**
 * The launcher's training run for the simulator's class-data archive ({@code sandbox --answer-one-and-stop}):
 * the bundled simulator answers one valid SMS sent to itself over HTTP, then the command ends.
 */
class SandboxCommandTest {

    @Test
    void theTrainingRunAnswersOneSmsAndStops() {
        Cli.Run run = Cli.withSimulators(SimulatorFactory.bundled()).run("sandbox", "--answer-one-and-stop");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("POST /sms/api/v1/subaccounts/cds-training/messages 200 +65******67\n"),
                run.out());
    }
}
