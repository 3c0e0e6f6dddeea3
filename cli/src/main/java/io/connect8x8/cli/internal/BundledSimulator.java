package io.connect8x8.cli.internal;

/**
 * The simulator of module connect8x8-sandbox behind {@link Simulator}.
 *
 * <p>The sandbox module is developed on its own branch; until it is merged, this build has no simulator and
 * {@link #start(int, double)} fails with a message saying so (exit code 1).
 */
final class BundledSimulator {

    private BundledSimulator() {
    }

    static Simulator start(int port, double receiptTimeFactor) {
        throw new IllegalStateException("the simulator (module connect8x8-sandbox) is not in this build yet");
    }
}
