package io.connect8x8.cli.internal;

/** Starts simulators. */
@FunctionalInterface
public interface SimulatorFactory {

    /**
     * Starts a simulator on the loopback interface.
     *
     * @param port the port, or 0 for a free one
     * @param receiptTimeFactor how much faster than the live API receipts are sent (1.0 the real schedule)
     * @return the running simulator, which the caller closes
     */
    Simulator start(int port, double receiptTimeFactor);

    /**
     * Returns the factory of the simulator bundled with the CLI (module connect8x8-sandbox).
     *
     * @return the factory of the simulator bundled with the CLI (module connect8x8-sandbox)
     */
    static SimulatorFactory bundled() {
        return BundledSimulator::start;
    }
}
