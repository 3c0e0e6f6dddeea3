package io.connect8x8.cli.internal;

import io.connect8x8.sandbox.Sandbox;
import java.util.function.Consumer;

/** Starts simulators. */
@FunctionalInterface
public interface SimulatorFactory {

    /**
     * Starts a simulator on the loopback interface. A factory that cannot honour every setting (a test's fake) starts
     * its plain simulator.
     *
     * @param settings how the simulator runs
     * @return the running simulator, which the caller closes
     */
    Simulator start(Settings settings);

    /**
     * How a simulator runs.
     *
     * @param port the port, or 0 for a free one
     * @param receiptTimeFactor how much faster than the live API receipts are sent (1.0 the real schedule)
     * @param apiKey the key to accept, or null for the simulator's default
     * @param requestLog receives one line per answered request (method, path, status, masked number), or null
     * @param recordWindow how many of the latest messages are kept whole (its log export lists every message either
     *     way), 0 or more
     */
    record Settings(int port, double receiptTimeFactor, String apiKey, Consumer<String> requestLog,
                    int recordWindow) {

        /**
         * {@return the settings with the simulator's default key and record window, and no request log}
         *
         * @param port the port, or 0 for a free one
         * @param receiptTimeFactor how much faster than the live API receipts are sent
         */
        public static Settings of(int port, double receiptTimeFactor) {
            return new Settings(port, receiptTimeFactor, null, null, Sandbox.DEFAULT_RECORD_WINDOW);
        }
    }

    /**
     * Returns the factory of the simulator bundled with the CLI (module connect8x8-sandbox).
     *
     * @return the factory of the simulator bundled with the CLI
     */
    static SimulatorFactory bundled() {
        return new BundledSimulator();
    }
}
