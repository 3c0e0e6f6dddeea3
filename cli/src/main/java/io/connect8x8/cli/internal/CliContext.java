package io.connect8x8.cli.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What one run of the command sees of the world: the environment variables, how to start the simulator, and
 * whether stderr is a terminal. Tests pass their own; {@link #system()} is the real one.
 *
 * @param environment the environment variables
 * @param simulators how the {@code sandbox} and {@code demo} commands start the simulator
 * @param interactive whether stderr is a terminal (progress bars are drawn only then)
 */
public record CliContext(Map<String, String> environment, SimulatorFactory simulators, BooleanSupplier interactive) {

    /**
     * Copies the environment.
     *
     * @param environment the environment variables
     * @param simulators how the simulator is started
     * @param interactive whether stderr is a terminal
     */
    public CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(simulators, "simulators");
        Objects.requireNonNull(interactive, "interactive");
    }

    /**
     * Returns the process's environment, the bundled simulator, and a terminal check on {@link System#console()}.
     *
     * @return the process's environment, the bundled simulator, and a terminal check on {@link System#console()}
     */
    public static CliContext system() {
        return new CliContext(System.getenv(), SimulatorFactory.bundled(), () -> System.console() != null);
    }

    /**
     * Reads an environment variable through this context, so tests give the command an environment of their own instead
     * of the process's.
     *
     * @param name the variable's name
     * @return its value, or null when unset
     */
    public String env(String name) {
        return environment.get(name);
    }
}
