package io.connect8x8.cli.internal;

import io.connect8x8.sandbox.Sandbox;

/** The simulator of module connect8x8-sandbox behind {@link Simulator}. */
final class BundledSimulator implements SimulatorFactory {

    @Override
    public Simulator start(Settings settings) {
        Sandbox.Builder builder = Sandbox.builder().port(settings.port())
                .receiptTimeFactor(settings.receiptTimeFactor()).recordWindow(settings.recordWindow());
        if (settings.apiKey() != null) {
            builder.apiKey(settings.apiKey());
        }
        if (settings.requestLog() != null) {
            builder.requestLog(settings.requestLog());
        }
        Sandbox sandbox = builder.build().start();
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
            public String verifyBaseUrl() {
                return sandbox.verifyBaseUrl();
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
