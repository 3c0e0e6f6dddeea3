package io.connect8x8.sandbox.internal;

/**
 * The validators of the two bundled documents, built once per JVM: parsing a document and building its validator
 * costs far more than a request, and both are immutable, so every simulator shares them.
 */
public final class Specs {

    private static volatile java.util.concurrent.CompletableFuture<Specs> loading;

    /** The SMS API's validator. */
    final SpecValidator sms;
    /** The Messaging Apps API's validator. */
    final SpecValidator chatApps;

    private Specs() {
        sms = SpecValidator.load("sms.json", FieldCodes.SMS);
        chatApps = SpecValidator.load("messaging-apps.json", FieldCodes.CHAT_APPS);
    }

    /**
     * The shared validators, loading in the background on first call: a cold JVM needs one to three seconds to load
     * the parser and validator classes, and a simulator should bind and return from {@code start()} at once; the
     * first API request waits for the load instead.
     *
     * @return the validators, complete or loading
     */
    public static java.util.concurrent.CompletableFuture<Specs> shared() {
        java.util.concurrent.CompletableFuture<Specs> specs = loading;
        if (specs == null) {
            synchronized (Specs.class) {
                specs = loading;
                if (specs == null) {
                    specs = new java.util.concurrent.CompletableFuture<>();
                    loading = specs;
                    java.util.concurrent.CompletableFuture<Specs> result = specs;
                    Thread loader = new Thread(() -> {
                        try {
                            result.complete(new Specs());
                        } catch (RuntimeException | Error e) {
                            result.completeExceptionally(e);
                        }
                    }, "sandbox-spec-loader");
                    loader.setDaemon(true);
                    loader.start();
                }
            }
        }
        return specs;
    }
}
