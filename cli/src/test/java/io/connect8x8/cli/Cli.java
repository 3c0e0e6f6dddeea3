package io.connect8x8.cli;

import io.connect8x8.cli.internal.CliContext;
import io.connect8x8.cli.internal.SimulatorFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command in-process with captured writers: the test fixture every CLI test shares. */
final class Cli {

    /** A key recognisable in any output. */
    static final String KEY = "SeCrEt-KeY-7f3a9c21";

    private final Map<String, String> env;
    private final SimulatorFactory simulators;

    private Cli(Map<String, String> env, SimulatorFactory simulators) {
        this.env = env;
        this.simulators = simulators;
    }

    static Cli withEnv(Map<String, String> env) {
        return new Cli(env, settings -> {
            throw new IllegalStateException("no simulator in this test");
        });
    }

    static Cli plain() {
        return withEnv(Map.of());
    }

    static Cli withSimulators(SimulatorFactory simulators) {
        return new Cli(Map.of(), simulators);
    }

    /** The outcome of one run. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs the arguments as {@code connect8x8} does: on a command line that holds only the command they name. */
    Run run(String... args) {
        return run(Main.newCommandLine(new CliContext(env, simulators, () -> false), args), args);
    }

    /** Runs the arguments on a command line that holds every command. */
    Run runWithEveryCommand(String... args) {
        return run(Main.newCommandLine(new CliContext(env, simulators, () -> false)), args);
    }

    private static Run run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
