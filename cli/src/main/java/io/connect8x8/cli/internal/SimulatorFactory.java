package io.connect8x8.cli.internal;

import java.util.function.Consumer;

/** Starts simulators. */
@FunctionalInterface
public interface SimulatorFactory {

    /**
     * Starts a simulator on the loopback interface, with its default key and no request log.
     *
     * @param port the port, or 0 for a free one
     * @param receiptTimeFactor how much faster than the live API receipts are sent (1.0 the real schedule)
     * @return the running simulator, which the caller closes
     */
    Simulator start(int port, double receiptTimeFactor);

    /**
     * Starts a simulator on the loopback interface that accepts the given key and reports each answered request.
     * A factory that cannot honour them (a test's fake) starts its plain simulator.
     *
     * @param port the port, or 0 for a free one
     * @param receiptTimeFactor how much faster than the live API receipts are sent (1.0 the real schedule)
     * @param apiKey the key to accept, or null for the simulator's default
     * @param requestLog receives one line per answered request (method, path, status, masked number), or null
     * @return the running simulator, which the caller closes
     */
    default Simulator start(int port, double receiptTimeFactor, String apiKey, Consumer<String> requestLog) {
        return start(port, receiptTimeFactor);
    }

    /**
     * Starts a simulator as {@link #start(int, double, String, Consumer)} does, keeping the latest
     * {@code recordWindow} messages whole (its log export lists every message either way). A factory that cannot
     * honour it starts its plain simulator.
     *
     * @param port the port, or 0 for a free one
     * @param receiptTimeFactor how much faster than the live API receipts are sent (1.0 the real schedule)
     * @param apiKey the key to accept, or null for the simulator's default
     * @param requestLog receives one line per answered request, or null
     * @param recordWindow how many of the latest messages are kept whole, 0 or more
     * @return the running simulator, which the caller closes
     */
    default Simulator start(int port, double receiptTimeFactor, String apiKey, Consumer<String> requestLog,
                            int recordWindow) {
        return start(port, receiptTimeFactor, apiKey, requestLog);
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
