package io.connect8x8.cli.internal;

import io.connect8x8.sandbox.Sandbox;
import java.util.function.Consumer;

/** The simulator of module connect8x8-sandbox behind {@link Simulator}. */
final class BundledSimulator implements SimulatorFactory {

    @Override
    public Simulator start(int port, double receiptTimeFactor) {
        return start(port, receiptTimeFactor, null, null);
    }

    @Override
    public Simulator start(int port, double receiptTimeFactor, String apiKey, Consumer<String> requestLog) {
        return start(port, receiptTimeFactor, apiKey, requestLog, Sandbox.DEFAULT_RECORD_WINDOW);
    }

    @Override
    public Simulator start(int port, double receiptTimeFactor, String apiKey, Consumer<String> requestLog,
                           int recordWindow) {
        Sandbox.Builder builder = Sandbox.builder().port(port).receiptTimeFactor(receiptTimeFactor)
                .recordWindow(recordWindow);
        if (apiKey != null) {
            builder.apiKey(apiKey);
        }
        if (requestLog != null) {
            builder.requestLog(requestLog);
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
