package io.connect8x8.cli.internal;

import io.connect8x8.sandbox.Sandbox;

/** The simulator of module connect8x8-sandbox behind {@link Simulator}. */
final class BundledSimulator {

    private BundledSimulator() {
    }

    static Simulator start(int port, double receiptTimeFactor) {
        Sandbox sandbox = Sandbox.builder().port(port).receiptTimeFactor(receiptTimeFactor).build().start();
        return new Simulator() {
            @Override
            public String smsBaseUrl() {
                return sandbox.smsBaseUrl();
            }

            @Override
            public String chatAppsBaseUrl() {
                return sandbox.chatAppsBaseUrl();
            }

            @Override
            public String apiKey() {
                return sandbox.apiKey();
            }

            @Override
            public void close() {
                sandbox.close();
            }
        };
    }
}
