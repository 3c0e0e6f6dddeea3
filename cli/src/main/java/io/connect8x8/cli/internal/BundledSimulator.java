package io.connect8x8.cli.internal;

/**
 * The simulator of module connect8x8-sandbox behind {@link Simulator}.
 *
 * <p>The sandbox module is developed on its own branch; until it is merged, this build has no simulator and
 * {@link #start(int, double)} fails with a message saying so (exit code 1). Once it is merged, this method is
 * the only wiring to write, against the sandbox's announced API:
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.builder().port(port).receiptTimeFactor(receiptTimeFactor).build().start();
 * return new Simulator() {
 *     public String smsBaseUrl() { return sandbox.smsBaseUrl(); }
 *     public String chatAppsBaseUrl() { return sandbox.chatAppsBaseUrl(); }
 *     public String apiKey() { return sandbox.apiKey(); }
 *     public void close() { sandbox.close(); }
 * };
 * }</pre>
 */
final class BundledSimulator {

    private BundledSimulator() {
    }

    static Simulator start(int port, double receiptTimeFactor) {
        throw new IllegalStateException("the simulator (module connect8x8-sandbox) is not in this build yet");
    }
}
